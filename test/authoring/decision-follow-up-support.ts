/**
 * @module Helpers for the suites of decisions sent on and follow-up (issue 14): KKR Nordjylland's
 * minutes of 20 September 2024 imported with an open item whose decision goes to the municipalities and
 * a closed one, the body's secretariat, and addresses for three of its municipalities.
 */
import type { Kysely } from "kysely";
import { municipalityAddressEditor } from "../../src/authoring/municipality-address-editor.js";
import type { FollowUpInput } from "../../src/domain/index.js";
import { type Database, finishImports, importDocument } from "../../src/store/index.js";
import { buildItem, buildMinutes } from "../support/documents.js";
import { agendaWorld, CLI } from "./agenda-support.js";

export const DECISION =
  "KKR Nordjylland anbefaler, at rammeaftalen godkendes i de nordjyske kommunalbestyrelser.";

export const ADDRESSES = {
  Aalborg: "byraad@aalborg.example.dk",
  Hjørring: "byraad@hjoerring.example.dk",
  Brønderslev: "byraad@broenderslev.example.dk",
} as const;

export async function decisionWorld(db: Kysely<Database>) {
  const world = await agendaWorld(db);
  await importDocument(
    db,
    buildMinutes({
      body: "KKR Nordjylland",
      meeting: {
        date: "2024-09-20",
        startTime: "10:00",
        endTime: "12:00",
        location: "Aalborg Rådhus",
        previousMeetingDate: null,
        nextMeetingDate: null,
      },
      sections: [{ number: "2", title: "Regionalpolitiske sager" }],
      items: [
        buildItem("2.1", {
          title: "Rammeaftale for det specialiserede socialområde 2025-2026",
          fields: {
            indstilling: "Det indstilles, at KKR Nordjylland anbefaler rammeaftalen.",
            sagsfremstilling: "Rammeaftalen beskriver samarbejdet om de specialiserede tilbud.",
            beslutning: DECISION,
          },
        }),
        buildItem("2.2", { title: "Personalesag", closed: true }),
        buildItem("2.3", {
          title: "Orientering om klimaplaner",
          fields: { beslutning: "KKR Nordjylland tog orienteringen til efterretning." },
        }),
      ],
    }),
  );
  await finishImports(db);
  const items = await db
    .selectFrom("agenda_item as ai")
    .innerJoin("meeting as m", "m.id", "ai.meeting_id")
    .select(["ai.id", "ai.number"])
    .where("m.body_id", "=", world.bodyId)
    .where("m.date", "=", "2024-09-20")
    .execute();
  const itemId = (number: string) => {
    const found = items.find((i) => i.number === number);
    if (!found) throw new Error(`no item ${number}`);
    return found.id;
  };
  await municipalityAddressEditor({
    db,
    viewer: world.secretariat,
    actor: CLI,
    bodyId: world.bodyId,
    addresses: { ...ADDRESSES },
  });
  return { world, openItemId: itemId("2.1"), closedItemId: itemId("2.2"), otherItemId: itemId("2.3") };
}

/** A task with a deadline, lying with a municipality. */
export function taskFor(municipality: string, dueDate: string): FollowUpInput {
  return {
    description: `Rammeaftalen behandles i ${municipality} Byråd`,
    responsibleKind: "municipality",
    municipality,
    responsible: null,
    dueDate,
    status: "open",
    notes: null,
  };
}
