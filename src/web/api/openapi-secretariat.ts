/**
 * @module The secretariat's operations in the OpenAPI document (issue 13), served by secretariat-api.tsx:
 * their schemas, the bearer scheme, and their paths, merged beside the public GETs. Each needs a signed-in
 * user or an API token (bearerAuth); who may is the body's secretariat or an administrator.
 */
import { followUpPaths } from "./openapi-follow-up.js";
import { matterPaths } from "./openapi-matter.js";
import { meetingRecordPaths } from "./openapi-meeting-record.js";
import { minutesPaths } from "./openapi-minutes.js";
import {
  boolean,
  errorResponse,
  fileContent,
  idParameter,
  integer,
  type JsonSchema,
  json,
  multipartFileBody,
  nullable,
  type OpenApiOperation,
  type OpenApiPathItem,
  object,
  query,
  ref,
  string,
  strings,
} from "./openapi-schema.js";

const BEARER = [{ bearerAuth: [] }] as const;
export const SECURITY_SCHEMES: { readonly [name: string]: JsonSchema } = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "En API-nøgle (ri_…) fra `raadsinfo token create`; den handler som sin bruger med dennes roller.",
  },
};
const fieldsSchema: JsonSchema = {
  type: "object",
  description:
    "Punktets felter som tekst (afsnit, ## overskrifter, - og 1. lister, tabeller med |, **fed**).",
  additionalProperties: false,
  properties: {
    resume: nullable("string"),
    baggrund: nullable("string"),
    indstilling: nullable("string"),
    sagsforloeb: nullable("string"),
    sagsfremstilling: nullable("string"),
  },
};
const PHASES = ["planned", "agenda-draft", "agenda-sent", "held", "minutes-approved"];

const TEMPLATE_SECTIONS: JsonSchema = {
  type: "array",
  items: object({
    title: string,
    purpose: { type: "string", enum: ["regular", "next-meeting", "other"] },
    items: { type: "array", items: object({ title: string, indstilling: nullable("string") }) },
  }),
};

export const SECRETARIAT_SCHEMAS: { readonly [name: string]: JsonSchema } = {
  ErrorWithCode: object({ error: object({ status: integer, code: string, message: string }) }),
  DraftMeeting: object({
    id: integer,
    bodyId: integer,
    bodyName: string,
    date: { type: "string", format: "date" },
    startTime: nullable("string"),
    endTime: nullable("string"),
    location: nullable("string"),
    state: { type: "string", enum: ["planned", "agenda-published", "held", "minutes-approved"] },
    phase: { type: "string", enum: PHASES, description: "Med kladdefasen, som kun sekretariatet ser." },
    phaseLabel: string,
    versions: { ...integer, description: "Antal gange dagsordenen er udsendt (2 og derover: med tillæg)." },
  }),
  DraftAnnex: object({
    id: integer,
    itemId: integer,
    annexNumber: integer,
    title: string,
    fileName: string,
    format: { type: "string", enum: ["pdf", "docx"] },
    byteSize: integer,
    pageCount: integer,
    cprPages: {
      type: "array",
      items: integer,
      description: "Sider med et CPR-nummer: tilbageholdes for offentligheden, når dagsordenen udsendes.",
    },
  }),
  DraftItem: object({
    id: { ...integer, description: "Kladdepunktets id (til PATCH, DELETE, /move og /annexes)." },
    meetingId: integer,
    sectionId: integer,
    number: { type: "string", description: "Sættes automatisk: 2.1, 2.2 …" },
    position: integer,
    title: string,
    public: { ...boolean, description: "false for et lukket punkt." },
    caseNumber: nullable("string"),
    initials: strings,
    fields: fieldsSchema,
    takeUpAgain: boolean,
    carriedFrom: nullable("string"),
    revision: { ...integer, description: "Send den med PATCH; en ældre revision giver 409." },
    publishedItemId: {
      ...nullable("integer"),
      description: "Det offentlige punkts id, når dagsordenen er udsendt.",
    },
    modified: { type: "string", format: "date-time" },
    annexes: { type: "array", items: ref("DraftAnnex") },
  }),
  CarryOverOffer: object({
    key: string,
    kind: { type: "string", enum: ["next-meeting", "take-up-again"] },
    title: string,
    fromMeetingId: integer,
    fromMeetingDate: { type: "string", format: "date" },
    fromItemNumber: string,
    caseNumber: nullable("string"),
  }),
  AgendaDraft: object({
    meeting: ref("DraftMeeting"),
    sections: {
      type: "array",
      items: object({
        id: integer,
        number: string,
        title: string,
        purpose: { type: "string", enum: ["regular", "next-meeting", "other"] },
        items: { type: "array", items: ref("DraftItem") },
      }),
    },
    offers: { type: "array", items: ref("CarryOverOffer") },
  }),
  AgendaTemplate: object({
    bodyId: integer,
    stored: { ...boolean, description: "false: organets standardskabelon, endnu ikke redigeret." },
    sections: TEMPLATE_SECTIONS,
  }),
  AgendaSent: object({
    versionNumber: integer,
    title: { type: "string", enum: ["Dagsorden", "Tillæg til dagsorden"] },
    changeNote: nullable("string"),
    state: string,
    mailed: integer,
    failed: strings,
  }),
  ItemConflict: object({
    error: object({ status: { const: 409 }, code: { const: "stale-revision" }, message: string }),
    current: ref("DraftItem"),
  }),
};

