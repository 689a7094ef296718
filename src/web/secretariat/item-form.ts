/**
 * @module An agenda item's form read into authoring's ItemInput: text fields trimmed by the command,
 * initials split on commas and spaces, the checkboxes, and a picked standard phrase for Indstilling put
 * first in the field (or used alone when it is empty).
 */
import type { ItemInput } from "../../authoring/agenda-item-input.js";
import { ITEM_TEXT_FIELDS, type ItemFormValues, type ItemTextKey } from "../pages/agenda-item-page.js";

/** The endings of the standard phrases for Indstilling, after "Det indstilles, at <body> ". */
export const PHRASE_ENDINGS = [
  "tager orienteringen til efterretning.",
  "drøfter sagen.",
  "godkender indstillingen.",
  "drøfter og godkender udkastet.",
] as const;

/** What the form sent, as the form shows it again; the picked phrase is already in Indstilling. */
export function itemValuesOfForm(
  field: (name: string) => string,
  phrases: readonly string[],
): ItemFormValues {
  const fields = Object.fromEntries(ITEM_TEXT_FIELDS.map((f) => [f.key, field(f.key)])) as Record<
    ItemTextKey,
    string
  >;
  const picked = field("frase") === "" ? undefined : phrases[Number(field("frase"))];
  if (picked && !fields.indstilling.trim().startsWith(picked)) {
    fields.indstilling = fields.indstilling.trim() ? `${picked}\n\n${fields.indstilling.trim()}` : picked;
  }
  return {
    titel: field("titel"),
    sagsnummer: field("sagsnummer"),
    initialer: field("initialer"),
    lukket: field("lukket") === "ja",
    tagesop: field("tagesop") === "ja",
    fields,
  };
}

/** The command's input from the form's values: every field given, so a cleared one is cleared. */
export function itemFormInput(values: ItemFormValues): ItemInput {
  return {
    title: values.titel,
    public: !values.lukket,
    caseNumber: values.sagsnummer.trim() || null,
    initials: values.initialer.split(/[\s,;]+/).filter(Boolean),
    fields: { ...values.fields },
    takeUpAgain: values.tagesop,
  };
}
