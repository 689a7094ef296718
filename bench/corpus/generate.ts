/**
 * @module The synthetic national corpus: meetings of the five KKRs and the municipalities' committees,
 * newest year first, until the corpus holds the asked number of items. A meeting depends only on the seed,
 * its body and its date, so the 10k corpus is the start of the 100k one, which is the start of the 1M one:
 * a benchmark can grow a database from one size to the next by loading only the difference.
 */
import { type CorpusBody, corpusBodies } from "./bodies.js";
import { type LaidOutFile, layOutAnnexPack, layOutMinutes } from "./layout.js";
import { itemCount, type MeetingSlot, meetingDates, planMeeting } from "./plan-meeting.js";
import type { WordModel } from "./word-model.js";

export const CORPUS_SIZES = { small: 2_000, "10k": 10_000, "100k": 100_000, "1M": 1_000_000 } as const;
export type CorpusSize = keyof typeof CORPUS_SIZES;

export const DEFAULT_SEED = "raadsinfo-corpus-1";
const NEWEST_YEAR = 2026;
const OLDEST_YEAR = 1990;

export interface CorpusOptions {
  readonly model: WordModel;
  /** Stop after the meeting that brings the count of items to at least this. */
  readonly items: number;
  /** Skip the meetings of the first `fromItems` items (what a smaller corpus already loaded). */
  readonly fromItems?: number;
  readonly seed?: string;
}

export interface CorpusMeeting {
  readonly slot: MeetingSlot;
  readonly minutes: LaidOutFile;
  readonly annexPack: LaidOutFile | null;
  /** Items in the corpus up to and including this meeting. */
  readonly itemsSoFar: number;
}

/** Meeting slots in corpus order: year by year from the newest, each body's meetings of that year. */
export function* meetingSlots(seed: string = DEFAULT_SEED): Generator<MeetingSlot> {
  const bodies = corpusBodies();
  const datesOf = (body: CorpusBody, year: number) => meetingDates(seed, body, year);
  for (let year = NEWEST_YEAR; year >= OLDEST_YEAR; year--) {
    for (const body of bodies) {
      const dates = datesOf(body, year);
      const before = datesOf(body, year - 1).at(-1) ?? null;
      const after = year < NEWEST_YEAR ? (datesOf(body, year + 1)[0] ?? null) : null;
      for (const [i, date] of dates.entries()) {
        yield {
          body,
          date,
          items: itemCount(seed, body, date),
          previousMeetingDate: dates[i - 1] ?? before,
          nextMeetingDate: dates[i + 1] ?? after,
        };
      }
    }
  }
}

/**
 * The corpus, one meeting at a time (minutes and, where items have annexes, an annex pack), so even the
 * 1M corpus never sits in memory whole.
 * @example for (const m of generateCorpus({ model, items: 2000 })) await importDocument(db, m.minutes.parsed);
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusMeeting> {
  const seed = options.seed ?? DEFAULT_SEED;
  const from = options.fromItems ?? 0;
  let count = 0;
  for (const slot of meetingSlots(seed)) {
    if (count >= options.items) return;
    count += slot.items;
    if (count <= from) continue;
    const plan = planMeeting(seed, options.model, slot);
    yield { slot, minutes: layOutMinutes(plan), annexPack: layOutAnnexPack(plan), itemsSoFar: count };
  }
}
