/**
 * @module The OpenAPI 3.1 document of the JSON API (/api/openapi.json), also the source of the reference
 * page at /api. Schemas are JSON Schema 2020-12, as OpenAPI 3.1 uses it; the walk test checks that every
 * path answers with what is written here.
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
  readonly responses: { readonly [status: string]: OpenApiResponse };
}

export interface OpenApiDocument {
  readonly openapi: "3.1.0";
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: readonly { readonly url: string }[];
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly paths: { readonly [path: string]: { readonly get: OpenApiOperation } };
  readonly components: { readonly schemas: { readonly [name: string]: JsonSchema } };
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
    description: `Id of the ${what}.`,
    schema: { type: "integer" },
  };
}

function query(name: string, description: string, schema: JsonSchema): OpenApiParameter {
  return { name, in: "query", required: false, description, schema };
}

const paging: readonly OpenApiParameter[] = [
  query("limit", "Objects per page (1-200, default 50).", { type: "integer", minimum: 1, maximum: 200 }),
  query("offset", "Objects to skip (default 0).", { type: "integer", minimum: 0 }),
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
      "Downloads of the body's items, decisions, attendance and persons.",
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
    substituteFor: { ...nullable("string"), description: "For a substitute: the member substituted for." },
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
    public: { const: true },
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
      "The headed fields of the item; null where the document has no such heading.",
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
      "Where the item's text stands in the imported file.",
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
          title: { type: "string", description: "'Lukket punkt' for a closed item." },
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
    "Items with decisions (closed items as 'Lukket punkt' only), attendance and persons.",
  ),
  FacetCount: object({ value: string, label: string, count: integer }),
  SearchResult: object({
    kind: { type: "string", enum: ["item", "decision", "annex"] },
    title: string,
    meeting: { oneOf: [{ type: "null" }, object({ date: string, body: nullable("string") })] },
    itemNumber: nullable("string"),
    url: string,
    snippet: { type: "string", description: "HTML: escaped text with the matches in <mark>." },
    source: object({
      file: nullable("string"),
      sha256: nullable("string"),
      page: nullable("integer"),
      lineStart: nullable("integer"),
      lineEnd: nullable("integer"),
    }),
  }),
  SearchResponse: {
    type: "object",
    required: ["total", "facets", "results"],
    properties: {
      total: integer,
      page: integer,
      pageSize: integer,
      suggestion: { ...nullable("string"), description: "'Mente du': a corrected query, or null." },
      facets: {
        type: "object",
        additionalProperties: { type: "array", items: ref("FacetCount") },
        description: "Counts by body, year, kind, municipality and person.",
      },
      results: { type: "array", items: ref("SearchResult") },
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
        "The portal's own data as JSON: bodies, meetings with attendance and items, items with their fields " +
        "and annexes, persons, search, and per-body exports. Closed items (lukkede punkter) appear only as " +
        "'Lukket punkt'. The same data is published as OParl 1.1 under /oparl/v1/system.",
    },
    servers: [{ url: publicBaseUrl.replace(/\/$/, "") }],
    tags: [
      { name: "bodies", description: "KKR and other bodies" },
      { name: "meetings", description: "Meetings, attendance and agenda items" },
      { name: "persons", description: "Members and other attendees" },
      { name: "search", description: "Full-text search" },
      { name: "exports", description: "Downloads for spreadsheets and other systems" },
      { name: "meta", description: "This document" },
    ],
    paths: {
      "/api/bodies": {
        get: {
          operationId: "listBodies",
          summary: "All bodies, by name",
          tags: ["bodies"],
          responses: { "200": json(object({ data: { type: "array", items: ref("Body") } }), "The bodies.") },
        },
      },
      "/api/bodies/{id}": {
        get: {
          operationId: "getBody",
          summary: "One body",
          tags: ["bodies"],
          parameters: [idParameter("body")],
          responses: { "200": json(ref("Body"), "The body."), "404": errorResponse("No such body.") },
        },
      },
      "/api/meetings": {
        get: {
          operationId: "listMeetings",
          summary: "Meetings, newest first",
          tags: ["meetings"],
          parameters: [
            query("body", "Only meetings of this body (id).", { type: "integer" }),
            query("year", "Only meetings of this year.", { type: "integer" }),
            ...paging,
          ],
          responses: {
            "200": json(listOf("Meeting"), "A page of meetings."),
            "400": errorResponse("A malformed parameter."),
          },
        },
      },
      "/api/meetings/{id}": {
        get: {
          operationId: "getMeeting",
          summary: "One meeting with attendance, items and files",
          tags: ["meetings"],
          parameters: [idParameter("meeting")],
          responses: {
            "200": json(ref("MeetingDetail"), "The meeting."),
            "404": errorResponse("No such meeting."),
          },
        },
      },
      "/api/items/{id}": {
        get: {
          operationId: "getItem",
          summary: "One agenda item with its fields, decision and annexes",
          tags: ["meetings"],
          parameters: [idParameter("agenda item")],
          responses: { "200": json(ref("ItemDetail"), "The item."), "404": errorResponse("No such item.") },
        },
      },
      "/api/persons": {
        get: {
          operationId: "listPersons",
          summary: "Persons, by name",
          tags: ["persons"],
          parameters: [query("body", "Only persons of this body (id).", { type: "integer" }), ...paging],
          responses: {
            "200": json(listOf("Person"), "A page of persons."),
            "400": errorResponse("A malformed parameter."),
          },
        },
      },
      "/api/persons/{id}": {
        get: {
          operationId: "getPerson",
          summary: "One person with memberships and attendance",
          tags: ["persons"],
          parameters: [idParameter("person")],
          responses: {
            "200": json(ref("PersonDetail"), "The person."),
            "404": errorResponse("No such person."),
          },
        },
      },
      "/api/search": {
        get: {
          operationId: "search",
          summary: "Search items, decisions and annexes",
          description: "Danish full-text search with typo tolerance; snippets mark the matches.",
          tags: ["search"],
          parameters: [
            query("q", "What to search for, e.g. biokul.", string),
            query("body", "Only this body (name).", string),
            query("year", "Only this year.", { type: "integer" }),
            query("kind", "Only this kind of hit.", { type: "string", enum: ["item", "decision", "annex"] }),
            query("municipality", "Only items naming this municipality.", string),
            query("person", "Only meetings this person (id) attended.", { type: "integer" }),
            query("sort", "Order of the hits.", { type: "string", enum: ["relevance", "date"] }),
            query("page", "Page number, from 1.", { type: "integer", minimum: 1 }),
            query("pageSize", "Hits per page.", { type: "integer", minimum: 1 }),
          ],
          responses: {
            "200": json(ref("SearchResponse"), "The hits, with facet counts."),
            "400": errorResponse("A malformed parameter."),
          },
        },
      },
      "/organ/{id}/eksport.json": {
        get: {
          operationId: "exportBodyJson",
          summary: "A body's items with decisions, attendance and persons as JSON",
          description: "The same document as `raadsinfo export --format json`, for one body.",
          tags: ["exports"],
          parameters: [idParameter("body")],
          responses: {
            "200": json(ref("Export"), "The export, as a download."),
            "404": htmlPage("No such body (the portal's page)."),
          },
        },
      },
      "/organ/{id}/eksport.csv": {
        get: {
          operationId: "exportBodyCsv",
          summary: "A body's export as CSV (RFC 4180, UTF-8 with BOM, for Excel)",
          description:
            "One table per request: punkter (items with indstilling and beslutning, the default), deltagere " +
            "(attendance per meeting) or personer (persons with meetings attended and missed).",
          tags: ["exports"],
          parameters: [
            idParameter("body"),
            query("tabel", "Which table.", { type: "string", enum: ["punkter", "deltagere", "personer"] }),
          ],
          responses: {
            "200": { description: "The table, as a download.", content: { "text/csv": { schema: string } } },
            "400": htmlPage("An unknown table (the portal's page)."),
            "404": htmlPage("No such body (the portal's page)."),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This OpenAPI 3.1 document",
          tags: ["meta"],
          responses: {
            "200": json(
              { type: "object", required: ["openapi", "info", "paths"], properties: { openapi: string } },
              "The document.",
            ),
          },
        },
      },
    },
    components: { schemas: SCHEMAS },
  };
}
