/**
 * @module The meeting day in the JSON API (issue 14), mounted from secretariat-api.tsx: getMeetingRecord
 * (GET /api/meetings/{id}/record), recordAttendance (PUT /api/meetings/{id}/attendance, the whole
 * table), markMeetingHeld, recordDecision (PUT /api/items/{id}/decision; a stale revision is 409 with the
 * other's decision under `current`), addProtocolRemark, removeProtocolRemark, recordRecusal and
 * removeRecusal. Item ids are the published items' (GET /api/items/{id}, the record's items). For a
 * signed-in user or an API token; the commands of src/authoring decide who may (the body's secretariat
 * or an administrator). Documented in openapi-meeting-record.ts.
 */
import { type Context, Hono } from "hono";
import { AgendaRefused } from "../../authoring/agenda-refusal.js";
import { type AttendanceInput, attendanceRecorder } from "../../authoring/attendance-recorder.js";
import { decisionRecorder } from "../../authoring/decision-recorder.js";
import { meetingHolder } from "../../authoring/meeting-holder.js";
import { DecisionConflict, recordMeetingFor } from "../../authoring/meeting-record-command.js";
import { protocolRemarkRecorder, protocolRemarkRemover } from "../../authoring/protocol-remark-recorder.js";
import { recusalRecorder, recusalRemover } from "../../authoring/recusal-recorder.js";
import {
  type DecisionVote,
  isAttendanceStatus,
  isDecisionPhraseKey,
  type MeetingRecord,
  type Voter,
} from "../../domain/index.js";
import { meetingRecordOf, type StoredDecision } from "../../store/index.js";
import { badRequest, notFound, PortalError } from "../http-error.js";
import { rowId } from "../request-params.js";
import { actorOf, jsonBody } from "./api-request.js";

/** The record as the API shows it (dates as ISO text). */
export function presentMeetingRecord(record: MeetingRecord) {
  return {
    ...record,
    items: record.items.map((i) => ({
      ...i,
      decision: i.decision ? { ...i.decision, modified: i.decision.modified.toISOString() } : null,
    })),
    modified: record.modified?.toISOString() ?? null,
  };
}

function presentDecision(d: StoredDecision) {
  return {
    itemId: d.agendaItemId,
    decision: d.decision,
    discussion: d.discussion,
    vote: d.vote,
    concernsMunicipalities: d.concernsMunicipalities,
    revision: d.revision,
  };
}

/** Runs a command; its refusal becomes the one HTTP error with the Danish line. */
async function command<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AgendaRefused) || error instanceof DecisionConflict) throw error;
    throw new PortalError(error.code, error.message, { status: error.status, cause: error });
  }
}

function optionalText(body: Record<string, unknown>, name: string): string | null | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== "string") throw badRequest(`Feltet "${name}" skal være tekst.`);
  return value;
}

function optionalId(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 2_147_483_647)
    throw badRequest(`Feltet "${name}" skal være et helt tal fra 1.`);
  return value as number;
}

function attendanceOf(body: Record<string, unknown>): AttendanceInput[] {
  if (!Array.isArray(body.attendance)) throw badRequest('Feltet "attendance" skal være en liste.');
  return body.attendance.map((line) => {
    if (typeof line !== "object" || line === null)
      throw badRequest("Hver linje i fremmødet skal være en genstand.");
    const l = line as Record<string, unknown>;
    if (!isAttendanceStatus(l.status))
      throw badRequest('Feltet "status" skal være present, absent, substitute, guest eller official.');
    const name = optionalText(l, "name");
    return {
      personId: optionalId(l.personId, "personId"),
      name: name ?? null,
      status: l.status,
      substituteForPersonId: optionalId(l.substituteForPersonId, "substituteForPersonId"),
      note: optionalText(l, "note") ?? null,
    };
  });
}

function voteOf(value: unknown): DecisionVote | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object") throw badRequest('Feltet "vote" skal være en genstand.');
  const v = value as Record<string, unknown>;
  const list = (name: string): Voter[] => {
    const voters = v[name] ?? [];
    if (!Array.isArray(voters)) throw badRequest(`Feltet "vote.${name}" skal være en liste.`);
    return voters.map((voter) => {
      const x = (voter ?? {}) as Record<string, unknown>;
      if (typeof x.party === "string") return { party: x.party };
      const id = optionalId(x.personId, `vote.${name}.personId`);
      if (id === null) throw badRequest(`Hver stemme i "vote.${name}" skal have personId eller party.`);
      return { personId: id };
    });
  };
  return { for: list("for"), against: list("against"), abstaining: list("abstaining") };
}

