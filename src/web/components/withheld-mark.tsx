/**
 * @module The mark a signed-in viewer sees on a thing the public does not: "Lukket punkt" on a closed
 * item a member reads in full, "CPR-nummer" on one the privacy gate holds back. Text, not colour alone,
 * so a screen reader and a printout say it too (WCAG 1.4.1).
 */
import { WITHHOLDING_LABELS, type WithholdingReason } from "../../domain/index.js";

/** Nothing for an open thing; otherwise "Lukket punkt" (or the reason) with "ikke offentligt" beside it. */
export function WithheldMark(props: { readonly withheld: WithholdingReason | null }) {
  if (props.withheld === null) return null;
  return (
    <span class="withheld-mark">
      {WITHHOLDING_LABELS[props.withheld]}
      <span class="withheld-mark__note"> · ikke offentligt</span>
    </span>
  );
}
