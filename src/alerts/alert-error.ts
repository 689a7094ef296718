/**
 * @module The one error src/alerts throws for an expected refusal: a stable code, the HTTP status a page
 * answers with, and a Danish sentence for the reader.
 */
export const ALERT_ERROR_CODES = ["invalid-email", "unknown-target", "invalid-link"] as const;
export type AlertErrorCode = (typeof ALERT_ERROR_CODES)[number];

export class AlertError extends Error {
  override readonly name = "AlertError";
  constructor(
    readonly code: AlertErrorCode,
    message: string,
    readonly status: 400 | 404,
    /** A Danish sentence for the page. */
    readonly danish: string,
  ) {
    super(message);
  }
}

export const alertErrors = {
  invalidEmail: (email: string) =>
    new AlertError(
      "invalid-email",
      `"${email}" is not an e-mail address`,
      400,
      "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
    ),
  unknownTarget: () =>
    new AlertError(
      "unknown-target",
      "nothing to subscribe to",
      404,
      "Det, du vil have besked om, findes ikke. Gå tilbage, og prøv igen.",
    ),
  invalidLink: () =>
    new AlertError(
      "invalid-link",
      "unknown alert link",
      404,
      "Linket er ugyldigt. Kopiér hele linket fra e-mailen, eller tilmeld dig igen.",
    ),
};