const jsonBody = (schema: JsonSchema, description: string) => ({
  required: true,
  description,
  content: { "application/json": { schema } },
});
const refusals = (extra: { [status: string]: string } = {}) => ({
  "400": errorResponse("Forespørgslen har forkert form."),
  "401": errorResponse("Hverken login eller API-nøgle."),
  "403": errorResponse("Kun organets sekretariat eller en administrator må."),
  "404": errorResponse("Findes ikke."),
  ...Object.fromEntries(Object.entries(extra).map(([status, text]) => [status, errorResponse(text)])),
});
const itemInputSchema = (required: string[]): JsonSchema => ({
  type: "object",
  required,
  properties: {
    title: string,
    public: boolean,
    caseNumber: nullable("string"),
    initials: strings,
    fields: fieldsSchema,
    takeUpAgain: boolean,
  },
});
const secretariat = (operation: Omit<OpenApiOperation, "tags" | "security">): OpenApiOperation => ({
  ...operation,
  tags: ["secretariat"],
  security: BEARER,
});

/** getAgendaPdf and getAnnexPackPdf: the render jobs' latest PDFs of a meeting. */
function renderedPdfPaths(): { readonly [path: string]: OpenApiPathItem } {
  const edition = query(
    "edition",
    "internal (sekretariatets, alle punkter) eller public (lukkede punkter som 'Lukket punkt'; først når dagsordenen er udsendt). Standard: internal for sekretariatet, ellers public.",
    { type: "string", enum: ["internal", "public"] },
  );
  const pdf = (operationId: string, summary: string) =>
    secretariat({
      operationId,
      summary,
      parameters: [idParameter("mødet"), edition],
      responses: {
        "200": { description: "PDF'en.", content: { "application/pdf": { schema: string } } },
        ...refusals({
          "404": "Mødet findes ikke, eller PDF'en er ikke dannet (eller dagsordenen ikke udsendt).",
        }),
      },
    });
  return {
    "/api/meetings/{id}/agenda.pdf": { get: pdf("getAgendaPdf", "Dagsordenen som PDF") },
    "/api/meetings/{id}/annex-pack.pdf": {
      get: pdf("getAnnexPackPdf", "Bilagspakken som PDF (indholdsfortegnelse, stempler, bogmærker)"),
    },
  };
}

