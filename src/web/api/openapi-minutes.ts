/**
 * @module The minutes in the OpenAPI document (issue 14), served by minutes-api.tsx; merged into the
 * paths by openapi-secretariat.ts. Every operation but the public PDF is the secretariat's (bearer).
 */
import {
  errorResponse,
  idParameter,
  integer,
  type JsonSchema,
  json,
  nullable,
  type OpenApiPathItem,
  object,
  query,
  secretariatOperation,
  string,
} from "./openapi-schema.js";

const secretariat = secretariatOperation;
const dateTime = (): JsonSchema => ({ type: ["string", "null"], format: "date-time" });

const MINUTES: JsonSchema = object(
  {
    meetingId: integer,
    state: { type: "string", enum: ["draft", "remarks", "approved", "published"] },
    remarksSentAt: dateTime(),
    remarksSentTo: { type: "array", items: object({ userId: integer, name: string, sentAt: string }) },
    approvedAt: dateTime(),
    approvedVia: { type: ["string", "null"], enum: ["chair", "next-meeting", null] },
    approvedBy: nullable("string"),
    approvedAtMeetingId: { type: ["integer", "null"] },
    publishedAt: dateTime(),
    pdf: string,
  },
  "Referatets vej: udkast, sendt til bemærkninger, godkendt (af formanden eller på næste møde), offentliggjort.",
);

const refusals = (extra: Record<string, string> = {}) => ({
  "401": errorResponse("Ikke logget ind og ingen API-nøgle."),
  "403": errorResponse("Kun organets sekretariat eller en administrator."),
  "404": errorResponse("Mødet findes ikke."),
  "409": errorResponse("Trinnet passer ikke til referatets tilstand (fx offentliggørelse før godkendelse)."),
  "422": errorResponse("Ugyldige oplysninger; intet er ændret."),
  ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, errorResponse(v)])),
});

const jsonBody = (properties: { [key: string]: JsonSchema }, description: string) => ({
  required: false,
  description,
  content: { "application/json": { schema: object(properties) } },
});

export function minutesPaths(): { readonly [path: string]: OpenApiPathItem } {
  const id = idParameter("mødet");
  return {
    "/api/meetings/{id}/minutes": {
      get: secretariat({
        operationId: "getMinutes",
        summary: "Referatets tilstand, godkendelse og hvem der fik udkastet",
        parameters: [id],
        responses: { "200": json(MINUTES, "Referatet."), ...refusals() },
      }),
    },
    "/api/meetings/{id}/minutes.pdf": {
      get: secretariat({
        operationId: "getMinutesPdf",
        summary: "Referatet som PDF",
        parameters: [
          id,
          query(
            "edition",
            "internal (sekretariatets, med lukkede punkter) eller public (lukkede punkter som 'Lukket punkt'; først når referatet er offentliggjort). Standard: internal for sekretariatet, ellers public.",
            { type: "string", enum: ["internal", "public"] },
          ),
        ],
        responses: {
          "200": { description: "PDF'en.", content: { "application/pdf": { schema: string } } },
          "404": errorResponse("Mødet findes ikke, referatet er ikke dannet eller ikke offentliggjort."),
        },
      }),
    },
    "/api/meetings/{id}/minutes/render": {
      post: secretariat({
        operationId: "renderMinutes",
        summary: "Dan referatet som PDF (intern og offentlig udgave) i jobkøen",
        parameters: [id],
        responses: {
          "200": json(object({ jobs: { type: "array", items: integer } }), "Jobbene er sat i kø."),
          ...refusals(),
        },
      }),
    },
    "/api/meetings/{id}/minutes/remarks": {
      post: secretariat({
        operationId: "sendMinutesForRemarks",
        summary: "Send udkastet til formanden eller alle medlemmer til bemærkninger (mail med link)",
        parameters: [id],
        requestBody: jsonBody({ to: { type: "string", enum: ["chair", "all"] } }, "Standard: chair."),
        responses: {
          "200": json(
            object({
              mailed: integer,
              failed: { type: "array", items: string },
              to: { type: "array", items: string },
              minutes: MINUTES,
            }),
            "Sendt.",
          ),
          ...refusals(),
        },
      }),
    },
    "/api/meetings/{id}/minutes/approve": {
      post: secretariat({
        operationId: "approveMinutes",
        summary:
          "Godkend referatet: formandens klik, eller punktet 'Godkendelse af referat' på et senere møde",
        parameters: [id],
        requestBody: jsonBody(
          { via: { type: "string", enum: ["chair", "next-meeting"] }, atMeetingId: integer },
          "via: chair (standard) eller next-meeting med atMeetingId.",
        ),
        responses: { "200": json(MINUTES, "Godkendt."), ...refusals() },
      }),
    },
    "/api/meetings/{id}/minutes/publish": {
      post: secretariat({
        operationId: "publishMinutes",
        summary: "Offentliggør det godkendte referat: fremmøde og beslutninger på mødets offentlige side",
        parameters: [id],
        responses: {
          "200": json(
            object({
              ...((MINUTES as { properties: object }).properties as Record<string, JsonSchema>),
              items: { type: "array", items: integer },
            }),
            "Offentliggjort.",
          ),
          ...refusals(),
        },
      }),
    },
  };
}
