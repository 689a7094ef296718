/**
 * @module The OpenAPI 3.1 document of the JSON API (/api/openapi.json), also the source of the reference
 * page at /api. Schemas are JSON Schema 2020-12, as OpenAPI 3.1 uses it; the walk test checks that every
 * path answers with what is written here.
 */
import { WITHHOLDING_REASONS } from "../../domain/index.js";
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from "../../search/index.js";
import { importPaths } from "./openapi-import.js";
import {
  badId,
  errorResponse,
  htmlPage,
  idParameter,
  integer,
  type JsonSchema,
  json,
  listOf,
  nullable,
  type OpenApiDocument,
  object,
  paging,
  query,
  ref,
  string,
  url,
  withOptional,
} from "./openapi-schema.js";
import { SECRETARIAT_SCHEMAS, SECURITY_SCHEMES, withSecretariatPaths } from "./openapi-secretariat.js";

export * from "./openapi-schema.js";

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
    extraFields: {
      type: "array",
      description: 'Øvrige overskrevne felter i dokumentets rækkefølge ("Økonomi", "Kompetence").',
      items: object({ key: string, heading: string, text: string }),
    },
    decisions: {
      type: "array",
      description: "Beslutninger under overskrifter, der nævner et andet organ eller en anden dato.",
      items: object({ body: nullable("string"), date: nullable("string"), heading: string, text: string }),
    },
    caseHistory: {
      type: "array",
      description: 'Sagens tidligere behandlinger fra "Sagsforløb" (udvalg, dato, punkt).',
      items: object({ body: string, date: nullable("string"), itemNumber: nullable("string"), text: string }),
    },
    notParticipating: {
      type: "array",
      description:
        'Hvem der ikke deltog i behandlingen af punktet ("deltog ikke i behandlingen af punkt 6").',
      items: string,
    },
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
      pages: {
        type: "array",
        items: object({ page: integer, url: string }),
        description:
          "Et bilags sider med fund, den bedste først (den første er source.page, som snippet er fra); tom for et punkt. Et bilag er ét resultat, uanset hvor mange af dets sider der er fund på.",
      },
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
      correctedQuery: {
        ...nullable("string"),
        description:
          "Søgningen, der blev brugt i stedet for query, eller null: som skrevet fandt query intet, så ukendte ord blev læst som de nærmeste kendte ord. Søg med asTyped=1 for at søge på query, som den er skrevet.",
      },
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
      {
        name: "imports",
        description: "Indlæsning af filer gennem jobkøen (kræver en administrators login eller API-nøgle)",
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
            "301": {
              description:
                "Personen er slået sammen med en anden; Location peger på den person, der blev beholdt.",
            },
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
            query(
              "asTyped",
              "1: søg på ordene, som de er skrevet, også når de intet finder (ingen stavekontrol).",
              {
                type: "string",
                enum: ["1"],
              },
            ),
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
      ...importPaths(),
    }),
    components: {
      schemas: { ...SCHEMAS, ...SECRETARIAT_SCHEMAS },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
