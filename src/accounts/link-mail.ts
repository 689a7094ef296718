/**
 * @module The Danish mails that carry a one-time link, and the command that creates a link and sends it:
 * the first-login mail to a new user, the reset mail on request.
 */
import type { Kysely } from "kysely";
import type { Mailer, MailMessage, SentMail } from "../mail/index.js";
import { type Database, findUserByEmail } from "../store/index.js";
import { accountErrors } from "./account-error.js";
import type { Actor } from "./actor.js";
import { auditAppend } from "./audit-log.js";
import {
  LINK_LIFETIME_MS,
  type OneTimeLinkPurpose,
  oneTimeLinkCreator,
  oneTimeLinkUrl,
} from "./one-time-links.js";

const danishTime = (date: Date): string =>
  new Intl.DateTimeFormat("da-DK", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Copenhagen",
  }).format(date);

/** The mail for one link, in Danish. */
export function linkMail(input: {
  readonly purpose: OneTimeLinkPurpose;
  readonly to: string;
  readonly name: string;
  readonly url: string;
  readonly expires: Date;
}): MailMessage {
  const until = danishTime(input.expires);
  if (input.purpose === "first-login") {
    return {
      to: input.to,
      subject: "Din adgang til Rådsinfo",
      text: [
        `Kære ${input.name}`,
        "",
        "Der er oprettet en bruger til dig i Rådsinfo. Åbn linket herunder, og vælg din adgangskode:",
        "",
        input.url,
        "",
        `Linket kan bruges én gang og udløber ${until}.`,
        "",
        "Med venlig hilsen",
        "Rådsinfo",
      ].join("\n"),
    };
  }
  return {
    to: input.to,
    subject: "Nulstil din adgangskode til Rådsinfo",
    text: [
      `Kære ${input.name}`,
      "",
      "Der er bedt om en ny adgangskode til din bruger i Rådsinfo. Åbn linket herunder, og vælg en ny:",
      "",
      input.url,
      "",
      `Linket kan bruges én gang og udløber ${until}. Har du ikke bedt om det, kan du se bort fra denne e-mail;`,
      "din adgangskode er uændret.",
      "",
      "Med venlig hilsen",
      "Rådsinfo",
    ].join("\n"),
  };
}

export interface LinkSenderProps {
  readonly db: Kysely<Database>;
  readonly mailer: Mailer;
  readonly email: string;
  readonly purpose: OneTimeLinkPurpose;
  /** The portal's public address, e.g. PUBLIC_BASE_URL ("https://raadsinfo.kl.dk"). */
  readonly baseUrl: string;
  readonly actor: Actor;
  readonly now?: Date;
}

/**
 * Creates a one-time link for a user and mails it. The link is created before the mail is sent; if
 * sending fails, the MailError reaches the caller and the unused link simply expires.
 * @throws AccountError unknown-user, user-disabled; MailError
 */
export async function linkSender(
  props: LinkSenderProps,
): Promise<{ readonly sent: SentMail; readonly expires: Date }> {
  const now = props.now ?? new Date();
  const user = await findUserByEmail(props.db, props.email.trim());
  if (!user) throw accountErrors.unknownUser(props.email.trim());
  if (user.disabled) throw accountErrors.userDisabled(user.email);
  const { token, expires } = await oneTimeLinkCreator({
    db: props.db,
    userId: user.id,
    purpose: props.purpose,
    lifetimeMs: LINK_LIFETIME_MS[props.purpose],
    now,
  });
  const sent = await props.mailer.send(
    linkMail({
      purpose: props.purpose,
      to: user.email,
      name: user.name,
      url: oneTimeLinkUrl(props.baseUrl, token),
      expires,
    }),
  );
  await auditAppend({
    db: props.db,
    actor: props.actor,
    action: props.purpose === "first-login" ? "user-first-login-link" : "user-reset-link",
    targetKind: "user",
    targetId: user.id,
    after: { expires: expires.toISOString() },
    now,
  });
  return { sent, expires };
}
