/**
 * @module The one error src/accounts throws for an expected refusal: a stable `code`, the HTTP status a web
 * handler answers with, an English `message` for the command line and logs, and a Danish `danish` text
 * for pages, which never says more than the person may know (a wrong e-mail and a wrong password read alike).
 */
import { PASSWORD_PROBLEM_TEXT, type PasswordProblem } from "./password.js";

export const ACCOUNT_ERROR_CODES = [
  "invalid-email",
  "invalid-name",
  "weak-password",
  "unknown-role",
  "body-required",
  "body-not-allowed",
  "unknown-body",
  "email-taken",
  "unknown-user",
  "user-disabled",
  "invalid-credentials",
  "totp-required",
  "totp-invalid",
  "totp-reused",
  "totp-not-set-up",
  "throttled",
  "link-invalid",
  "link-expired",
  "link-used",
  "unknown-token",
  "token-revoked",
] as const;
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number];

export function isAccountErrorCode(value: unknown): value is AccountErrorCode {
  return typeof value === "string" && (ACCOUNT_ERROR_CODES as readonly string[]).includes(value);
}

export class AccountError extends Error {
  override readonly name = "AccountError";
  constructor(
    readonly code: AccountErrorCode,
    message: string,
    /** The HTTP status a handler answers with. */
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429,
    /** A Danish sentence for a page or a JSON error. */
    readonly danish: string,
    /** For `throttled`: when the next attempt is allowed (for a Retry-After header). */
    readonly retryAfter: Date | null = null,
  ) {
    super(message);
  }
}

const WRONG_LOGIN = "Forkert e-mail eller adgangskode.";

/** One factory per refusal, so the code, status and texts of each are written once. */
export const accountErrors = {
  invalidEmail: (email: string) =>
    new AccountError(
      "invalid-email",
      `"${email}" is not an e-mail address`,
      400,
      "Skriv en gyldig e-mailadresse.",
    ),
  invalidName: () => new AccountError("invalid-name", "a user needs a name (--name)", 400, "Skriv et navn."),
  weakPassword: (problem: PasswordProblem) =>
    new AccountError(
      "weak-password",
      `password refused: ${PASSWORD_PROBLEM_TEXT[problem].english}`,
      422,
      `Adgangskoden kan ikke bruges: ${PASSWORD_PROBLEM_TEXT[problem].danish}.`,
    ),
  unknownRole: (role: string, roles: readonly string[]) =>
    new AccountError(
      "unknown-role",
      `unknown role "${role}": use ${roles.join(", ")}`,
      400,
      `Ukendt rolle "${role}".`,
    ),
  bodyRequired: (role: string) =>
    new AccountError("body-required", `the role ${role} needs a body (--body NAME)`, 400, "Vælg et organ."),
  bodyNotAllowed: (role: string) =>
    new AccountError(
      "body-not-allowed",
      `the role ${role} is global and takes no body (leave out --body)`,
      400,
      "Rollen gælder alle organer.",
    ),
  unknownBody: (name: string, known: readonly string[]) =>
    new AccountError(
      "unknown-body",
      `unknown body "${name}"${known.length ? ` (bodies: ${known.join(", ")})` : " (the store has no bodies yet)"}`,
      400,
      `Ukendt organ "${name}".`,
    ),
  emailTaken: (email: string) =>
    new AccountError(
      "email-taken",
      `a user with the e-mail ${email} already exists`,
      409,
      "E-mailadressen er i brug.",
    ),
  unknownUser: (email: string) =>
    new AccountError("unknown-user", `no user with the e-mail ${email}`, 404, "Brugeren findes ikke."),
  userDisabled: (email: string) =>
    new AccountError("user-disabled", `the user ${email} is disabled`, 403, "Kontoen er spærret."),
  invalidCredentials: () =>
    new AccountError("invalid-credentials", "wrong e-mail or password", 401, WRONG_LOGIN),
  totpRequired: () =>
    new AccountError(
      "totp-required",
      "a two-factor code is required",
      401,
      "Skriv koden fra din autentificeringsapp.",
    ),
  totpInvalid: () =>
    new AccountError(
      "totp-invalid",
      "wrong two-factor code",
      401,
      "Koden er forkert. Prøv igen med en ny kode.",
    ),
  totpReused: () =>
    new AccountError(
      "totp-reused",
      "this two-factor code has been used already",
      401,
      "Koden er allerede brugt. Vent på den næste kode.",
    ),
  totpNotSetUp: () =>
    new AccountError(
      "totp-not-set-up",
      "this role needs two-factor sign-in, and none is set up",
      403,
      "Din rolle kræver totrinsbekræftelse. Kontakt en administrator.",
    ),
  throttled: (until: Date, now: Date = new Date()) =>
    new AccountError(
      "throttled",
      `too many failed sign-ins; try again after ${until.toISOString()}`,
      429,
      `For mange forkerte forsøg. Prøv igen om ${minutesUntil(until, now)}.`,
      until,
    ),
  linkInvalid: () =>
    new AccountError("link-invalid", "this link is not valid", 404, "Linket er ugyldigt. Bed om et nyt."),
  linkExpired: () =>
    new AccountError("link-expired", "this link has expired", 410, "Linket er udløbet. Bed om et nyt."),
  linkUsed: () =>
    new AccountError(
      "link-used",
      "this link has been used already",
      410,
      "Linket er allerede brugt. Bed om et nyt.",
    ),
  unknownToken: (what: string) =>
    new AccountError("unknown-token", `no API token ${what}`, 404, "Nøglen findes ikke."),
  tokenRevoked: (id: number) =>
    new AccountError(
      "token-revoked",
      `API token ${id} is revoked already`,
      409,
      "Nøglen er allerede tilbagekaldt.",
    ),
} as const;

/** "1 minut", "15 minutter": the wait before the next sign-in, rounded up. */
function minutesUntil(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return minutes === 1 ? "1 minut" : `${minutes} minutter`;
}
