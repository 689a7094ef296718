/**
 * @module The visibility policy (issue 12, point 1): who may see what. A viewer is the public or a user
 * with roles per body; a thing is open or withheld for a reason, and belongs to a body (or, an annex not
 * linked to any meeting, to none). This module is the only place that decides; the store applies the same
 * table in SQL (store/read/visibility.ts) and presenters only read the answer. No I/O.
 */
import type { RoleGrant } from "./role.js";

/**
 * Why a row is withheld from the public. Sticky: set when the row is written, never cleared by a
 * re-import, cleared only when the body's secretariat releases it.
 * - `closed-item`: a closed item (lukket punkt), an annex filed under one, or an imported file holding one;
 * - `cpr-number`: a page or item with a Danish CPR number (privacy gate);
 * - `unlinked-annex`: an annex that no meeting claims yet, so nothing says whether its item is closed.
 */
export const WITHHOLDING_REASONS = ["closed-item", "cpr-number", "unlinked-annex"] as const;
export type WithholdingReason = (typeof WITHHOLDING_REASONS)[number];

export function isWithholdingReason(value: unknown): value is WithholdingReason {
  return typeof value === "string" && (WITHHOLDING_REASONS as readonly string[]).includes(value);
}

/** Danish words for the secretariat's list of withheld things. */
export const WITHHOLDING_LABELS: Readonly<Record<WithholdingReason, string>> = {
  "closed-item": "Lukket punkt",
  "cpr-number": "CPR-nummer",
  "unlinked-annex": "Bilag uden møde",
};

/** Who is looking. A user holding roles in several bodies sees, per body, what the strongest role allows. */
export type Viewer =
  | { readonly kind: "public" }
  | { readonly kind: "administrator" }
  | {
      readonly kind: "user";
      /** Bodies where the user is medlem (members read closed items in full). */
      readonly memberOf: readonly number[];
      /** Bodies where the user is sekretariat (also personal data held back by the privacy gate). */
      readonly secretariatOf: readonly number[];
    };

/** Every anonymous request, and every web request until logging in exists. */
export const PUBLIC_VIEWER: Viewer = Object.freeze({ kind: "public" });

/**
 * The viewer a user's roles make; no roles is the public.
 * @example viewerOf([{ role: "medlem", bodyId: 3 }]) // { kind: "user", memberOf: [3], secretariatOf: [] }
 */
export function viewerOf(grants: readonly RoleGrant[]): Viewer {
  if (grants.some((g) => g.role === "administrator")) return { kind: "administrator" };
  const bodies = (role: RoleGrant["role"]) =>
    [...new Set(grants.flatMap((g) => (g.role === role && g.bodyId !== null ? [g.bodyId] : [])))].sort(
      (a, b) => a - b,
    );
  const memberOf = bodies("medlem");
  const secretariatOf = bodies("sekretariat");
  if (memberOf.length === 0 && secretariatOf.length === 0) return PUBLIC_VIEWER;
  return { kind: "user", memberOf, secretariatOf };
}

/** The roles that may see a thing withheld for each reason, in the thing's own body. */
export type Clearance = "medlem" | "sekretariat";
export const CLEARANCE_BY_REASON: Readonly<Record<WithholdingReason, Clearance>> = {
  // DESIGN.md: medlem reads closed items; sekretariat sees drafts and closed items.
  "closed-item": "medlem",
  // Personal data is for the secretariat that must release or redact it, not for every member.
  "cpr-number": "sekretariat",
  "unlinked-annex": "sekretariat",
};

/**
 * The bodies in which `viewer` may see things withheld for `reason`: "all" for an administrator, a list
 * (maybe empty) otherwise. A thing with no body (an unlinked annex) is seen by administrators only.
 * @example bodiesCleared({ kind: "user", memberOf: [1], secretariatOf: [2] }, "closed-item") // [1, 2]
 */
export function bodiesCleared(viewer: Viewer, reason: WithholdingReason): "all" | readonly number[] {
  if (viewer.kind === "administrator") return "all";
  if (viewer.kind === "public") return [];
  return CLEARANCE_BY_REASON[reason] === "medlem"
    ? [...new Set([...viewer.memberOf, ...viewer.secretariatOf])]
    : viewer.secretariatOf;
}

/** What a visibility decision is about: why it is withheld (null: it is not) and whose it is. */
export interface Guarded {
  readonly withheld: WithholdingReason | null;
  readonly bodyId: number | null;
}

/**
 * True when `viewer` may see the thing in full; otherwise a closed item shows its number and "Lukket
 * punkt", and a withheld file or page is not there at all.
 * @example maySee(PUBLIC_VIEWER, { withheld: "closed-item", bodyId: 1 }) // false
 */
