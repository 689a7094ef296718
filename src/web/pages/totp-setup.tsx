/**
 * @module Setting up two-factor sign-in, shared by /konto and the first-login link: a new secret drawn as
 * a QR code (SVG made on the server by `qrcode`, so no script and no outside image service), the secret as
 * text for typing in, and the field for the first code. The secret travels to the POST in a hidden field,
 * signed with a key only this browser holds (its session or its one-time link), so the server accepts
 * only a secret it issued to this person.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { raw } from "hono/html";
import QRCode from "qrcode";
import { createTotpSecret, totpUri } from "../../accounts/index.js";
import { TextField } from "../components/form-parts.js";

export const TOTP_SECRET_FIELD = "totp_secret";

function signature(key: string, secret: string): string {
  return createHmac("sha256", key).update(`totp-setup:${secret}`, "utf8").digest("base64url");
}

/** `secret.signature` for the hidden field. */
export function signTotpSecret(key: string, secret: string): string {
  return `${secret}.${signature(key, secret)}`;
}

/** The secret of a signed hidden field, or null when it was not signed with `key`. */
export function verifyTotpSecret(key: string, signed: string): string | null {
  const dot = signed.lastIndexOf(".");
  if (dot <= 0) return null;
  const secret = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const want = Buffer.from(signature(key, secret));
  return given.length === want.length && timingSafeEqual(given, want) ? secret : null;
}

export interface TotpSetup {
  readonly secret: string;
  readonly signed: string;
  readonly svg: string;
}

/** A new secret (or the one being retried), its signed field value and its QR code as SVG. */
export async function totpSetup(key: string, email: string, secret = createTotpSecret()): Promise<TotpSetup> {
  const svg = await QRCode.toString(totpUri(secret, email), {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
  });
  return { secret, signed: signTotpSecret(key, secret), svg };
}

/** "JBSW Y3DP EHPK 3PXP": the secret in groups of four, easier to type. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The fields of a setup: the QR code, the secret as text, the hidden signed secret and the code field. */
export function TotpSetupFields(props: { readonly setup: TotpSetup; readonly error?: string | null }) {
  return (
    <>
      <ol class="totp-steps">
        <li>
          Åbn en autentificeringsapp på din telefon, fx Microsoft Authenticator eller Google Authenticator.
        </li>
        <li>Scan QR-koden med appen.</li>
        <li>Skriv den 6-cifrede kode, som appen viser.</li>
      </ol>
      <figure class="totp-qr">
        <div class="totp-qr__image" role="img" aria-label="QR-kode til autentificeringsappen">
          {/* The SVG is qrcode's output (paths only), not text from a user. */}
          {raw(props.setup.svg)}
        </div>
        <figcaption>
          Kan du ikke scanne koden, så skriv denne nøgle i appen:{" "}
          <code class="totp-qr__secret">{groupedSecret(props.setup.secret)}</code>
        </figcaption>
      </figure>
      <input type="hidden" name={TOTP_SECRET_FIELD} value={props.setup.signed} />
      <TextField
        id="totp-code"
        name="code"
        label="Kode fra appen"
        hint="6 cifre"
        inputmode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]*"
        maxlength={7}
        error={props.error ?? null}
      />
    </>
  );
}
