/** @module The shape of an e-mail address, checked where a person types one (accounts, alerts). */

/** One @, no spaces, brackets or quotes: a shape check; the real test of an address is a mail reaching it. */
const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

/**
 * Whether `text` has the shape of an e-mail address, within RFC 5321's 254 characters.
 * @example isEmailAddress("admin@localhost") // true
 */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text);
}

/**
 * An address a reader on the internet gives: its domain has a dot.
 * @example isPublicEmailAddress("navn@eksempel.dk") // true
 * @example isPublicEmailAddress("navn@eksempel") // false
 */
export function isPublicEmailAddress(text: string): boolean {
  return isEmailAddress(text) && /@[^@]+\.[^@.]+$/.test(text);
}
