/**
 * @module The world of the matter suites (issue 14): the five seeds imported (KKR Nordjylland's minutes
 * of 20 September 2024 among them), and the same body's minutes of a 2025 meeting with the next year's
 * items of the same matters: the budget and annual report of Socialtilsyn Nord, the Nordjysk Socialaftale and
 * the SOSU places, beside titles of the seeds' 2025 annex pack, a closed item and the standing items.
 */
import { type Kysely, sql } from "kysely";
import type { Viewer } from "../../src/domain/index.js";
import { listSourceFiles, loadIngestOptions, parseSource, readSourceFile } from "../../src/ingest/index.js";
import { type Database, finishImports, importDocument } from "../../src/store/index.js";
import { bodyId } from "../accounts/support.js";
import { buildItem, buildMinutes } from "../support/documents.js";
import { seedPath } from "../support/seeds.js";

export const BODY = "KKR Nordjylland";
export const CLI = { userId: null, tokenId: null } as const;
export const MEETING_2025 = "2025-09-19";

/** The items of the 2025 meeting, by number. */
export const ITEMS_2025 = {
  "1.2": "Godkendelse af referat",
  "2.2": "Resultatkontrakt Erhvervshus Nordjylland",
  "2.4": "Socialtilsyn Nords årsberetning 2024",
  "2.5": "Socialtilsyn Nords budget for 2026",
  "2.6": "Regnskab og budget – fælleskommunale sekretariater",
  "2.7": "Nordjysk Socialaftale 2027-28: proces og tidsplan",
  "2.8": "Fordeling af lærepladser på SOSU-uddannelserne for 2026",
  "2.9": "Personalesag om løntrin",
} as const;

export interface MatterWorld {
  readonly bodyId: number;
  readonly secretariat: Viewer;
  readonly member: Viewer;
  readonly otherSecretariat: Viewer;
  /** Item ids by meeting year and number: item("2024", "2.5"). */
  readonly item: (year: "2024" | "2025", number: string) => Promise<number>;
}

/** Imports the seeds and the 2025 minutes into `db`; the viewers of the matter commands. */
export async function matterWorld(db: Kysely<Database>): Promise<MatterWorld> {
  const options = await loadIngestOptions();
  for (const path of await listSourceFiles([seedPath("004").replace(/\/[^/]+$/, "")])) {
    await importDocument(db, await parseSource(await readSourceFile(path), options));
  }
  await importDocument(
    db,
    buildMinutes({
      body: BODY,
      meeting: {
        date: MEETING_2025,
        startTime: "10:00",
        endTime: "12:00",
        location: "Aalborg Rådhus",
        previousMeetingDate: "2025-06-20",
        nextMeetingDate: null,
      },
      sections: [
        { number: "1", title: "Godkendelse af dagsorden og referat" },
        { number: "2", title: "Sager til beslutning" },
      ],
      items: Object.entries(ITEMS_2025).map(([number, title]) =>
        buildItem(number, {
          title,
          caseNumber: "SAG-2025-02417",
          closed: number === "2.9",
          fields: {
            indstilling: `Det indstilles, at KKR Nordjylland godkender ${title.toLowerCase()}.`,
            beslutning: number === "2.9" ? "Fortroligt: løntrin 4." : "Indstillingen blev tiltrådt.",
          },
        }),
      ),
    }),
  );
  await finishImports(db);
  const body = { id: await bodyId(db, BODY) };
  const other = { id: await bodyId(db, "KKR Sjælland") };
  return {
    bodyId: body.id,
    secretariat: { kind: "user", memberOf: [], secretariatOf: [body.id] },
    member: { kind: "user", memberOf: [body.id], secretariatOf: [] },
    otherSecretariat: { kind: "user", memberOf: [], secretariatOf: [other.id] },
    item: async (year, number) => {
      const row = await db
        .selectFrom("agenda_item as ai")
        .innerJoin("meeting as m", "m.id", "ai.meeting_id")
        .select("ai.id")
        .where("m.body_id", "=", body.id)
        .where(sql`extract(year from m.date)::int`, "=", Number(year))
        .where("ai.number", "=", number)
        .where("ai.deleted", "=", false)
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };
}
