/**
 * @module Matters across meetings in the OpenAPI document (issue 14), served by matter-api.tsx; merged
 * into the paths by openapi-secretariat.ts. Schemas are inline, so nothing is added to the components.
 * getMatter is public (a login or key only shows more: closed items to those who may see them).
 */
import {
  boolean,
  date,
  errorResponse,
  idParameter,
  integer,
  type JsonSchema,
  json,
  nullable,
  type OpenApiPathItem,
  object,
  objectBody,
  query,
  secretariatOperation,
  secretariatRefusals,
  string,
  url,
} from "./openapi-schema.js";

const MATTER: JsonSchema = object(
  {
    id: integer,
    title: string,
    url: url,
    modified: { type: "string", format: "date-time" },
    items: {
      type: "array",
      description: "Sagens punkter, ældste møde først; kun dem, den spørgende må se.",
      items: object({
        id: integer,
        number: string,
        title: string,
        decision: nullable("string"),
        meetingId: integer,
        date,
        bodyId: integer,
        bodyName: string,
        url: url,
      }),
    },
  },
  "En sag på tværs af møder og organer.",
);

const SUGGESTED_ITEM: JsonSchema = object({
  id: integer,
  number: string,
  title: string,
  meetingId: integer,
  date,
  bodyId: integer,
  bodyName: string,
  matterIds: { type: "array", items: integer, description: "De sager, punktet allerede hører til." },
});

const SUGGESTION: JsonSchema = object(
  {
    item: SUGGESTED_ITEM,
    other: SUGGESTED_ITEM,
    score: { type: "number", minimum: 0, maximum: 1 },
    sameCaseNumber: boolean,
  },
  "To punkter, der nok hører til samme sag (titlen afgør; samme sagsnummer styrker kun).",
);

const secretariat = secretariatOperation;
const body = objectBody;
const refusals = (extra: { [status: string]: string } = {}) =>
  secretariatRefusals(
    "Kun sekretariatet for et af punkternes organer eller en administrator må.",
    "Sagen eller punktet findes ikke.",
    extra,
  );
const pair = body(
  { itemId: integer, otherItemId: integer },
  ["itemId", "otherItemId"],
  "De to punkters id'er.",
);

/** The matter operations by path. */
export function matterPaths(): { readonly [path: string]: OpenApiPathItem } {
  return {
    "/api/matters": {
      post: secretariat({
        operationId: "createMatter",
        summary: "Opret en sag fra et punkt",
        requestBody: body(
          { itemId: integer, title: string },
          ["itemId"],
          "Punktet; titlen er valgfri (ellers punktets titel uden årstal; påkrævet for et lukket punkt).",
        ),
        responses: {
          "201": json(MATTER, "Sagen."),
          ...refusals({ "422": "Titlen mangler eller er for lang." }),
        },
      }),
    },
    "/api/matters/{id}": {
      get: {
        operationId: "getMatter",
        summary: "En sag med dens forløb på tværs af møder",
        tags: ["meetings"],
        // Public; a login or API key shows closed items to those who may see them.
        security: [{}, { bearerAuth: [] }],
        parameters: [idParameter("sagen")],
        responses: {
          "200": json(MATTER, "Sagen."),
          "400": errorResponse("Id'et er ikke et helt tal."),
          "404": errorResponse("Sagen findes ikke, eller den spørgende må ikke se nogen af dens punkter."),
        },
      },
    },
    "/api/matters/{id}/items": {
      post: secretariat({
        operationId: "linkMatterItem",
        summary: "Føj et punkt til en sag",
        parameters: [idParameter("sagen")],
        requestBody: body({ itemId: integer }, ["itemId"], "Punktets id."),
        responses: {
          "200": json(
            object({ linked: boolean, matter: MATTER }),
            "linked false: punktet var der i forvejen.",
          ),
          ...refusals(),
        },
      }),
    },
    "/api/matters/{id}/items/{itemId}": {
      delete: secretariat({
        operationId: "unlinkMatterItem",
        summary: "Tag et punkt ud af en sag (en tom sag slettes)",
        parameters: [
          idParameter("sagen"),
          { name: "itemId", in: "path", required: true, description: "Punktets id.", schema: integer },
        ],
        responses: {
          "200": json(
            object({ matterDeleted: boolean, matter: { oneOf: [MATTER, { type: "null" }] } }),
            "Sagen nu.",
          ),
          ...refusals(),
        },
      }),
    },
    "/api/matter-suggestions": {
      get: secretariat({
        operationId: "listMatterSuggestions",
        summary: "Forslag: punkter, der nok hører til samme sag",
        parameters: [
          query("limit", "Højst så mange forslag (1–200, standard 50).", integer),
          query("itemId", "Kun forslag med dette punkt.", integer),
        ],
        responses: {
          "200": json(object({ data: { type: "array", items: SUGGESTION } }), "Forslagene, bedste først."),
          ...refusals(),
        },
      }),
    },
    "/api/matter-suggestions/link": {
      post: secretariat({
        operationId: "linkMatterSuggestion",
        summary: "Ja, samme sag: saml to punkter i én sag",
        requestBody: pair,
        responses: {
          "200": json(object({ created: boolean, matter: MATTER }), "Det ene punkts sag fik det andet."),
          "201": json(object({ created: boolean, matter: MATTER }), "En ny sag med begge punkter."),
          ...refusals({ "422": "To ens punkter." }),
        },
      }),
    },
    "/api/matter-suggestions/dismiss": {
      post: secretariat({
        operationId: "dismissMatterSuggestion",
        summary: "Nej, ikke samme sag: forslaget vises ikke igen",
        requestBody: pair,
        responses: { "200": json(object({ dismissed: boolean }), "Afvist."), ...refusals() },
      }),
    },
  };
}
