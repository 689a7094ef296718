/**
 * @module The bodies of the synthetic corpus: the five KKRs, and committees of the 98 municipalities, each
 * KKR with the municipalities of its region.
 */
import { MUNICIPALITIES } from "../../src/domain/index.js";

export interface CorpusBody {
  /** The body name as a document names it: "KKR Nordjylland", "Økonomiudvalget, Aalborg Kommune". */
  readonly name: string;
  readonly kind: "kkr" | "committee";
  /** Municipalities whose politicians sit in it: all of the region for a KKR, one for a committee. */
  readonly municipalities: readonly string[];
  /** Members at a time (a KKR has a mayor and a councillor from each municipality, as KKR Nordjylland). */
  readonly seats: number;
  readonly meetingsPerYear: number;
  readonly itemsPerMeeting: readonly [number, number];
}

/** Region sizes in the order src/ingest/entities/municipalities.ts lists them. */
const REGIONS = [
  ["Nordjylland", 11],
  ["Midtjylland", 19],
  ["Syddanmark", 22],
  ["Sjælland", 17],
  ["Hovedstaden", 29],
] as const;

export const COMMITTEES = [
  "Økonomiudvalget",
  "Børne- og Skoleudvalget",
  "Teknik- og Miljøudvalget",
  "Social- og Sundhedsudvalget",
  "Kultur- og Fritidsudvalget",
  "Beskæftigelsesudvalget",
] as const;

/** The five KKRs first, then every municipality's committees: the order in which a corpus fills up. */
export function corpusBodies(): CorpusBody[] {
  const bodies: CorpusBody[] = [];
  let offset = 0;
  for (const [region, count] of REGIONS) {
    const municipalities = MUNICIPALITIES.slice(offset, offset + count);
    offset += count;
    bodies.push({
      name: `KKR ${region}`,
      kind: "kkr",
      municipalities,
      seats: Math.min(2 * count, 30),
      meetingsPerYear: 6,
      itemsPerMeeting: [9, 16],
    });
  }
  for (const municipality of MUNICIPALITIES) {
    for (const committee of COMMITTEES) {
      bodies.push({
        name: `${committee}, ${municipality} Kommune`,
        kind: "committee",
        municipalities: [municipality],
        seats: committee === "Økonomiudvalget" ? 11 : 7,
        meetingsPerYear: 10,
        itemsPerMeeting: [6, 14],
      });
    }
  }
  return bodies;
}

/** The region of each municipality, for a KKR's name in a committee's text. */
export function kkrOf(municipality: string): string {
  let offset = 0;
  for (const [region, count] of REGIONS) {
    if (MUNICIPALITIES.slice(offset, offset + count).includes(municipality as never)) return `KKR ${region}`;
    offset += count;
  }
  return "KKR Hovedstaden";
}
