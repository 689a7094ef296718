/**
 * @module The meeting day in the OpenAPI document (issue 14), served by meeting-record-api.tsx; merged
 * into the paths by openapi-secretariat.ts. Schemas are inline. Every operation is the secretariat's
 * (bearer); item ids are the published items' (GET /api/items/{id}).
 */
import {
  boolean,
  idParameter,
  integer,
  type JsonSchema,
  json,
  nullable,
  type OpenApiParameter,
  type OpenApiPathItem,
  object,
  objectBody,
  secretariatOperation,
  secretariatRefusals,
  string,
} from "./openapi-schema.js";

const PERSON: JsonSchema = object({
  personId: integer,
  name: string,
  party: nullable("string"),
  municipality: nullable("string"),
});
const ATTENDEE: JsonSchema = object({ person: PERSON, note: nullable("string") });
const list = (items: JsonSchema, description?: string): JsonSchema => ({
  type: "array",
  items,
  ...(description ? { description } : {}),
});
const VOTER_IN: JsonSchema = {
  oneOf: [object({ personId: integer }), object({ party: { type: "string", pattern: "^[A-ZÆØÅ]{1,2}$" } })],
};
const VOTE_IN: JsonSchema = object(
  { for: list(VOTER_IN), against: list(VOTER_IN), abstaining: list(VOTER_IN) },
  "En afstemning: hvem stemte for, imod og undlod, pr. medlem (personId) eller pr. parti (bogstav).",
);
const VOTER_OUT: JsonSchema = {
  oneOf: [
    object({ kind: { const: "person" }, personId: integer, name: string, party: nullable("string") }),
    object({ kind: { const: "party" }, party: string }),
  ],
};
const VOTE_OUT: JsonSchema = object({
  for: list(VOTER_OUT),
  against: list(VOTER_OUT),
  abstaining: list(VOTER_OUT),
});
const nullableObject = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: "null" }] });

const FIELDS: JsonSchema = object({
  resume: nullable("string"),
  baggrund: nullable("string"),
  indstilling: nullable("string"),
  sagsforloeb: nullable("string"),
  sagsfremstilling: nullable("string"),
});

const RECORD: JsonSchema = object(
  {
    meeting: object({
      id: integer,
      bodyId: integer,
      bodyName: string,
      date: { type: "string", format: "date" },
      startTime: nullable("string"),
      endTime: nullable("string"),
      location: nullable("string"),
      state: string,
      phase: string,
    }),
    attendance: object({
      present: list(ATTENDEE),
      absent: list(ATTENDEE, "Afbud."),
      substitutes: list(object({ person: PERSON, substituteFor: PERSON }), "Suppleanter: Suppl. for."),
      guests: list(ATTENDEE),
      officials: list(ATTENDEE),
    }),
    items: list(
      object({
        id: integer,
        number: string,
        position: integer,
        sectionNumber: nullable("string"),
        sectionTitle: nullable("string"),
        title: string,
        closed: boolean,
        caseNumber: nullable("string"),
        fields: FIELDS,
        decision: nullableObject(
          object({
            text: string,
            discussion: nullable("string"),
            vote: nullableObject(VOTE_OUT),
            concernsMunicipalities: boolean,
            revision: integer,
            modified: { type: "string", format: "date-time" },
          }),
        ),
        protocolRemarks: list(object({ id: integer, person: PERSON, text: string })),
        recusals: list(object({ person: PERSON, reason: nullable("string") })),
      }),
      "Den udsendte dagsordens punkter i rækkefølge.",
    ),
    members: list(
      object({
        personId: integer,
        name: string,
        party: nullable("string"),
        municipality: nullable("string"),
        role: string,
      }),
      "Organets medlemmer på mødedagen.",
    ),
    people: list(PERSON, "Alle, der har været medlem af organet (suppleanter at vælge imellem)."),
    modified: { type: ["string", "null"], format: "date-time" },
  },
  "Mødets protokol, som sekretariatet fører den (arbejdskopi; offentlig først med referatet).",
);

const DECISION: JsonSchema = object({
  itemId: integer,
  decision: string,
  discussion: nullable("string"),
  vote: nullableObject(VOTE_IN),
  concernsMunicipalities: boolean,
  revision: integer,
});

const secretariat = secretariatOperation;
const body = objectBody;
const refusals = (extra: { [status: string]: string } = {}) =>
  secretariatRefusals(
    "Kun organets sekretariat eller en administrator må føre mødets protokol.",
    "Mødet, punktet eller personen findes ikke.",
    extra,
  );
const personParameter: OpenApiParameter = {
  name: "personId",
  in: "path",
  required: true,
  description: "Id på medlemmet.",
  schema: { type: "integer", minimum: 1, maximum: 2_147_483_647 },
};
const wrongPhase = "Dagsordenen er ikke udsendt, eller referatet er godkendt.";

