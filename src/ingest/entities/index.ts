/**
 * @module Entities found in cleaned or extracted text: amounts of money and municipalities.
 */
export { amountsInLine, findAmounts, parseDanishNumber } from "./amounts.js";
export type { Municipality, MunicipalityMention } from "./municipalities.js";
export { findMunicipality, findMunicipalityMentions, MUNICIPALITIES } from "./municipalities.js";
