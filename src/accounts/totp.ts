/**
 * @module TOTP two-factor codes (RFC 6238: 6 digits, 30 s steps, SHA-1, as authenticator apps expect),
 * through otplib 13's own packages with Node's crypto. A code is accepted one step either side of now
 * (clocks drift), and only if its time step is newer than the last one accepted: a used code is refused.
 */
import { generateSecret } from "@otplib/core";
import { ScureBase32Plugin } from "@otplib/plugin-base32-scure";
import { NodeCryptoPlugin } from "@otplib/plugin-crypto-node";
import { generateSync, verifySync } from "@otplib/totp";
import { generateTOTP } from "@otplib/uri";

const crypto = new NodeCryptoPlugin();
const base32 = new ScureBase32Plugin();

/** The issuer an authenticator app shows beside the account. */
export const TOTP_ISSUER = "Rådsinfo";
/** One 30-second step either side of now. */
const TOLERANCE_SECONDS = 30;

/** A new base32 secret (20 random bytes, 160 bits, as RFC 4226 recommends), for an authenticator app. */
export function createTotpSecret(): string {
  return generateSecret({ crypto, base32, length: 20 });
}

/**
 * The otpauth:// URI an authenticator app reads from a QR code.
 * @example totpUri("JBSWY3DPEHPK3PXP", "anna@kl.dk") // "otpauth://totp/R%C3%A5dsinfo:anna%40kl.dk?secret=...&issuer=R%C3%A5dsinfo"
 */
export function totpUri(secret: string, accountName: string): string {
  return generateTOTP({ issuer: TOTP_ISSUER, label: accountName, secret });
}

/** The code for `secret` at `now`: what an authenticator app shows (for tests and set-up checks). */
export function totpCode(secret: string, now: Date = new Date()): string {
  return generateSync({ secret, crypto, base32, epoch: Math.floor(now.getTime() / 1000) });
}

export type TotpCheck =
  | { readonly kind: "accepted"; readonly step: number }
  | { readonly kind: "wrong" }
  | { readonly kind: "reused" };

/**
 * Checks a code typed by the user. `lastStep` is the step of the last code accepted (null if none):
 * a code of that step or an older one is `reused`. Store the step of an accepted code (claimTotpStep).
 * @example totpCheck({ secret, code: "123456", lastStep: null, now: new Date() }) // { kind: "wrong" }
 */
export function totpCheck(input: {
  readonly secret: string;
  readonly code: string;
  readonly lastStep: number | null;
  readonly now: Date;
}): TotpCheck {
  const code = input.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { kind: "wrong" };
  const epoch = Math.floor(input.now.getTime() / 1000);
  const options = {
    secret: input.secret,
    token: code,
    crypto,
    base32,
    epoch,
    epochTolerance: TOLERANCE_SECONDS,
  };
  let result: ReturnType<typeof verifySync>;
  try {
    result = verifySync(options);
  } catch {
    return { kind: "wrong" }; // a malformed secret: no code can match it
  }
  if (!result.valid) return { kind: "wrong" };
  if (input.lastStep !== null && result.timeStep <= input.lastStep) return { kind: "reused" };
  return { kind: "accepted", step: result.timeStep };
}
