/**
 * @module The OpenAPI 3.1 document of the JSON API (/api/openapi.json), also the source of the reference
 * page at /api. Schemas are JSON Schema 2020-12, as OpenAPI 3.1 uses it; the walk test checks that every
 * path answers with what is written here.
 */
import { WITHHOLDING_REASONS } from "../../domain/index.js";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from "../../search/index.js";

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

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string): JsonSchema => ({ type: [type, "null"] });
const string: JsonSchema = { type: "string" };
const integer: JsonSchema = { type: "integer" };
const url: JsonSchema = { type: "string", format: "uri" };

function object(properties: { [key: string]: JsonSchema }, description?: string): JsonSchema {
  return {
    type: "object",
    ...(description ? { description } : {}),
    required: Object.keys(properties),
    properties,
  };
}

/** An object schema with properties that may be absent (object() requires every property). */
function withOptional(schema: JsonSchema, optional: { [key: string]: JsonSchema }): JsonSchema {
  return { ...schema, properties: { ...(schema.properties as { [key: string]: JsonSchema }), ...optional } };
}

function json(schema: JsonSchema, description: string): OpenApiResponse {
  return { description, content: { "application/json": { schema } } };
}

const errorResponse = (description: string) => json(ref("Error"), description);
const htmlPage = (description: string): OpenApiResponse => ({
  description,
  content: { "text/html": { schema: string } },
});

function idParameter(what: string): OpenApiParameter {
  return {
    name: "id",
    in: "path",
    required: true,
    description: `Id på ${what}.`,
    schema: { type: "integer", minimum: 1, maximum: 2_147_483_647 },
  };
}

const badId = () => errorResponse("Id'et er ikke et helt tal fra 1 til 2147483647.");

function query(name: string, description: string, schema: JsonSchema): OpenApiParameter {
  return { name, in: "query", required: false, description, schema };
}

const paging: readonly OpenApiParameter[] = [
  query("limit", "Antal pr. side (1-200, standard 50).", { type: "integer", minimum: 1, maximum: 200 }),
  query("offset", "Antal der springes over (standard 0).", { type: "integer", minimum: 0 }),
];

const listOf = (item: string): JsonSchema =>
  object({ total: integer, limit: integer, offset: integer, data: { type: "array", items: ref(item) } });

