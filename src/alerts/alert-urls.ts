/** @module The addresses alert mails and pages link to: subscribe, confirm, unsubscribe (one-click). */
import { municipalitySlug } from "../domain/index.js";
import type { AlertTarget } from "../store/index.js";

/** The subscribe page; its query names the target (?organ=3, ?q=klima, ?sag=7, ?kommune=Aalborg). */
export const ALERT_SUBSCRIBE_PATH = "/besked";
/** A confirm token is appended: /besked/bekraeft/TOKEN. */
export const ALERT_CONFIRM_PATH = "/besked/bekraeft";
/** An unsubscribe token is appended: /afmeld/TOKEN, the List-Unsubscribe URL (RFC 8058). */
export const ALERT_UNSUBSCRIBE_PATH = "/afmeld";

const base = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

/** @example alertConfirmUrl("https://raadsinfo.kl.dk", token) // "https://raadsinfo.kl.dk/besked/bekraeft/…" */
export function alertConfirmUrl(baseUrl: string, token: string): string {
  return `${base(baseUrl)}${ALERT_CONFIRM_PATH}/${token}`;
}

/** @example alertUnsubscribeUrl("https://raadsinfo.kl.dk", token) // "https://raadsinfo.kl.dk/afmeld/…" */
export function alertUnsubscribeUrl(baseUrl: string, token: string): string {
  return `${base(baseUrl)}${ALERT_UNSUBSCRIBE_PATH}/${token}`;
}

/** A page of the portal by path, absolute for a mail. */
export function portalUrl(baseUrl: string, path: string): string {
  return `${base(baseUrl)}${path}`;
}

/**
 * The portal page that shows what a subscription follows, where a digest too long to list in full sends
 * its reader.
 * @example alertTargetPath({ kind: "search", query: "klima plan" }) // "/soeg?q=klima%20plan&sort=date"
 */
export function alertTargetPath(target: AlertTarget): string {
  switch (target.kind) {
    case "body":
      return `/organ/${target.bodyId}`;
    case "matter":
      return `/sag/${target.matterId}`;
    case "municipality":
      return `/kommune/${municipalitySlug(target.municipality)}`;
    case "search":
      return `/soeg?q=${encodeURIComponent(target.query)}&sort=date`;
  }
}
