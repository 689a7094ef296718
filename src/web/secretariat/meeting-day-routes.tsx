/**
 * @module The meeting-day screen's routes (issue 14): the screen at /sekretariat/moede/{id}/moededag,
 * its attendance form and "Marker mødet som afholdt", and each item's forms below
 * /sekretariat/moededag/punkt/{id} (decision, protocol remark, "deltog ikke") and a remark's removal. Every
 * form POSTs and redirects back to the item (303); a refusal shows the screen again with its Danish line
 * and what was typed; a stale decision answers 409 with the other's decision beside the form.
 */
import { type Context, Hono } from "hono";
import { attendanceRecorder } from "../../authoring/attendance-recorder.js";
import { decisionRecorder } from "../../authoring/decision-recorder.js";
import { meetingHolder } from "../../authoring/meeting-holder.js";
import { DecisionConflict, recordItemFor, recordMeetingFor } from "../../authoring/meeting-record-command.js";
import { protocolRemarkRecorder, protocolRemarkRemover } from "../../authoring/protocol-remark-recorder.js";
import { recusalRecorder, recusalRemover } from "../../authoring/recusal-recorder.js";
import type { MeetingRecord } from "../../domain/index.js";
import { meetingRecordOf, protocolRemarkOf } from "../../store/index.js";
import { wantsJson } from "../error-pages.js";
import { notFound } from "../http-error.js";
import type { DecisionConflictView } from "../pages/meeting-day-item.js";
import {
  type AttendanceFormValues,
  MeetingDayPage,
  meetingDayPaths,
  participantsOf,
} from "../pages/meeting-day-page.js";
import { idParam } from "../pages/route-params.js";
import { asPortalError, formRefusal, type RefusedStatus, refusalErrors } from "./agenda-refusals.js";
import { attendanceOfForm, decisionOfForm } from "./meeting-day-form.js";
import { commandProps, secretariatPageBasics } from "./secretariat-guard.js";

const NOTICES: Readonly<Record<string, string>> = {
  fremmoede: "Fremmødet er gemt.",
  beslutning: "Beslutningen er gemt.",
  bemaerkning: "Protokolbemærkningen er tilføjet.",
  "bemaerkning-fjernet": "Protokolbemærkningen er fjernet.",
  "deltog-ikke": "Det er noteret, at medlemmet ikke deltog i behandlingen.",
  "deltog-ikke-fjernet": "Noten om, at medlemmet ikke deltog, er fjernet.",
  afholdt: "Mødet er markeret som afholdt.",
};

/** The record of a meeting the viewer may record now; the portal's 404/403/409 otherwise. */
async function recordOf(c: Context, meetingId: number): Promise<MeetingRecord> {
  try {
    await recordMeetingFor(c.get("db"), c.get("viewer"), meetingId, "record");
  } catch (error) {
    return asPortalError(error);
  }
  const record = await meetingRecordOf(c.get("db"), meetingId);
  if (!record) throw notFound(`Møde ${meetingId}`);
  return record;
}

async function itemRecordOf(c: Context, itemId: number): Promise<MeetingRecord> {
  try {
    const item = await recordItemFor(c.get("db"), c.get("viewer"), itemId);
    return await recordOf(c, item.meeting.id);
  } catch (error) {
    return asPortalError(error);
  }
}

function showPage(
  c: Context,
  record: MeetingRecord,
  options: {
    readonly attendance?: AttendanceFormValues;
    readonly conflict?: DecisionConflictView | null;
    readonly error?: unknown;
  } = {},
) {
  const basics = secretariatPageBasics(c);
  const refusal = options.error === undefined ? null : formRefusal(c, options.error);
  return c.html(
    <MeetingDayPage
      record={record}
      attendance={options.attendance}
      conflict={options.conflict ?? null}
      {...basics}
      notice={refusal ? null : (NOTICES[c.req.query("besked") ?? ""] ?? null)}
      errors={refusal ? refusalErrors(refusal) : []}
    />,
    refusal ? (refusal.status as RefusedStatus) : 200,
  );
}

