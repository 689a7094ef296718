/**
 * @module Decisions sent on and follow-up in the OpenAPI document (issue 14), served by follow-up-api.tsx;
 * merged into the paths by openapi-secretariat.ts. Schemas are inline.
 */
import {
  date,
  dateTime,
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
} from "./openapi-schema.js";

const nullableDate: JsonSchema = { type: ["string", "null"], format: "date" };

const FOLLOW_UP: JsonSchema = object(
  {
    id: integer,
    itemId: integer,
    itemNumber: string,
    itemTitle: string,
    meetingId: integer,
    meetingDate: date,
    bodyId: integer,
    bodyName: string,
    description: string,
    responsibleKind: { type: "string", enum: ["secretariat", "municipality", "organisation"] },
    municipality: nullable("string"),
    responsible: nullable("string"),
    dueDate: nullableDate,
    status: { type: "string", enum: ["open", "in-progress", "done"] },
    overdue: { type: "boolean", description: "Ikke afsluttet, og fristen er før i dag (København)." },
    notes: nullable("string"),
    reminderSentAt: { type: ["string", "null"], format: "date-time" },
    revision: integer,
  },
  "En opfølgningsopgave på en beslutning.",
);

const FOLLOW_UP_FIELDS: { [key: string]: JsonSchema } = {
  description: string,
  responsibleKind: { type: "string", enum: ["secretariat", "municipality", "organisation"] },
  municipality: nullable("string"),
  responsible: nullable("string"),
  dueDate: nullableDate,
  status: { type: "string", enum: ["open", "in-progress", "done"] },
  notes: nullable("string"),
};

const DISPATCH: JsonSchema = object({
  id: integer,
  municipality: string,
  email: string,
  sentAt: dateTime,
  sentBy: nullable("string"),
  jobId: { type: ["integer", "null"] },
  jobState: nullable("string"),
});

const ADDRESSES: JsonSchema = {
  type: "array",
  items: object({ municipality: string, email: nullable("string") }),
};

const secretariat = secretariatOperation;
const body = objectBody;
const refusals = (extra: { [status: string]: string } = {}) =>
  secretariatRefusals(
    "Kun organets sekretariat eller en administrator må.",
    "Punktet, opgaven eller organet findes ikke.",
    extra,
  );
const itemId = {
  name: "id",
  in: "path" as const,
  required: true,
  description: "Punktets id.",
  schema: integer,
};

/** The operations by path. */
export function followUpPaths(): { readonly [path: string]: OpenApiPathItem } {
  return {
    "/api/items/{id}/decision-dispatches": {
      get: secretariat({
        operationId: "listDecisionDispatches",
        summary: "Hvad et punkts beslutning er sendt til hvem og hvornår",
        parameters: [itemId],
        responses: {
          "200": json(object({ data: { type: "array", items: DISPATCH } }), "Nyeste først."),
          ...refusals(),
        },
      }),
      post: secretariat({
        operationId: "sendDecision",
        summary: "Send beslutningen videre til kommunerne (ét brev som PDF pr. kommune)",
        parameters: [itemId],
        requestBody: body(
          {
            municipalities: {
              oneOf: [
                { type: "string", enum: ["all"] },
                { type: "array", items: string },
              ],
            },
          },
          ["municipalities"],
          '"all" for alle organets kommuner med adresse, eller kommunernes navne ("Aalborg").',
        ),
        responses: {
          "201": json(
            object({
              itemId: integer,
              dispatches: {
                type: "array",
                items: object({ id: integer, municipality: string, email: string, jobId: integer }),
              },
            }),
            "Brevene er lagt i jobkøen; hver mail sendes af arbejderen.",
          ),
          ...refusals({
            "409": "Punktet er lukket eller har ingen beslutning.",
            "422": "En kommune er ikke organets eller har ingen adresse; eller ingen er valgt.",
          }),
        },
      }),
    },
    "/api/follow-ups": {
      get: secretariat({
        operationId: "listFollowUps",
        summary: "Opfølgningsopgaver, overskredne først",
        parameters: [
          query("bodyId", "Kun dette organs.", integer),
          query("municipality", 'Kun dem, der ligger hos denne kommune ("Aalborg").', string),
          query("itemId", "Kun dette punkts.", integer),
        ],
        responses: {
          "200": json(object({ today: date, data: { type: "array", items: FOLLOW_UP } }), "Opgaverne."),
          ...refusals(),
        },
      }),
    },
    "/api/items/{id}/follow-ups": {
      post: secretariat({
        operationId: "createFollowUp",
        summary: "Giv en beslutning en opfølgningsopgave",
        parameters: [itemId],
        requestBody: body(
          FOLLOW_UP_FIELDS,
          ["description"],
          "Opgaven; responsibleKind er som standard secretariat.",
        ),
        responses: {
          "201": json(FOLLOW_UP, "Opgaven."),
          ...refusals({
            "409": "Punktet har ingen beslutning.",
            "422": "Opgaven er ikke gyldig (en dansk linje siger hvorfor).",
          }),
        },
      }),
    },
    "/api/follow-ups/{id}": {
      patch: secretariat({
        operationId: "updateFollowUp",
        summary: "Ret en opfølgningsopgave (status, frist, ansvarlig, noter)",
        parameters: [idParameter("opgaven")],
        requestBody: body(
          { revision: integer, ...FOLLOW_UP_FIELDS },
          ["revision"],
          "Den revision, ændringen bygger på, og de felter, der ændres.",
        ),
        responses: {
          "200": json(FOLLOW_UP, "Opgaven nu."),
          ...refusals({ "422": "Opgaven er ikke gyldig." }),
          "409": json(
            object({ error: object({ status: integer, code: string, message: string }), current: FOLLOW_UP }),
            "En anden har gemt opgaven imens: intet er ændret; current er opgaven, som den andens ændring efterlod den.",
          ),
        },
      }),
    },
    "/api/bodies/{id}/municipality-addresses": {
      get: secretariat({
        operationId: "listMunicipalityAddresses",
        summary: "Organets kommuner og deres adresser til beslutninger",
        parameters: [idParameter("organet")],
        responses: { "200": json(object({ data: ADDRESSES }), "Regionens kommuner."), ...refusals() },
      }),
      put: secretariat({
        operationId: "setMunicipalityAddress",
        summary: "Sæt (eller fjern med null) kommunernes adresser til beslutninger",
        parameters: [idParameter("organet")],
        requestBody: body(
          { addresses: { type: "object", additionalProperties: nullable("string") } },
          ["addresses"],
          'Kommune → adresse, fx {"Aalborg": "byraad@aalborg.dk"}; kommuner, der ikke nævnes, røres ikke.',
        ),
        responses: {
          "200": json(object({ changed: integer, data: ADDRESSES }), "Adresserne nu."),
          ...refusals({ "422": "En adresse er ikke en e-mailadresse, eller kommunen er ikke organets." }),
        },
      }),
    },
  };
}
