/**
 * @module Passwords: Argon2id hashes through @node-rs/argon2 (its defaults follow OWASP: 19 MiB, 2
 * passes), and the few rules a password must meet (length, as NIST SP 800-63B asks; no composition rules).
 */
import { type Algorithm, hash, verify } from "@node-rs/argon2";

/** Algorithm.Argon2id: the package declares its enum `const`, which verbatimModuleSyntax cannot import. */
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_MIN_LENGTH = 12;
/** Argon2 hashes any length, but a megabyte password is a denial of service, not a password. */
export const PASSWORD_MAX_LENGTH = 512;

export type PasswordProblem = "too-short" | "too-long" | "blank";

/** Why a password cannot be used, or null when it can. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (password.trim() === "") return "blank";
  if (length < PASSWORD_MIN_LENGTH) return "too-short";
  if (length > PASSWORD_MAX_LENGTH) return "too-long";
  return null;
}

/** Each problem in English (command line) and Danish (pages). */
export const PASSWORD_PROBLEM_TEXT: Readonly<Record<PasswordProblem, { english: string; danish: string }>> = {
  "too-short": {
    english: `it needs at least ${PASSWORD_MIN_LENGTH} characters`,
    danish: `den skal have mindst ${PASSWORD_MIN_LENGTH} tegn`,
  },
  "too-long": {
    english: `it may have at most ${PASSWORD_MAX_LENGTH} characters`,
    danish: `den må højst have ${PASSWORD_MAX_LENGTH} tegn`,
  },
  blank: { english: "it is empty or only spaces", danish: "den må ikke være tom eller kun mellemrum" },
};

/** The Argon2id PHC string of a password ("$argon2id$v=19$m=19456,t=2,p=1$..."). */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), { algorithm: ARGON2ID });
}

/** True when `password` matches `passwordHash`; false for a malformed hash, never a throw. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

/**
 * A hash of a password no one has, verified against when the e-mail is unknown, so that a wrong e-mail
 * takes as long as a wrong password and timing does not tell which accounts exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}
