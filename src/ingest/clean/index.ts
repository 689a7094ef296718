/**
 * @module The clean stage: small pure functions over extracted lines, re-exported for recognition.
 */
export { cleanGlyphs } from "./glyphs.js";
export { shouldJoinHyphen } from "./hyphenation.js";
export { joinLines } from "./join-lines.js";
export { closeLetterSpacing } from "./letter-spacing.js";
export type { LigatureOptions } from "./ligatures.js";
export { hasUnambiguousLigatureSplit, joinSplitLigatures, shouldJoinLigature } from "./ligatures.js";
export { isListLine } from "./list-items.js";
export { findRunningLines } from "./running-lines.js";