export function maySee(viewer: Viewer, thing: Guarded): boolean {
  if (thing.withheld === null) return true;
  const cleared = bodiesCleared(viewer, thing.withheld);
  if (cleared === "all") return true;
  return thing.bodyId !== null && cleared.includes(thing.bodyId);
}

/**
 * The bodies whose people's private notes (e-mail, phone) `viewer` may read: "all" for an administrator,
 * the bodies where they are sekretariat otherwise (none for the public and for members).
 * @example privateNotesBodies({ kind: "user", memberOf: [1], secretariatOf: [2] }) // [2]
 */
export function privateNotesBodies(viewer: Viewer): "all" | readonly number[] {
  if (viewer.kind === "administrator") return "all";
  return viewer.kind === "public" ? [] : viewer.secretariatOf;
}

/** Persons' private notes: the secretariat of a body the person sits in (or attended), or an administrator. */
export function maySeePrivateNotes(viewer: Viewer, personBodyIds: readonly number[]): boolean {
  const bodies = privateNotesBodies(viewer);
  return bodies === "all" || personBodyIds.some((id) => bodies.includes(id));
}

/** Who may release a withheld thing (make it public): the body's secretariat, or an administrator. */
export function mayRelease(viewer: Viewer, bodyId: number | null): boolean {
  if (viewer.kind === "administrator") return true;
  return viewer.kind === "user" && bodyId !== null && viewer.secretariatOf.includes(bodyId);
}

/**
 * The withholding reason of an annex at import: what its item says, or, with no meeting to say it,
 * withheld as unlinked when it is part of an annex pack or names an item (a stamp "1.2 Bilag 1").
 */
export function annexWithholding(annex: {
  readonly ofClosedItem: boolean;
  readonly linked: boolean;
  readonly inPack: boolean;
  readonly itemNumber: string | null;
}): WithholdingReason | null {
  if (annex.ofClosedItem) return "closed-item";
  if (!annex.linked && (annex.inPack || annex.itemNumber !== null)) return "unlinked-annex";
  return null;
}

/** True when one of the 1-based line ranges holds a line in [lineStart, lineEnd]. */
export function rangesMeet(
  lines: readonly { readonly lineStart: number; readonly lineEnd: number }[],
  lineStart: number | null,
  lineEnd: number | null,
): boolean {
  if (lineStart === null || lineEnd === null) return false;
  return lines.some((l) => l.lineStart <= lineEnd && l.lineEnd >= lineStart);
}

/**
 * Who may prepare a body's agenda (meetings, items, annexes, template, sending): the body's secretariat,
 * or an administrator. A member reads drafts sent to them but writes nothing.
 * @example mayEditAgenda({ kind: "user", memberOf: [1], secretariatOf: [] }, 1) // false
 */
export function mayEditAgenda(viewer: Viewer, bodyId: number): boolean {
  if (viewer.kind === "administrator") return true;
  return viewer.kind === "user" && viewer.secretariatOf.includes(bodyId);
}

/**
 * Whether a decision's follow-up tasks (issue 14) may be shown to `viewer`: to the body's secretariat
 * always; to anyone else only where the decision itself is public (the minutes are published) and never
 * for a closed item.
 * @example mayShowFollowUps(PUBLIC_VIEWER, { bodyId: 1, closed: true, decisionPublished: true }) // false
 */
export function mayShowFollowUps(
  viewer: Viewer,
  item: { readonly bodyId: number; readonly closed: boolean; readonly decisionPublished: boolean },
): boolean {
  if (mayEditAgenda(viewer, item.bodyId)) return true;
  return !item.closed && item.decisionPublished;
}

/**
 * Who may merge two person records, or say they are not one person (issue 16): an administrator, or the
 * secretariat of a body that each of them sat in (as member, substitute or attendee); a body's
 * secretariat has no say over people it never had at its table. The duplicates page lists by the same rule.
 * @example mayMergePersons({ kind: "user", memberOf: [], secretariatOf: [2] }, [[2], [1, 2]]) // true
 */
export function mayMergePersons(viewer: Viewer, bodiesOfEach: readonly (readonly number[])[]): boolean {
  if (viewer.kind === "administrator") return true;
  if (viewer.kind === "public") return false;
  return bodiesOfEach.every((bodies) => bodies.some((id) => viewer.secretariatOf.includes(id)));
}

/**
 * Who may import files (the CLI needs none: it has the database): an administrator. A file names its body
 * only once it is parsed, and what it brings (closed items, CPR numbers) is withheld by the import's own
 * rules, so the right to add to any body's record is the administrator's.
 * @example mayImport({ kind: "administrator" }) // true
 */
export function mayImport(viewer: Viewer): boolean {
  return viewer.kind === "administrator";
}
