/**
 * @module The minutes' path to the public (issue 14): a draft, sent to the chair (or all members) for
 * remarks, approved by the chair's click or by the next meeting's item "Godkendelse af referat", then
 * published. Which step is open in which state, and who may approve, decided here; no I/O.
 */

export const MINUTES_STATES = ["draft", "remarks", "approved", "published"] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

export function isMinutesState(value: unknown): value is MinutesState {
  return typeof value === "string" && (MINUTES_STATES as readonly string[]).includes(value);
}

export const MINUTES_STATE_LABELS: Readonly<Record<MinutesState, string>> = {
  draft: "Udkast",
  remarks: "Sendt til bemærkninger",
  approved: "Godkendt",
  published: "Offentliggjort",
};

/** How minutes were approved: by the chair's click, or at the next meeting. */
export const MINUTES_APPROVAL_WAYS = ["chair", "next-meeting"] as const;
export type MinutesApprovalWay = (typeof MINUTES_APPROVAL_WAYS)[number];

export type MinutesStep = "render" | "send-remarks" | "approve" | "publish";

/**
 * Null when `step` may be taken in `state`, otherwise the Danish reason. Minutes can be rendered and sent
 * for remarks until approved, approved once, and published only when approved.
 * @example minutesStepRefusal("publish", "draft") // "Referatet skal godkendes, før det kan offentliggøres."
 * @example minutesStepRefusal("approve", "remarks") // null
 */
export function minutesStepRefusal(step: MinutesStep, state: MinutesState): string | null {
  switch (step) {
    case "render":
      return null;
    case "send-remarks":
      return state === "draft" || state === "remarks"
        ? null
        : "Referatet er godkendt og kan ikke længere sendes til bemærkninger.";
    case "approve":
      if (state === "approved") return "Referatet er allerede godkendt.";
      if (state === "published") return "Referatet er allerede offentliggjort.";
      return null;
    case "publish":
      if (state === "published") return "Referatet er allerede offentliggjort.";
      return state === "approved" ? null : "Referatet skal godkendes, før det kan offentliggøres.";
  }
}

/**
 * Whether a title is the item that approves the previous meeting's minutes ("Godkendelse af referat",
 * seeds/004 item 1.2).
 * @example isMinutesApprovalItem("Godkendelse af referat") // true
 * @example isMinutesApprovalItem("Godkendelse af dagsorden") // false
 */
export function isMinutesApprovalItem(title: string): boolean {
  return /^godkendelse af (?:referat|referatet)\b/iu.test(title.trim());
}

/**
 * How the page names the approval: the chair's approval with who recorded it, or the meeting it was
 * approved at.
 * @example minutesApprovalText("chair", "Sofie Sekretariat", "21. september 2024") // "Godkendt af formanden 21. september 2024 (registreret af Sofie Sekretariat)"
 * @example minutesApprovalText("next-meeting", null, "20. november 2024") // "Godkendt på mødet 20. november 2024"
 */
export function minutesApprovalText(way: MinutesApprovalWay, who: string | null, when: string): string {
  return way === "chair"
    ? `Godkendt af formanden ${when}${who ? ` (registreret af ${who})` : ""}`
    : `Godkendt på mødet ${when}`;
}

/**
 * Whether a membership role names the body's chair: "chair" as the register writes it, "formand" as the
 * KKR lists and the secretariat write it.
 * @example isChairRole("formand") // true
 * @example isChairRole("næstformand") // false
 */
export function isChairRole(role: string): boolean {
  return /^(?:chair|formand)$/iu.test(role.trim());
}

/**
 * Who may read a meeting's draft minutes: whoever may edit its record (the body's secretariat, an
 * administrator: `mayEdit`, domain/visibility.ts mayEditAgenda), and a member it was sent to for remarks;
 * DESIGN.md: medlem reads drafts sent to them. Everyone else is told it does not exist.
 * @example mayReadMinutesDraft({ mayEdit: false, sentForRemarksToViewer: true }) // true
 * @example mayReadMinutesDraft({ mayEdit: false, sentForRemarksToViewer: false }) // false
 */
export function mayReadMinutesDraft(facts: {
  readonly mayEdit: boolean;
  readonly sentForRemarksToViewer: boolean;
}): boolean {
  return facts.mayEdit || facts.sentForRemarksToViewer;
}