async function fieldsOf(c: Context): Promise<(name: string) => string> {
  const body = await c.req.parseBody();
  return (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
}

function backTo(c: Context, meetingId: number, notice: string, anchor: string) {
  if (wantsJson(c)) return c.json({ ok: true });
  return c.redirect(`${meetingDayPaths(meetingId).page}?besked=${notice}#${anchor}`, 303);
}

export function meetingDayRoutes(): Hono {
  const app = new Hono();
  const meetingBase = "/sekretariat/moede/:id/moededag";
  const itemBase = "/sekretariat/moededag/punkt/:id";

  app.get(meetingBase, async function meetingDay(c) {
    return showPage(c, await recordOf(c, idParam(c)));
  });

  app.post(`${meetingBase}/fremmoede`, async function attendanceSave(c) {
    const record = await recordOf(c, idParam(c));
    const { input, values } = attendanceOfForm(await fieldsOf(c), record);
    try {
      await attendanceRecorder({ ...commandProps(c), meetingId: record.meeting.id, attendance: input });
    } catch (error) {
      return showPage(c, record, { attendance: values, error });
    }
    return backTo(c, record.meeting.id, "fremmoede", "fremmoede");
  });

  app.post(`${meetingBase}/afholdt`, async function meetingHeld(c) {
    const record = await recordOf(c, idParam(c));
    try {
      await meetingHolder({ ...commandProps(c), meetingId: record.meeting.id });
    } catch (error) {
      return showPage(c, record, { error });
    }
    return backTo(c, record.meeting.id, "afholdt", "afholdt");
  });

  app.post(`${itemBase}/beslutning`, async function decisionSave(c) {
    const itemId = idParam(c);
    const record = await itemRecordOf(c, itemId);
    const field = await fieldsOf(c);
    let form: ReturnType<typeof decisionOfForm> | null = null;
    try {
      form = decisionOfForm(field, participantsOf(record));
      await decisionRecorder({
        ...commandProps(c),
        itemId,
        revision: form.revision,
        decision: form.decision,
        phrase: form.phrase,
        discussion: form.discussion,
        vote: form.vote,
        concernsMunicipalities: form.concernsMunicipalities,
      });
    } catch (error) {
      if (error instanceof DecisionConflict && form) {
        const fresh = (await meetingRecordOf(c.get("db"), record.meeting.id)) ?? record;
        return showPage(c, fresh, {
          conflict: { itemId, written: form.values, stored: error.decision },
          error,
        });
      }
      return showPage(c, record, { error });
    }
    return backTo(c, record.meeting.id, "beslutning", `punkt-${itemId}`);
  });

  app.post(`${itemBase}/protokolbemaerkning`, async function remarkAdd(c) {
    const itemId = idParam(c);
    const record = await itemRecordOf(c, itemId);
    const field = await fieldsOf(c);
    try {
      await protocolRemarkRecorder({
        ...commandProps(c),
        itemId,
        personId: Number(field("person")),
        text: field("tekst"),
      });
    } catch (error) {
      return showPage(c, record, { error });
    }
    return backTo(c, record.meeting.id, "bemaerkning", `punkt-${itemId}`);
  });

  app.post("/sekretariat/moededag/protokolbemaerkning/:id/fjern", async function remarkRemove(c) {
    const remark = await protocolRemarkOf(c.get("db"), idParam(c));
    if (!remark) throw notFound("Protokolbemærkningen");
    const record = await itemRecordOf(c, remark.itemId);
    try {
      await protocolRemarkRemover({ ...commandProps(c), remarkId: remark.id });
    } catch (error) {
      return showPage(c, record, { error });
    }
    return backTo(c, record.meeting.id, "bemaerkning-fjernet", `punkt-${remark.itemId}`);
  });

  app.post(`${itemBase}/deltog-ikke`, async function recusalAdd(c) {
    const itemId = idParam(c);
    const record = await itemRecordOf(c, itemId);
    const field = await fieldsOf(c);
    try {
      await recusalRecorder({
        ...commandProps(c),
        itemId,
        personId: Number(field("person")),
        reason: field("grund"),
      });
    } catch (error) {
      return showPage(c, record, { error });
    }
    return backTo(c, record.meeting.id, "deltog-ikke", `punkt-${itemId}`);
  });

  app.post(`${itemBase}/deltog-ikke/fjern`, async function recusalRemove(c) {
    const itemId = idParam(c);
    const record = await itemRecordOf(c, itemId);
    const field = await fieldsOf(c);
    try {
      await recusalRemover({ ...commandProps(c), itemId, personId: Number(field("person")) });
    } catch (error) {
      return showPage(c, record, { error });
    }
    return backTo(c, record.meeting.id, "deltog-ikke-fjernet", `punkt-${itemId}`);
  });

  return app;
}