const SCHEMAS: { readonly [name: string]: JsonSchema } = {
  Error: object({ error: object({ status: integer, message: string }) }),
  Body: object({
    id: integer,
    name: string,
    shortName: nullable("string"),
    meetingCount: integer,
    url,
    exports: object(
      { json: url, csv: url },
      "Downloads af organets punkter, beslutninger, fremmøde og personer.",
    ),
  }),
  Meeting: object({
    id: integer,
    body: object({ id: integer, name: string }),
    name: string,
    date: { type: "string", format: "date" },
    startTime: nullable("string"),
    endTime: nullable("string"),
    location: nullable("string"),
    state: { type: "string", enum: ["planned", "agenda-published", "held", "minutes-approved"] },
    itemCount: integer,
    url,
  }),
  Attendee: object({
    personId: integer,
    name: string,
    party: nullable("string"),
    municipality: nullable("string"),
    substituteFor: {
      ...nullable("string"),
      description: "For en suppleant: det medlem, suppleanten møder for.",
    },
  }),
  MeetingDetail: {
    allOf: [
      ref("Meeting"),
      object({
        attendance: object({
          present: { type: "array", items: ref("Attendee") },
          absent: { type: "array", items: ref("Attendee") },
        }),
        items: { type: "array", items: ref("Item") },
        files: { type: "array", items: ref("File") },
      }),
    ],
  },
  ClosedItem: object(
    {
      id: integer,
      meetingId: integer,
      number: string,
      title: { const: "Lukket punkt" },
      public: { const: false },
      url,
    },
    "A closed item (lukket punkt): only that it exists; nothing of its content.",
  ),
  OpenItem: object({
    id: integer,
    meetingId: integer,
    number: string,
    title: string,
    public: {
      type: "boolean",
      description: 'false: offentligheden ser kun "Lukket punkt"; kalderen ser punktet gennem sin rolle.',
    },
    withheld: {
      oneOf: [{ type: "null" }, { type: "string", enum: [...WITHHOLDING_REASONS] }],
      description: "Hvorfor offentligheden ikke ser punktet (lukket punkt, CPR-nummer); null når den gør.",
    },
    url,
    section: { oneOf: [{ type: "null" }, object({ number: string, title: nullable("string") })] },
    case: {
      oneOf: [{ type: "null" }, object({ number: string, initials: { type: "array", items: string } })],
    },
    fields: object(
      {
        resume: nullable("string"),
        baggrund: nullable("string"),
        indstilling: nullable("string"),
        sagsforloeb: nullable("string"),
        sagsfremstilling: nullable("string"),
        beslutning: nullable("string"),
      },
      "Punktets felter; null hvor dokumentet ikke har den overskrift.",
    ),
    notes: nullable("string"),
    source: object(
      {
        file: nullable("string"),
        sha256: nullable("string"),
        page: nullable("integer"),
        lineStart: nullable("integer"),
        lineEnd: nullable("integer"),
      },
      "Hvor punktets tekst står i den indlæste fil.",
    ),
  }),
  Item: { oneOf: [ref("OpenItem"), ref("ClosedItem")] },
  ItemDetail: {
    allOf: [ref("Item"), object({ meeting: ref("Meeting"), files: { type: "array", items: ref("File") } })],
  },
  File: object({
    id: integer,
    title: string,
    fileName: string,
    mimeType: string,
    size: integer,
    role: { type: "string", enum: ["original", "annex"] },
    itemNumber: nullable("string"),
    annexNumber: nullable("integer"),
    pageStart: nullable("integer"),
    pageEnd: nullable("integer"),
    downloadUrl: url,
  }),
  Person: object({
    id: integer,
    name: string,
    party: nullable("string"),
    municipality: nullable("string"),
    url,
  }),
  PersonDetail: {
    allOf: [
      ref("Person"),
      object({
        memberships: {
          type: "array",
          items: object({
            organization: object({ id: integer, name: string }),
            body: object({ id: integer, name: string }),
            role: string,
            party: nullable("string"),
            startDate: nullable("string"),
            endDate: nullable("string"),
          }),
        },
        attendance: {
          type: "array",
          items: object({
            meetingId: integer,
            date: string,
            body: string,
            status: { type: "string", enum: ["present", "absent"] },
            substituteFor: nullable("string"),
          }),
        },
      }),
    ],
  },
  Export: object(
    {
      generated: { type: "string", format: "date-time" },
      bodies: { type: "array", items: object({ id: integer, name: string }) },
      items: {
        type: "array",
        items: object({
          body: string,
          meetingId: integer,
          meetingDate: { type: "string", format: "date" },
          itemId: integer,
          number: string,
          title: { type: "string", description: "'Lukket punkt' for et lukket punkt." },
          public: { type: "boolean" },
          section: nullable("string"),
          caseNumber: nullable("string"),
          indstilling: nullable("string"),
          beslutning: nullable("string"),
        }),
      },
      attendance: {
        type: "array",
        items: object({
          body: string,
          meetingId: integer,
          meetingDate: { type: "string", format: "date" },
          personId: integer,
          name: string,
          party: nullable("string"),
          municipality: nullable("string"),
          status: { type: "string", enum: ["present", "absent"] },
          substituteFor: nullable("string"),
        }),
      },
      persons: {
        type: "array",
        items: object({
          personId: integer,
          name: string,
          party: nullable("string"),
          municipality: nullable("string"),
          meetingsAttended: integer,
          meetingsMissed: integer,
        }),
      },
    },
    "Punkter med beslutninger (lukkede punkter kun som 'Lukket punkt'), fremmøde og personer.",
  ),
  FacetCount: object({ value: string, label: string, count: integer }),
  SearchResult: withOptional(
    object({
      kind: { type: "string", enum: ["item", "decision", "annex"] },
      title: string,
      meeting: { oneOf: [{ type: "null" }, object({ date: string, body: nullable("string") })] },
      itemNumber: nullable("string"),
      url: string,
      snippet: { type: "string", description: "HTML: escapet tekst med fundene i <mark>." },
      source: object({
        file: nullable("string"),
        sha256: nullable("string"),
        page: nullable("integer"),
        lineStart: nullable("integer"),
        lineEnd: nullable("integer"),
      }),
    }),
    {
      closed: {
        const: true,
        description:
          "Kun på et resultat, offentligheden ikke ser (et lukket punkt, som et medlem læser): vis det som 'Lukket punkt'.",
      },
    },
  ),
  SearchResponse: {
    type: "object",
    required: ["total", "totalExact", "facets", "results"],
    properties: {
      total: {
        ...integer,
        description:
          "Antal resultater. Når totalExact er false, er det et mindstetal: søgningen holder op med at læse fund ved 500 (300 for fraser og søgninger på nogle af ordene), og total er de resultater, de læste fund giver.",
      },
      totalExact: {
        type: "boolean",
        description:
          "true: total er det præcise antal. false: der er flere resultater end total (et mindstetal), og facetternes tal er optalt blandt de samme resultater.",
      },
      page: integer,
      pageSize: integer,
      suggestion: { ...nullable("string"), description: "'Mente du': en rettet søgning, eller null." },
      facets: {
        type: "object",
        additionalProperties: { type: "array", items: ref("FacetCount") },
        description:
          "Antal fordelt på organ, år, type, kommune og person, optalt blandt de resultater, total tæller.",
      },
      results: { type: "array", items: ref("SearchResult") },
      query: {
        type: "string",
        description: `Søgningen, som den blev brugt: de første ${MAX_QUERY_LENGTH} tegn, uden kontroltegn.`,
      },
      notice: {
        ...nullable("string"),
        description: `Hvad der blev sprunget over, fx "Kun de første ${MAX_QUERY_WORDS} ord er brugt.", eller null.`,
      },
    },
  },
};

