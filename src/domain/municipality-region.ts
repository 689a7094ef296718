/**
 * @module The municipalities of a KKR (issue 14): a KKR gathers the municipalities of one region, so "KKR
 * Nordjylland" means Region Nordjylland's 11. And each municipality's slug for /kommune/{slug}: lower
 * case ASCII with æ, ø, å written ae, oe, aa, as the municipalities' own web addresses write them
 * (laesoe.dk, hjoerring.dk): "Læsø" → "laesoe". No I/O.
 */
import { MUNICIPALITIES, type Municipality } from "./municipality.js";

/** The five regions, each with its municipalities in MUNICIPALITIES' order (that list is grouped so). */
export const REGION_MUNICIPALITIES: Readonly<Record<string, readonly Municipality[]>> = {
  Nordjylland: MUNICIPALITIES.slice(0, 11),
  Midtjylland: MUNICIPALITIES.slice(11, 30),
  Syddanmark: MUNICIPALITIES.slice(30, 52),
  Sjælland: MUNICIPALITIES.slice(52, 69),
  Hovedstaden: MUNICIPALITIES.slice(69, 98),
};

/**
 * The municipalities a body speaks for: its region's, when its name names a region ("KKR Nordjylland");
 * none otherwise.
 * @example bodyMunicipalities("KKR Nordjylland").length // 11
 */
export function bodyMunicipalities(bodyName: string): readonly Municipality[] {
  for (const [region, list] of Object.entries(REGION_MUNICIPALITIES)) {
    if (new RegExp(`(^|\\s)${region}($|\\s)`, "iu").test(bodyName)) return list;
  }
  return [];
}

/**
 * The municipality's slug in /kommune/{slug}.
 * @example municipalitySlug("Læsø") // "laesoe"
 * @example municipalitySlug("Ringkøbing-Skjern") // "ringkoebing-skjern"
 */
export function municipalitySlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const BY_SLUG = new Map<string, Municipality>(MUNICIPALITIES.map((m) => [municipalitySlug(m), m]));

/**
 * The municipality a slug (or a name, any case, with æøå) names; null for none. A caller whose input was
 * not the slug itself redirects to it.
 * @example municipalityOfSlug("læsø") // "Læsø"
 */
export function municipalityOfSlug(text: string): Municipality | null {
  return BY_SLUG.get(municipalitySlug(decodeSafely(text))) ?? null;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for one of the 98 names, exactly. */
export function isMunicipality(value: unknown): value is Municipality {
  return typeof value === "string" && (MUNICIPALITIES as readonly string[]).includes(value);
}
