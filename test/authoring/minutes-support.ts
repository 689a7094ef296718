/**
 * @module Helpers for the minutes suites (issue 14): a KKR Nordjylland meeting sent and held, with its
 * record (attendance with an absence and a substitute "Suppl. for", decisions with a vote, a protocol
 * remark, a recusal, and a decision under the closed item), and accounts for the chair and a member.
 */
import type { Kysely } from "kysely";
import { attendanceRecorder } from "../../src/authoring/attendance-recorder.js";
import { decisionRecorder } from "../../src/authoring/decision-recorder.js";
import { meetingHolder } from "../../src/authoring/meeting-holder.js";
import { protocolRemarkRecorder } from "../../src/authoring/protocol-remark-recorder.js";
import { recusalRecorder } from "../../src/authoring/recusal-recorder.js";
import { type Database, insertUser, insertUserRole } from "../../src/store/index.js";
import { uniqueEmail } from "../accounts/support.js";
import { CLI, T0 } from "./agenda-support.js";
import { type SentMeeting, sentMeeting } from "./meeting-record-support.js";

export const CLOSED_DECISION = "Sagen om løntrin blev afgjort fortroligt.";
export const REMARK = "Ø kan ikke støtte takststigningen.";

export interface HeldMeeting extends SentMeeting {
  /** The chair's account (named as the member whose membership role is "formand"). */
  readonly chair: { readonly userId: number; readonly email: string };
  readonly member: { readonly userId: number; readonly email: string };
}

async function account(db: Kysely<Database>, name: string, bodyId: number) {
  const email = uniqueEmail(name.split(" ")[0]?.toLowerCase());
  const userId = await insertUser(db, { email, name, passwordHash: null, totpSecret: null, now: T0 });
  await insertUserRole(db, { userId, role: "medlem", bodyId, now: T0 });
  return { userId, email };
}

/** A meeting on `date` with its agenda sent, its record kept and the meeting held. */
export async function heldMeeting(db: Kysely<Database>, date = "2025-02-07"): Promise<HeldMeeting> {
  const sent = await sentMeeting(db, date);
  const { world, meetingId, items, people } = sent;
  const as = { db, viewer: world.secretariat, actor: CLI };
  const id = (name: string) => people[name] as number;
  await attendanceRecorder({
    ...as,
    meetingId,
    attendance: [
      { personId: id("Mads Duedahl"), status: "present" },
      { personId: id("Mogens Gade"), status: "present" },
      { personId: id("Anne Ørum"), status: "present" },
      { personId: id("Carl Conradsen"), status: "present" },
      { personId: id("Frida Fog"), status: "absent" },
      { name: "Søren Suppleant", status: "substitute", substituteForPersonId: id("Frida Fog") },
      { name: "Lone Lund", status: "official", note: "KL" },
    ],
  });
  await decisionRecorder({ ...as, itemId: items["2.1"] as number, revision: 0, phrase: "noted" });
  await decisionRecorder({
    ...as,
    itemId: items["2.2"] as number,
    revision: 0,
    decision: "Indstillingen blev tiltrådt.",
    discussion: "Drøftelse af takstniveauet i de nordjyske kommuner.",
    vote: {
      for: [{ personId: id("Mads Duedahl") }, { personId: id("Mogens Gade") }],
      against: [{ personId: id("Anne Ørum") }],
      abstaining: [],
    },
  });
  await decisionRecorder({ ...as, itemId: items["2.3"] as number, revision: 0, decision: CLOSED_DECISION });
  await protocolRemarkRecorder({
    ...as,
    itemId: items["2.2"] as number,
    personId: id("Anne Ørum"),
    text: REMARK,
  });
  await recusalRecorder({
    ...as,
    itemId: items["2.2"] as number,
    personId: id("Carl Conradsen"),
    reason: "inhabil",
  });
  await meetingHolder({ ...as, meetingId });
  return {
    ...sent,
    chair: await account(db, "Mads Duedahl", world.bodyId),
    member: await account(db, "Anne Ørum", world.bodyId),
  };
}
