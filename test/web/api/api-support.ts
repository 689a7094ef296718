/**
 * @module What the issue 14 API tests share: a caller that sends JSON with a bearer token, as an ESDH
 * system would, and the check that an answer matches the schema the OpenAPI document gives for it.
 */
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Hono } from "hono";
import { type HttpMethod, openApiDocument } from "../../../src/web/api/openapi.js";

type AddFormats = (ajv: Ajv2020, formats: readonly string[]) => unknown;
const loadedFormats = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = loadedFormats.default ?? loadedFormats;
const doc = openApiDocument("http://localhost:3000");

/** Fails unless `body` matches the documented JSON schema of `method path` answering `status`. */
export function assertDocumented(path: string, method: HttpMethod, status: number, body: unknown): void {
  const op = doc.paths[path]?.[method];
  assert.ok(op, `${method} ${path} documented`);
  const schema = op.responses[String(status)]?.content?.["application/json"]?.schema;
  assert.ok(schema, `${method} ${path} ${status} documented`);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv, ["date", "date-time", "uri"]);
  const validate = ajv.compile({ ...schema, components: doc.components });
  assert.ok(validate(body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

/**
 * Calls on `app` as an API client: `request` answers the Response, `call` its status and JSON body. Each
 * sends `token` as bearer unless given another (or null, for none).
 */
export function apiClient(app: Hono, token: string) {
  const request = (method: HttpMethod, path: string, body?: unknown, bearer: string | null = token) => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    return app.request(path, {
      method: method.toUpperCase(),
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  };
  const call = async (method: HttpMethod, path: string, body?: unknown, bearer: string | null = token) => {
    const res = await request(method, path, body, bearer);
    // biome-ignore lint/suspicious/noExplicitAny: each answer is checked against its documented schema.
    return { status: res.status, body: (await res.json()) as { [k: string]: any } };
  };
  return { request, call };
}