function secretariatPaths(): { readonly [path: string]: OpenApiPathItem } {
  return {
    "/api/meetings": {
      post: secretariat({
        operationId: "createMeeting",
        summary: "Opret et møde eller en mødeplan (planlagt)",
        requestBody: jsonBody(
          {
            type: "object",
            required: ["bodyId"],
            properties: {
              bodyId: integer,
              date: { type: "string", format: "date" },
              startTime: string,
              endTime: string,
              location: string,
              meetings: {
                type: "array",
                items: {
                  type: "object",
                  required: ["date"],
                  properties: { date: string, startTime: string, endTime: string, location: string },
                },
              },
            },
          },
          "Ét møde (date, startTime, endTime, location) eller en plan (meetings).",
        ),
        responses: {
          "201": json(object({ data: { type: "array", items: ref("DraftMeeting") } }), "Møderne."),
          ...refusals({
            "409": "Organet holder allerede møde på en af datoerne; intet er oprettet.",
            "422": "En dato eller et klokkeslæt har forkert form.",
          }),
        },
      }),
    },
    "/api/bodies/{id}/meeting-plan": {
      get: secretariat({
        operationId: "getMeetingPlan",
        summary: "Organets møder med deres fase, ældste først",
        parameters: [idParameter("organet")],
        responses: {
          "200": json(object({ data: { type: "array", items: ref("DraftMeeting") } }), "Mødeplanen."),
          ...refusals(),
        },
      }),
    },
    "/api/bodies/{id}/agenda-template": {
      get: secretariat({
        operationId: "getAgendaTemplate",
        summary: "Organets dagsordensskabelon",
        parameters: [idParameter("organet")],
        responses: { "200": json(ref("AgendaTemplate"), "Skabelonen."), ...refusals() },
      }),
      put: secretariat({
        operationId: "updateAgendaTemplate",
        summary: "Erstat organets dagsordensskabelon",
        parameters: [idParameter("organet")],
        requestBody: jsonBody(
          object({
            sections: TEMPLATE_SECTIONS,
          }),
          "Afsnittene i rækkefølge med deres faste punkter.",
        ),
        responses: {
          "200": json(ref("AgendaTemplate"), "Skabelonen som gemt."),
          ...refusals({ "422": "Skabelonen er ikke gyldig." }),
        },
      }),
    },
    "/api/meetings/{id}/agenda": {
      get: secretariat({
        operationId: "getAgendaDraft",
        summary: "Mødets dagsorden som kladde, med forslag fra tidligere møder",
        description:
          "For organets sekretariat, og for de medlemmer kladden er sendt til gennemlæsning (uden forslag).",
        parameters: [idParameter("mødet")],
        responses: { "200": json(ref("AgendaDraft"), "Kladden."), ...refusals() },
      }),
      post: secretariat({
        operationId: "draftAgenda",
        summary: "Start mødets dagsorden fra organets skabelon",
        parameters: [idParameter("mødet")],
        requestBody: jsonBody(
          {
            type: "object",
            properties: { accept: { ...strings, description: "Nøgler på forslag, der skal med." } },
          },
          "Forslag fra tidligere møder, der tages med.",
        ),
        responses: {
          "201": json(ref("AgendaDraft"), "Kladden."),
          ...refusals({ "409": "Mødet har allerede en dagsorden.", "422": "Et forslag findes ikke." }),
        },
      }),
    },
    "/api/meetings/{id}/items": {
      post: secretariat({
        operationId: "createAgendaItem",
        summary: "Tilføj et punkt i et afsnit; numrene følger",
        parameters: [idParameter("mødet")],
        requestBody: jsonBody(
          {
            ...itemInputSchema(["sectionId"]),
            properties: {
              ...(itemInputSchema([]).properties as { [k: string]: JsonSchema }),
              sectionId: integer,
              position: { ...integer, description: "Plads i afsnittet fra 0; sidst, når den mangler." },
              carriedFrom: { ...string, description: "Nøglen på et forslag, punktet tager op." },
            },
          },
          "Punktet.",
        ),
        responses: {
          "201": json(ref("DraftItem"), "Punktet."),
          ...refusals({ "409": "Dagsordenen kan ikke ændres nu.", "422": "Et felt er ugyldigt." }),
        },
      }),
    },
    "/api/items/{id}": {
      patch: secretariat({
        operationId: "updateAgendaItem",
        summary: "Gem ændringer i et kladdepunkt, med revision",
        description:
          "Id'et er kladdepunktets (DraftItem.id). En ældre revision giver 409 med punktet, som den anden gemte det.",
        parameters: [idParameter("kladdepunktet")],
        requestBody: jsonBody(
          {
            ...itemInputSchema(["revision"]),
            properties: {
              ...(itemInputSchema([]).properties as { [k: string]: JsonSchema }),
              revision: integer,
            },
          },
          "Det der ændres, og den revision ændringen bygger på.",
        ),
        responses: {
          "200": json(ref("DraftItem"), "Punktet som gemt."),
          ...refusals({ "422": "Et felt er ugyldigt." }),
          "409": json(ref("ItemConflict"), "Punktet er ændret af en anden; `current` er den anden ændring."),
        },
      }),
      delete: secretariat({
        operationId: "deleteAgendaItem",
        summary: "Fjern et kladdepunkt med dets bilag; numrene følger",
        parameters: [idParameter("kladdepunktet")],
        responses: {
          "200": json(object({ deleted: boolean, renumbered: { type: "array" } }), "Fjernet."),
          ...refusals(),
        },
      }),
    },
    "/api/meetings/{id}/sections": {
      post: secretariat({
        operationId: "createAgendaSection",
        summary: "Tilføj et afsnit til dagsordenen; numrene følger",
        parameters: [idParameter("mødet")],
        requestBody: jsonBody(
          {
            type: "object",
            required: ["title"],
            properties: {
              title: string,
              place: {
                ...integer,
                description: "Plads blandt afsnittene fra 0; efter de almindelige afsnit, når den mangler.",
              },
            },
          },
          "Afsnittets titel og plads.",
        ),
        responses: {
          "201": json(
            object({ id: integer, number: string, renumbered: { type: "array" } }),
            "Afsnittet og de punktnumre der ændredes.",
          ),
          ...refusals({
            "409": "Dagsordenen kan ikke ændres nu.",
            "422": "Titlen mangler eller er for lang.",
          }),
        },
      }),
    },
    "/api/sections/{id}": {
      patch: secretariat({
        operationId: "updateAgendaSection",
        summary: "Giv et afsnit af kladden ny titel",
        description:
          "Afsnit har ingen revision: den seneste titel gælder, og begge ændringer står i revisionssporet.",
        parameters: [idParameter("afsnittet")],
        requestBody: jsonBody(object({ title: string }), "Den nye titel."),
        responses: {
          "200": json(object({ id: integer, meetingId: integer, title: string }), "Afsnittet."),
          ...refusals({ "422": "Titlen mangler eller er for lang." }),
        },
      }),
      delete: secretariat({
        operationId: "deleteAgendaSection",
        summary: "Fjern et tomt afsnit; numrene følger",
        parameters: [idParameter("afsnittet")],
        responses: {
          "200": json(object({ deleted: boolean, renumbered: { type: "array" } }), "Fjernet."),
          ...refusals({ "422": "Afsnittet har punkter, eller det er 'Punkter til næste møde'." }),
        },
      }),
    },
    "/api/items/{id}/move": {
      post: secretariat({
        operationId: "moveAgendaItem",
        summary: "Flyt et punkt inden for eller mellem afsnit; numrene følger",
        parameters: [idParameter("kladdepunktet")],
        requestBody: jsonBody(
          object({ sectionId: integer, position: integer }),
          "Afsnittet og pladsen fra 0.",
        ),
        responses: {
          "200": json(
            object({ item: ref("DraftItem"), renumbered: { type: "array" } }),
            "Punktet og de numre der ændredes.",
          ),
          ...refusals(),
        },
      }),
    },
    "/api/items/{id}/annexes": {
      post: secretariat({
        operationId: "uploadAnnex",
        summary: "Upload et bilag (PDF eller DOCX) til et punkt",
        parameters: [idParameter("kladdepunktet")],
        requestBody: multipartFileBody({ file: fileContent, title: string }),
        responses: {
          "201": json(ref("DraftAnnex"), "Bilaget; sider med CPR-nummer står i cprPages."),
          ...refusals({
            "413": "Filen er for stor.",
            "422": "Filen er ikke en PDF- eller Word-fil, eller kan ikke læses.",
          }),
        },
      }),
    },
    "/api/annexes/{id}": {
      patch: secretariat({
        operationId: "updateAnnex",
        summary: "Giv et uploadet bilag ny titel eller nyt nummer",
        parameters: [idParameter("bilaget")],
        requestBody: jsonBody(
          { type: "object", properties: { title: string, annexNumber: { ...integer, minimum: 1 } } },
          "Titel og/eller bilagsnummer; de andre bilag rykker.",
        ),
        responses: {
          "200": json(ref("DraftAnnex"), "Bilaget."),
          ...refusals({ "422": "Titel eller nummer er ugyldigt." }),
        },
      }),
      delete: secretariat({
        operationId: "deleteAnnex",
        summary: "Fjern et uploadet bilag; de senere rykker et nummer op",
        parameters: [idParameter("bilaget")],
        responses: { "200": json(object({ deleted: boolean }), "Fjernet."), ...refusals() },
      }),
    },
    "/api/meetings/{id}/review": {
      post: secretariat({
        operationId: "sendAgendaForReview",
        summary: "Send kladden til gennemlæsning hos udvalgte medlemmer",
        parameters: [idParameter("mødet")],
        requestBody: jsonBody(object({ userIds: { type: "array", items: integer } }), "Medlemmerne."),
        responses: {
          "200": json(object({ mailed: integer, failed: strings }), "Sendt."),
          ...refusals({ "422": "En modtager er ikke medlem." }),
        },
      }),
    },
    "/api/meetings/{id}/send": {
      post: secretariat({
        operationId: "sendAgenda",
        summary: "Udsend dagsordenen, eller et tillæg til den",
        description:
          "Første gang: dagsordenen offentliggøres, mødet bliver 'Dagsorden udsendt', og organets medlemmer får en e-mail. Siden: 'Tillæg til dagsorden' med en ændringsnote.",
        parameters: [idParameter("mødet")],
        requestBody: jsonBody(
          { type: "object", properties: { changeNote: string } },
          "Ændringsnoten til et tillæg.",
        ),
        responses: {
          "200": json(ref("AgendaSent"), "Udsendt."),
          ...refusals({ "409": "Intet at udsende, eller intet ændret siden sidst." }),
        },
      }),
    },
    ...renderedPdfPaths(),
    "/api/meetings/{id}/versions": {
      get: secretariat({
        operationId: "listAgendaVersions",
        summary: "Dagsordenens udsendte versioner",
        parameters: [idParameter("mødet")],
        responses: {
          "200": json(
            object({
              data: {
                type: "array",
                items: object({
                  number: integer,
                  changeNote: nullable("string"),
                  sentAt: string,
                  recipients: integer,
                  hasPdf: boolean,
                }),
              },
            }),
            "Versionerne, første først.",
          ),
          ...refusals(),
        },
      }),
    },
  };
}

/** The public paths with the secretariat's operations added beside their GETs. */
export function withSecretariatPaths(paths: { readonly [path: string]: OpenApiPathItem }): {
  readonly [path: string]: OpenApiPathItem;
} {
  const merged: { [path: string]: OpenApiPathItem } = { ...paths };
  for (const [path, item] of Object.entries(secretariatPaths())) merged[path] = { ...merged[path], ...item };
  for (const [path, item] of Object.entries(matterPaths())) merged[path] = { ...merged[path], ...item };
  for (const [path, item] of Object.entries(followUpPaths())) merged[path] = { ...merged[path], ...item };
  for (const [path, item] of Object.entries(meetingRecordPaths()))
    merged[path] = { ...merged[path], ...item };
  for (const [path, item] of Object.entries(minutesPaths())) merged[path] = { ...merged[path], ...item };
  return merged;
}