async function recordOr404(c: Context, meetingId: number) {
  const record = await meetingRecordOf(c.get("db"), meetingId);
  if (!record) throw notFound(`Møde ${meetingId}`);
  return presentMeetingRecord(record);
}

export function meetingRecordApi(): Hono {
  const app = new Hono();

  app.get("/meetings/:id/record", async (c) => {
    const { db, viewer } = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    await command(() => recordMeetingFor(db, viewer, meetingId, null));
    return c.json(await recordOr404(c, meetingId));
  });

  app.put("/meetings/:id/attendance", async (c) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    const attendance = attendanceOf(await jsonBody(c));
    await command(() => attendanceRecorder({ ...props, meetingId, attendance }));
    return c.json(await recordOr404(c, meetingId));
  });

  app.post("/meetings/:id/held", async (c) => {
    const props = actorOf(c);
    const meetingId = rowId(c.req.param("id"));
    await command(() => meetingHolder({ ...props, meetingId }));
    return c.json(await recordOr404(c, meetingId));
  });

  app.put("/items/:id/decision", async (c) => {
    const props = actorOf(c);
    const itemId = rowId(c.req.param("id"));
    const body = await jsonBody(c);
    const revision = body.revision;
    if (!Number.isInteger(revision) || (revision as number) < 0)
      throw badRequest('Feltet "revision" skal være et helt tal (0 for den første beslutning).');
    if (body.phrase !== undefined && body.phrase !== null && !isDecisionPhraseKey(body.phrase))
      throw badRequest(
        'Feltet "phrase" skal være approved-recommendation, noted, approved, discussed eller postponed.',
      );
    if (body.concernsMunicipalities !== undefined && typeof body.concernsMunicipalities !== "boolean")
      throw badRequest('Feltet "concernsMunicipalities" skal være true eller false.');
    try {
      const saved = await command(() =>
        decisionRecorder({
          ...props,
          itemId,
          revision: revision as number,
          decision: optionalText(body, "decision") ?? null,
          phrase: isDecisionPhraseKey(body.phrase) ? body.phrase : null,
          discussion: optionalText(body, "discussion") ?? null,
          vote: voteOf(body.vote),
          ...(typeof body.concernsMunicipalities === "boolean"
            ? { concernsMunicipalities: body.concernsMunicipalities }
            : {}),
        }),
      );
      return c.json(presentDecision(saved));
    } catch (error) {
      if (!(error instanceof DecisionConflict)) throw error;
      // The one error's JSON, with the other's decision beside it so the client can merge.
      c.header("Cache-Control", "no-store");
      return c.json(
        {
          error: { status: 409, code: error.code, message: error.message },
          current: presentDecision(error.decision),
        },
        409,
      );
    }
  });

  app.post("/items/:id/protocol-remarks", async (c) => {
    const props = actorOf(c);
    const itemId = rowId(c.req.param("id"));
    const body = await jsonBody(c);
    const personId = optionalId(body.personId, "personId");
    if (personId === null) throw badRequest('Feltet "personId" mangler.');
    const text = optionalText(body, "text") ?? "";
    const id = await command(() => protocolRemarkRecorder({ ...props, itemId, personId, text }));
    return c.json({ id, itemId, personId, text: text.trim() }, 201);
  });

  app.delete("/protocol-remarks/:id", async (c) => {
    const props = actorOf(c);
    await command(() => protocolRemarkRemover({ ...props, remarkId: rowId(c.req.param("id")) }));
    return c.json({ deleted: true });
  });

  app.put("/items/:id/recusals/:personId", async (c) => {
    const props = actorOf(c);
    const itemId = rowId(c.req.param("id"));
    const personId = rowId(c.req.param("personId"));
    const body = await c.req.json().catch(() => ({}));
    const reason =
      typeof body === "object" && body !== null
        ? optionalText(body as Record<string, unknown>, "reason")
        : null;
    await command(() => recusalRecorder({ ...props, itemId, personId, reason: reason ?? null }));
    return c.json({ itemId, personId, reason: reason?.trim() || null });
  });

  app.delete("/items/:id/recusals/:personId", async (c) => {
    const props = actorOf(c);
    const itemId = rowId(c.req.param("id"));
    const personId = rowId(c.req.param("personId"));
    await command(() => recusalRemover({ ...props, itemId, personId }));
    return c.json({ deleted: true });
  });

  return app;
}
