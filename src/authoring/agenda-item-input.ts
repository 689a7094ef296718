/**
 * @module What the secretariat may write on an item, checked once for the creator and the editor: a
 * title, the closed flag, case number and initials, the fields (rich text as domain/rich-text.ts reads
 * it) and the take-up-again mark. Each problem is one Danish line.
 */
import { DRAFT_FIELD_KEYS, type DraftFieldKey } from "../store/index.js";
import { requiredTitle } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";

export interface ItemInput {
  readonly title?: string;
  /** False for a closed item (lukket punkt). */
  readonly public?: boolean;
  /** "SAG-2024-03326"; null clears it. */
  readonly caseNumber?: string | null;
  /** Case workers' initials: ["hlth"]. */
  readonly initials?: readonly string[];
  /** Resume, Baggrund, Indstilling, Sagsforløb, Sagsfremstilling; null or "" clears one. */
  readonly fields?: Partial<Record<DraftFieldKey, string | null>>;
  /** Offer the item again for the body's next agenda. */
  readonly takeUpAgain?: boolean;
}

/** The most a field may hold: far above the longest Sagsfremstilling in the seeds. */
const FIELD_MAX = 200_000;

/** The input, checked and trimmed; only what was given is there. */
export function itemValues(
  input: ItemInput,
  options: { readonly titleRequired: boolean },
): {
  readonly title?: string;
  readonly public?: boolean;
  readonly caseNumber?: string | null;
  readonly initials?: readonly string[];
  readonly fields: Partial<Record<DraftFieldKey, string | null>>;
  readonly takeUpAgain?: boolean;
} {
  const fields: Partial<Record<DraftFieldKey, string | null>> = {};
  for (const [key, value] of Object.entries(input.fields ?? {})) {
    if (!(DRAFT_FIELD_KEYS as readonly string[]).includes(key)) {
      throw new AgendaRefused("invalid", `Feltet "${key}" findes ikke på et punkt.`);
    }
    if (value !== null && typeof value !== "string") {
      throw new AgendaRefused("invalid", `Feltet "${key}" skal være tekst.`);
    }
    const text = value?.replace(/\r\n?/g, "\n").trim() || null;
    if (text && text.length > FIELD_MAX) throw new AgendaRefused("invalid", `Feltet "${key}" er for langt.`);
    fields[key as DraftFieldKey] = text;
  }
  const caseNumber = input.caseNumber === undefined ? undefined : input.caseNumber?.trim() || null;
  if (caseNumber && !/^[A-ZÆØÅ]{2,6}-\d{4}-\d{3,7}$/i.test(caseNumber)) {
    throw new AgendaRefused("invalid", `"${caseNumber}" er ikke et sagsnummer (som SAG-2024-03326).`);
  }
  const initials = input.initials?.map((i) => String(i).trim().toLowerCase()).filter(Boolean);
  const badInitials = initials?.find((i) => !/^[a-zæøå]{2,8}$/.test(i));
  if (badInitials) throw new AgendaRefused("invalid", `"${badInitials}" er ikke initialer (2-8 bogstaver).`);
  if (input.public !== undefined && typeof input.public !== "boolean") {
    throw new AgendaRefused("invalid", "Åben/lukket skal være sand eller falsk.");
  }
  return {
    ...(input.title !== undefined || options.titleRequired
      ? { title: requiredTitle(input.title, "Punktet") }
      : {}),
    ...(input.public !== undefined ? { public: input.public } : {}),
    ...(caseNumber !== undefined ? { caseNumber } : {}),
    ...(initials ? { initials: [...new Set(initials)] } : {}),
    ...(input.takeUpAgain !== undefined ? { takeUpAgain: Boolean(input.takeUpAgain) } : {}),
    fields,
  };
}
