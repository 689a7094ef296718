/** @module Escaping for the hand-written XML of the RSS and Atom feeds: HTML's escape, made XML-safe. */
import { escapeHtml } from "../components/text-html.js";

// XML 1.0 allows tab, newline and carriage return among the C0 controls; the rest make a feed invalid.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these characters is the point.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/** Escapes text for an XML element or attribute; drops control characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return escapeHtml(text.replace(FORBIDDEN, ""), "&apos;");
}
