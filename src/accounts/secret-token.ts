/**
 * @module Random tokens for sessions, one-time links and API tokens, and the SHA-256 the store keeps of
 * them. 32 random bytes (256 bits) as base64url: unguessable, and safe in a URL and a cookie.
 */
import { createHash, randomBytes } from "node:crypto";

/** A new random token, optionally with a prefix ("ri_" for API tokens). */
export function randomToken(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** The hex SHA-256 of a token: what the store keeps and looks up by. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