/**
 * The document, with the public base URL as its server.
 * @example const doc = openApiDocument("https://raadsinfo.example.dk"); doc.paths["/api/meetings"]
 */
export function openApiDocument(publicBaseUrl: string): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Rådsinfo API",
      version: "1.0.0",
      description:
        "Portalens data som JSON: organer, møder med fremmøde og punkter, punkter med felter og bilag, " +
        "personer, søgning og eksport pr. organ. Lukkede punkter vises kun som 'Lukket punkt'. De samme data " +
        "udgives som OParl 1.1 under /oparl/v1/system.",
    },
    servers: [{ url: publicBaseUrl.replace(/\/$/, "") }],
    tags: [
      { name: "bodies", description: "Organer: KKR og andre" },
      { name: "meetings", description: "Møder, fremmøde og dagsordenspunkter" },
      { name: "persons", description: "Personer: medlemmer og andre deltagere" },
      { name: "search", description: "Søgning" },
      { name: "exports", description: "Eksport til regneark og andre systemer" },
      { name: "meta", description: "Dette dokument" },
      {
        name: "secretariat",
        description:
          "Sekretariatet: mødeplan, dagsorden, punkter, bilag og udsendelse (kræver login eller API-nøgle)",
      },
    ],
    paths: withSecretariatPaths({
      "/api/bodies": {
        get: {
          operationId: "listBodies",
          summary: "Alle organer, efter navn",
          tags: ["bodies"],
          responses: { "200": json(object({ data: { type: "array", items: ref("Body") } }), "Organerne.") },
        },
      },
      "/api/bodies/{id}": {
        get: {
          operationId: "getBody",
          summary: "Et organ",
          tags: ["bodies"],
          parameters: [idParameter("organet")],
          responses: {
            "200": json(ref("Body"), "Organet."),
            "400": badId(),
            "404": errorResponse("Organet findes ikke."),
          },
        },
      },
      "/api/meetings": {
        get: {
          operationId: "listMeetings",
          summary: "Møder, nyeste først",
          tags: ["meetings"],
          parameters: [
            query("body", "Kun møder i dette organ (id).", { type: "integer" }),
            query("year", "Kun møder i dette år.", { type: "integer" }),
            ...paging,
          ],
          responses: {
            "200": json(listOf("Meeting"), "En side med møder."),
            "400": errorResponse("En parameter har forkert form."),
          },
        },
      },
      "/api/meetings/{id}": {
        get: {
          operationId: "getMeeting",
          summary: "Et møde med fremmøde, punkter og filer",
          tags: ["meetings"],
          parameters: [idParameter("mødet")],
          responses: {
            "200": json(ref("MeetingDetail"), "Mødet."),
            "400": badId(),
            "404": errorResponse("Mødet findes ikke."),
          },
        },
      },
      "/api/items/{id}": {
        get: {
          operationId: "getItem",
          summary: "Et dagsordenspunkt med felter, beslutning og bilag",
          tags: ["meetings"],
          parameters: [idParameter("punktet")],
          responses: {
            "200": json(ref("ItemDetail"), "Punktet."),
            "400": badId(),
            "404": errorResponse("Punktet findes ikke."),
          },
        },
      },
      "/api/persons": {
        get: {
          operationId: "listPersons",
          summary: "Personer, efter navn",
          tags: ["persons"],
          parameters: [query("body", "Kun personer i dette organ (id).", { type: "integer" }), ...paging],
          responses: {
            "200": json(listOf("Person"), "En side med personer."),
            "400": errorResponse("En parameter har forkert form."),
          },
        },
      },
      "/api/persons/{id}": {
        get: {
          operationId: "getPerson",
          summary: "En person med medlemskaber og fremmøde",
          tags: ["persons"],
          parameters: [idParameter("personen")],
          responses: {
            "200": json(ref("PersonDetail"), "Personen."),
            "400": badId(),
            "404": errorResponse("Personen findes ikke."),
          },
        },
      },
      "/api/search": {
        get: {
          operationId: "search",
          summary: "Søg i punkter, beslutninger og bilag",
          description: "Dansk fritekstsøgning, der tåler stavefejl; uddragene markerer fundene.",
          tags: ["search"],
          parameters: [
            query(
              "q",
              `Hvad der søges efter, fx biokul. Kun de første ${MAX_QUERY_LENGTH} tegn og ${MAX_QUERY_WORDS} ord bruges (se notice).`,
              string,
            ),
            query("body", "Kun dette organ (navn).", string),
            query("year", "Kun dette år.", { type: "integer" }),
            query("kind", "Kun denne type fund.", { type: "string", enum: ["item", "decision", "annex"] }),
            query("municipality", "Kun punkter, der nævner denne kommune.", string),
            query("person", "Kun møder, som denne person (id) deltog i.", { type: "integer" }),
            query("sort", "Rækkefølge.", { type: "string", enum: ["relevance", "date"] }),
            query("page", "Sidenummer, fra 1.", { type: "integer", minimum: 1 }),
            query("pageSize", "Fund pr. side.", { type: "integer", minimum: 1 }),
          ],
          responses: {
            "200": json(ref("SearchResponse"), "Fundene med antal pr. filter."),
            "400": errorResponse("En parameter har forkert form."),
            "503": errorResponse("Søgningen tog for lang tid og blev stoppet; prøv med færre ord."),
          },
        },
      },
      "/organ/{id}/eksport.json": {
        get: {
          operationId: "exportBodyJson",
          summary: "Et organs punkter, beslutninger, fremmøde og personer som JSON",
          description: "Samme dokument som `raadsinfo export --format json`, for ét organ.",
          tags: ["exports"],
          parameters: [idParameter("organet")],
          responses: {
            "200": json(ref("Export"), "Eksporten som download."),
            "400": htmlPage("Id'et har forkert form (portalens side)."),
            "404": htmlPage("Organet findes ikke (portalens side)."),
          },
        },
      },
      "/organ/{id}/eksport.csv": {
        get: {
          operationId: "exportBodyCsv",
          summary: "Et organs eksport som CSV (RFC 4180, UTF-8 med BOM, til Excel)",
          description:
            "Én tabel pr. forespørgsel: punkter (punkter med indstilling og beslutning, standard), deltagere " +
            "(fremmøde pr. møde) eller personer (personer med antal møder deltaget og afbud).",
          tags: ["exports"],
          parameters: [
            idParameter("organet"),
            query("tabel", "Hvilken tabel.", { type: "string", enum: ["punkter", "deltagere", "personer"] }),
          ],
          responses: {
            "200": { description: "Tabellen som download.", content: { "text/csv": { schema: string } } },
            "400": htmlPage("Ukendt tabel, eller id'et har forkert form (portalens side)."),
            "404": htmlPage("Organet findes ikke (portalens side)."),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "Dette OpenAPI 3.1-dokument",
          tags: ["meta"],
          responses: {
            "200": json(
              { type: "object", required: ["openapi", "info", "paths"], properties: { openapi: string } },
              "Dokumentet.",
            ),
          },
        },
      },
    }),
    components: {
      schemas: { ...SCHEMAS, ...SECRETARIAT_SCHEMAS },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}

// The secretariat's operations (issue 13), served by secretariat-api.tsx. Each needs a signed-in user or
// an API token (bearerAuth); who may is the body's secretariat or an administrator.

const BEARER = [{ bearerAuth: [] }] as const;
const SECURITY_SCHEMES: { readonly [name: string]: JsonSchema } = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "En API-nøgle (ri_…) fra `raadsinfo token create`; den handler som sin bruger med dennes roller.",
  },
};
const boolean: JsonSchema = { type: "boolean" };
const strings: JsonSchema = { type: "array", items: string };
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

const SECRETARIAT_SCHEMAS: { readonly [name: string]: JsonSchema } = {
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
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: ["file"],
                properties: {
                  file: { type: "string", contentMediaType: "application/octet-stream" },
                  title: string,
                },
              },
            },
          },
        },
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
function withSecretariatPaths(paths: { readonly [path: string]: OpenApiPathItem }): {
  readonly [path: string]: OpenApiPathItem;
} {
  const merged: { [path: string]: OpenApiPathItem } = { ...paths };
  for (const [path, item] of Object.entries(secretariatPaths())) merged[path] = { ...merged[path], ...item };
  return merged;
}
