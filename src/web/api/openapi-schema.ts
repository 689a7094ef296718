/**
 * @module The shapes of an OpenAPI 3.1 document and the small builders its parts are written with
 * (schemas are JSON Schema 2020-12). openapi.ts writes the public API with them, openapi-secretariat.ts
 * the secretariat's operations.
 */
/** JSON values, for a document that is plain data. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonSchema = { readonly [key: string]: Json };

export interface OpenApiParameter {
  readonly name: string;
  readonly in: "path" | "query";
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly content?: { readonly [mediaType: string]: { readonly schema: JsonSchema } };
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly parameters?: readonly OpenApiParameter[];
  /** The body a write takes (issue 13's secretariat operations). */
  readonly requestBody?: {
    readonly required: boolean;
    readonly description?: string;
    readonly content: { readonly [mediaType: string]: { readonly schema: JsonSchema } };
  };
  /** Present on operations that need a signed-in user or an API token: [{ bearerAuth: [] }]. */
  readonly security?: readonly { readonly [scheme: string]: readonly string[] }[];
  readonly responses: { readonly [status: string]: OpenApiResponse };
}

/** The methods a path may have; the public surface has only GET, the secretariat writes with the rest. */
export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type OpenApiPathItem = { readonly [method in HttpMethod]?: OpenApiOperation };

/**
 * Every operation of the document with its path and method, in document order.
 * @example operationsOf(doc).filter((o) => o.method === "get" && !o.operation.security) // the public reads
 */
export function operationsOf(
  doc: Pick<OpenApiDocument, "paths">,
): { readonly path: string; readonly method: HttpMethod; readonly operation: OpenApiOperation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

export interface OpenApiDocument {
  readonly openapi: "3.1.0";
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string }[];
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly paths: { readonly [path: string]: OpenApiPathItem };
  readonly components: {
    readonly schemas: { readonly [name: string]: JsonSchema };
    readonly securitySchemes?: { readonly [name: string]: JsonSchema };
  };
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (type: string): JsonSchema => ({ type: [type, "null"] });
export const string: JsonSchema = { type: "string" };
export const integer: JsonSchema = { type: "integer" };
export const url: JsonSchema = { type: "string", format: "uri" };
export const date: JsonSchema = { type: "string", format: "date" };
export const dateTime: JsonSchema = { type: "string", format: "date-time" };

export function object(properties: { [key: string]: JsonSchema }, description?: string): JsonSchema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    required: Object.keys(properties),
    properties,
  };
}

/** An object schema with properties that may be absent (object() requires every property). */
export function withOptional(schema: JsonSchema, optional: { [key: string]: JsonSchema }): JsonSchema {
  return { ...schema, properties: { ...(schema.properties as { [key: string]: JsonSchema }), ...optional } };
}

export function json(schema: JsonSchema, description: string): OpenApiResponse {
  return { description, content: { "application/json": { schema } } };
}

export const errorResponse = (description: string) => json(ref("Error"), description);
export const htmlPage = (description: string): OpenApiResponse => ({
  description,
  content: { "text/html": { schema: string } },
});

export function idParameter(what: string): OpenApiParameter {
  return {
    name: "id",
    in: "path",
    required: true,
    description: `Id på ${what}.`,
    schema: { type: "integer", minimum: 1, maximum: 2_147_483_647 },
  };
}

export const badId = () => errorResponse("Id'et er ikke et helt tal fra 1 til 2147483647.");

export function query(name: string, description: string, schema: JsonSchema): OpenApiParameter {
  return { name, in: "query", required: false, description, schema };
}

export const paging: readonly OpenApiParameter[] = [
  query("limit", "Antal pr. side (1-200, standard 50).", { type: "integer", minimum: 1, maximum: 200 }),
  query("offset", "Antal der springes over (standard 0).", { type: "integer", minimum: 0 }),
];

export const listOf = (item: string): JsonSchema =>
  object({ total: integer, limit: integer, offset: integer, data: { type: "array", items: ref(item) } });
export const boolean: JsonSchema = { type: "boolean" };
export const strings: JsonSchema = { type: "array", items: string };

const BEARER = [{ bearerAuth: [] }] as const;

/** A file sent by itself, as an upload's part or as the whole body. */
export const fileContent: JsonSchema = { type: "string", contentMediaType: "application/octet-stream" };

/**
 * A required multipart/form-data body whose field `file` is required, beside `properties`' other fields;
 * `alternatives` are other media types the operation takes instead.
 */
export const multipartFileBody = (
  properties: { [key: string]: JsonSchema },
  alternatives: { [mediaType: string]: { readonly schema: JsonSchema } } = {},
) => ({
  required: true,
  content: {
    "multipart/form-data": { schema: { type: "object", required: ["file"], properties } },
    ...alternatives,
  },
});

/** Operations under `tag` that need an API key (or a login). */
export const bearerOperation =
  (tag: string) =>
  (operation: Omit<OpenApiOperation, "tags" | "security">): OpenApiOperation => ({
    ...operation,
    tags: [tag],
    security: BEARER,
  });

/** An operation of the secretariat's API: tagged "secretariat", called with an API key (or a login). */
export const secretariatOperation = bearerOperation("secretariat");

/** A required JSON request body: an object with these properties, of which `required` must be there. */
export const objectBody = (
  properties: { [key: string]: JsonSchema },
  required: string[],
  description: string,
) => ({
  required: true,
  description,
  content: { "application/json": { schema: { type: "object", required, properties } } },
});

/**
 * The refusals of a secretariat operation: 400 and 401 as every such operation words them, 403 and 404 in
 * the operation's words, then any further status with its text.
 */
export const secretariatRefusals = (
  forbidden: string,
  missing: string,
  extra: { [status: string]: string } = {},
) => ({
  "400": errorResponse("Forespørgslen har forkert form."),
  "401": errorResponse("Hverken login eller API-nøgle."),
  "403": errorResponse(forbidden),
  "404": errorResponse(missing),
  ...Object.fromEntries(Object.entries(extra).map(([status, text]) => [status, errorResponse(text)])),
});
