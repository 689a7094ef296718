/**
 * @module The shared OParl 1.1 schemas as an Ajv validator. They are not plain JSON Schema: a property
 * `{"type": "object", "schema": "File.json"}` embeds an object of that type, so each such node becomes a
 * `$ref` to the named file; the extra keywords (references, backreference, cardinality) are tolerated
 * (`strict: false`), and the `url` format is added beside ajv-formats' date and date-time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const schemaDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/oparl-1.1-schema");
const SCHEMA_BASE = "https://schema.oparl.org/1.1/schema/";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replaces every `{"schema": "X.json", ...}` node by `{"$ref": "X.json"}` (resolved against SCHEMA_BASE). */
function resolveEmbedded(node: Json): Json {
  if (Array.isArray(node)) return node.map(resolveEmbedded);
  if (node === null || typeof node !== "object") return node;
  if (typeof node.schema === "string") return { $ref: node.schema };
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveEmbedded(v)]));
}

export interface OparlValidator {
  /** Type names the schemas cover: "Meeting", "AgendaItem", ... */
  readonly types: readonly string[];
  /** Errors of one object against the schema of its `type`; an unknown type is an error too. */
  validate(object: unknown): string[];
}

export function loadOparlValidator(): OparlValidator {
  // ajv-formats is CommonJS; under ESM its plugin function may sit on `default`.
  type AddFormats = (ajv: Ajv, formats: readonly string[]) => unknown;
  const loaded = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
  const addFormats: AddFormats = loaded.default ?? loaded;
  // The schemas escape ":" and "/" in their type patterns ("^https\\:\\/\\/..."), which the unicode
  // regular expressions Ajv uses by default refuse; plain regular expressions read them as meant.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv, ["date", "date-time"]);
  ajv.addFormat("url", (value: string) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  });
  const validators = new Map<string, ValidateFunction>();
  const files = readdirSync(schemaDir).filter((f) => f.endsWith(".json"));
  for (const file of files) {
    const schema = resolveEmbedded(JSON.parse(readFileSync(join(schemaDir, file), "utf8")) as Json);
    ajv.addSchema({ ...(schema as object), $id: `${SCHEMA_BASE}${file}` });
  }
  for (const file of files) {
    const name = file.replace(/\.json$/, "");
    const validate = ajv.getSchema(`${SCHEMA_BASE}${file}`);
    if (!validate) throw new Error(`schema ${file} did not compile`);
    validators.set(name, validate);
  }
  return {
    types: [...validators.keys()],
    validate(object) {
      const type = (object as { type?: unknown })?.type;
      const name = typeof type === "string" ? type.replace("https://schema.oparl.org/1.1/", "") : "";
      const validate = validators.get(name);
      if (!validate) return [`unknown type ${String(type)}`];
      if (validate(object)) return [];
      return (validate.errors ?? []).map((e: ErrorObject) => `${name}${e.instancePath} ${e.message ?? ""}`);
    },
  };
}
