/**
 * @module Entities found in cleaned or extracted text: amounts of money and municipalities.
 */
export { amountsInLine, findAmounts, parseDanishNumber } from "./amounts.js";
export type { MunicipalityMention } from "./municipalities.js";
export { findMunicipality, findMunicipalityMentions } from "./municipalities.js";
