/**
 * @module Imports in the OpenAPI document, served by import-api.tsx: upload files to the job queue and
 * follow their batch. An administrator's login or API token (bearerAuth).
 */
import { MAX_SOURCE_FILE_BYTES } from "../../ingest/index.js";
import {
  bearerOperation,
  errorResponse,
  fileContent,
  integer,
  type JsonSchema,
  json,
  multipartFileBody,
  nullable,
  type OpenApiPathItem,
  object,
  query,
  string,
} from "./openapi-schema.js";

const MB = MAX_SOURCE_FILE_BYTES / 1024 / 1024;
const importOperation = bearerOperation("imports");

const nullableDateTime: JsonSchema = { type: ["string", "null"], format: "date-time" };
const STATES = ["queued", "running", "done", "failed"];

const QUEUED: JsonSchema = object({ name: string, job: { ...integer, description: "Filens job." } });
const UNCHANGED: JsonSchema = object(
  { name: string, outcome: { const: "unchanged" } },
  "Filens indhold er indlæst før (samme sha256): intet job.",
);

const UPLOADED: JsonSchema = object({
  batch: { type: "string", description: "Indlæsningens id (en UUID)." },
  status: {
    ...nullable("string"),
    description: "Hvor indlæsningen følges (GET); null når ingen fil fik et job.",
  },
  files: { type: "array", items: { oneOf: [QUEUED, UNCHANGED] } },
});

const FILE_JOB: JsonSchema = object({
  name: nullable("string"),
  job: integer,
  kind: { const: "import-file" },
  state: { type: "string", enum: STATES },
  worker: { ...nullable("string"), description: "Arbejderen, der kører jobbet nu; null ellers." },
  attempts: integer,
  maxAttempts: integer,
  progress: {
    oneOf: [
      { type: "null" },
      object({ done: integer, total: integer, step: nullable("string") }, "OCR: sider læst af sider."),
    ],
  },
  error: { ...nullable("string"), description: "Hvorfor filen ikke blev indlæst, én linje." },
  result: {
    description:
      'Når jobbet er færdigt: filens rapport (outcome "imported" eller "unchanged", kind, items, warnings …).',
  },
  created: { type: "string", format: "date-time" },
  started: nullableDateTime,
  finished: nullableDateTime,
});

const BATCH: JsonSchema = object({
  batch: string,
  total: integer,
  queued: integer,
  running: integer,
  done: integer,
  failed: integer,
  files: { type: "array", items: FILE_JOB },
});

const refusals = {
  "401": errorResponse("Hverken login eller API-nøgle."),
  "403": errorResponse("Kun administratorer må indlæse filer."),
};

export function importPaths(): { readonly [path: string]: OpenApiPathItem } {
  return {
    "/api/imports": {
      post: importOperation({
        operationId: "uploadImport",
        summary: "Indlæs filer (referater, dagsordener, bilag) gennem jobkøen",
        description:
          `Hver fil (PDF, DOCX, TXT, HTML; højst ${MB} MB i alt pr. forespørgsel) gemmes og får et ` +
          "import-file-job i én ny indlæsning (batch); svaret kommer straks, og GET status følger jobbene. " +
          "En fil, hvis indhold er indlæst før, får intet job.",
        parameters: [
          query("name", "Filens navn, når filen sendes som forespørgslens indhold (ikke multipart).", string),
        ],
        requestBody: multipartFileBody(
          {
            file: {
              type: "array",
              items: fileContent,
              description: "Én eller flere filer, hver i et felt file.",
            },
          },
          { "application/octet-stream": { schema: fileContent } },
        ),
        responses: {
          "202": json(UPLOADED, "Filerne er sat i kø; følg dem på status."),
          "200": json(UPLOADED, "Ingen fil fik et job: alle er indlæst før (status er null)."),
          "400": errorResponse("Ingen fil, en tom fil, eller en fil uden navn; intet er sat i kø."),
          ...refusals,
          "413": errorResponse(`En fil er større end ${MB} MB; intet er sat i kø.`),
          "422": errorResponse(
            "En fil er ikke PDF, Word (.docx), HTML eller tekst (efter navnets endelse); intet er sat i kø.",
          ),
        },
      }),
    },
    "/api/imports/{batch}": {
      get: importOperation({
        operationId: "getImport",
        summary: "En indlæsnings filer: tilstand, forsøg, OCR-fremskridt, fejl og resultat",
        parameters: [
          {
            name: "batch",
            in: "path",
            required: true,
            description: "Indlæsningens id (batch fra POST /api/imports).",
            schema: { type: "string", format: "uuid" },
          },
        ],
        responses: {
          "200": json(BATCH, "Indlæsningen, én fil pr. job, i den rækkefølge de blev sat i kø."),
          ...refusals,
          "404": errorResponse("Ingen indlæsning med det id (færdige job slettes efter 14 dage)."),
        },
      }),
    },
  };
}
