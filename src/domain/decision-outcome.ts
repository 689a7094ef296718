/**
 * @module The kind of outcome a decision text records: godkendt, taget til efterretning, anbefalet,
 * udsat, or andet. One ordered list of word beginnings decides; the store turns the same list into SQL
 * so the decision overview filters by it without a stored copy that could go stale.
 */

export const DECISION_OUTCOMES = ["godkendt", "efterretning", "anbefalet", "udsat", "andet"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  godkendt: "Godkendt",
  efterretning: "Taget til efterretning",
  anbefalet: "Anbefalet",
  udsat: "Udsat",
  andet: "Andet",
};

export function isDecisionOutcome(value: unknown): value is DecisionOutcome {
  return typeof value === "string" && (DECISION_OUTCOMES as readonly string[]).includes(value);
}

/**
 * The outcomes tried in order, each with the beginnings of the words that record it (lower case, single
 * words, so SQL can match them as PostgreSQL regular expressions). A postponement wins over what was
 * said besides it, a noting over an approval of the recommendation to note, and a recommendation to
 * others over the approval of that recommendation ("KKR anbefaler kommunalbestyrelserne at godkende").
 */
export const DECISION_OUTCOME_WORDS: readonly {
  readonly outcome: Exclude<DecisionOutcome, "andet">;
  readonly starts: readonly string[];
}[] = [
  { outcome: "udsat", starts: ["udsat", "udsæt", "udskudt", "udskyd"] },
  { outcome: "efterretning", starts: ["efterretning"] },
  { outcome: "anbefalet", starts: ["anbefal"] },
  {
    outcome: "godkendt",
    starts: ["godkend", "tiltrådt", "tiltræd", "vedtag", "vedtog", "bevilg", "bevillig"],
  },
];

/** A letter as Danish writes it: a word begins where the character before is none of these. */
const LETTER = /\p{L}/u;

/**
 * The outcome of a decision text; "andet" when no outcome word begins a word of it.
 * @example decisionOutcome("Indstillingen blev godkendt.") // "godkendt"
 * @example decisionOutcome("Forudsat finansiering ...") // "andet": "udsat" inside a word does not count
 */
export function decisionOutcome(text: string | null): DecisionOutcome {
  if (!text) return "andet";
  const lower = text.toLocaleLowerCase("da").replace(/\s+/g, " ");
  for (const { outcome, starts } of DECISION_OUTCOME_WORDS) {
    for (const start of starts) {
      let at = lower.indexOf(start);
      while (at !== -1) {
        if (at === 0 || !LETTER.test(lower[at - 1] ?? "")) return outcome;
        at = lower.indexOf(start, at + 1);
      }
    }
  }
  return "andet";
}