/** The meeting-day operations by path. */
export function meetingRecordPaths(): { readonly [path: string]: OpenApiPathItem } {
  return {
    "/api/meetings/{id}/record": {
      get: secretariat({
        operationId: "getMeetingRecord",
        summary: "Mødets protokol: fremmøde, beslutninger, afstemninger, protokolbemærkninger",
        parameters: [idParameter("mødet")],
        responses: { "200": json(RECORD, "Protokollen."), ...refusals() },
      }),
    },
    "/api/meetings/{id}/attendance": {
      put: secretariat({
        operationId: "recordAttendance",
        summary: "Registrér fremmødet (hele listen på én gang)",
        parameters: [idParameter("mødet")],
        requestBody: body(
          {
            attendance: list(
              {
                type: "object",
                required: ["status"],
                properties: {
                  personId: integer,
                  name: {
                    type: "string",
                    description: "En ny person (fx en suppleant), når personId mangler.",
                  },
                  status: { enum: ["present", "absent", "substitute", "guest", "official"] },
                  substituteForPersonId: {
                    ...integer,
                    description: "For en suppleant: medlemmet med afbud.",
                  },
                  note: string,
                },
              },
              "Hver person én gang; en suppleant træder i stedet for et medlem med afbud.",
            ),
          },
          ["attendance"],
          "Fremmødet.",
        ),
        responses: {
          "200": json(RECORD, "Protokollen med fremmødet."),
          ...refusals({
            "409": wrongPhase,
            "422": "Fremmødet hænger ikke sammen (fx en suppleant for et medlem, der er til stede).",
          }),
        },
      }),
    },
    "/api/meetings/{id}/held": {
      post: secretariat({
        operationId: "markMeetingHeld",
        summary: "Marker mødet som afholdt",
        parameters: [idParameter("mødet")],
        responses: {
          "200": json(RECORD, "Protokollen; mødet er afholdt."),
          ...refusals({ "409": "Dagsordenen er ikke udsendt, eller mødet er allerede afholdt." }),
        },
      }),
    },
    "/api/items/{id}/decision": {
      put: secretariat({
        operationId: "recordDecision",
        summary: "Registrér beslutningen under et punkt",
        parameters: [idParameter("punktet (det udsendte)")],
        requestBody: body(
          {
            revision: { ...integer, description: "Den revision, ændringen bygger på; 0 for den første." },
            decision: string,
            phrase: {
              enum: ["approved-recommendation", "noted", "approved", "discussed", "postponed"],
              description: "Standardtekst, brugt når decision er tom.",
            },
            discussion: string,
            vote: nullableObject(VOTE_IN),
            concernsMunicipalities: boolean,
          },
          ["revision"],
          "Beslutningen.",
        ),
        responses: {
          "200": json(DECISION, "Beslutningen, som den er gemt."),
          ...refusals({
            "409":
              "En anden har gemt i mellemtiden (current: den andens beslutning), eller mødet er i forkert fase.",
            "422": "Afstemningen hænger ikke sammen, eller teksten er for lang.",
          }),
        },
      }),
    },
    "/api/items/{id}/protocol-remarks": {
      post: secretariat({
        operationId: "addProtocolRemark",
        summary: "Tilføj en protokolbemærkning fra et medlem",
        parameters: [idParameter("punktet (det udsendte)")],
        requestBody: body({ personId: integer, text: string }, ["personId", "text"], "Medlem og bemærkning."),
        responses: {
          "201": json(
            object({ id: integer, itemId: integer, personId: integer, text: string }),
            "Bemærkningen.",
          ),
          ...refusals({ "409": wrongPhase, "422": "Bemærkningen er tom." }),
        },
      }),
    },
    "/api/protocol-remarks/{id}": {
      delete: secretariat({
        operationId: "removeProtocolRemark",
        summary: "Fjern en protokolbemærkning",
        parameters: [idParameter("bemærkningen")],
        responses: {
          "200": json(object({ deleted: boolean }), "Fjernet."),
          ...refusals({ "409": wrongPhase }),
        },
      }),
    },
    "/api/items/{id}/recusals/{personId}": {
      put: secretariat({
        operationId: "recordRecusal",
        summary: "Notér, at et medlem ikke deltog i behandlingen af punktet",
        parameters: [idParameter("punktet (det udsendte)"), personParameter],
        requestBody: {
          required: false,
          description: "Begrundelsen (fx inhabil), valgfri.",
          content: { "application/json": { schema: { type: "object", properties: { reason: string } } } },
        },
        responses: {
          "200": json(object({ itemId: integer, personId: integer, reason: nullable("string") }), "Noteret."),
          ...refusals({ "409": wrongPhase }),
        },
      }),
      delete: secretariat({
        operationId: "removeRecusal",
        summary: "Fjern noten om, at et medlem ikke deltog",
        parameters: [idParameter("punktet (det udsendte)"), personParameter],
        responses: {
          "200": json(object({ deleted: boolean }), "Fjernet."),
          ...refusals({ "409": wrongPhase }),
        },
      }),
    },
  };
}
