/**
 * @module The Danish alert mails (issue 16): the confirmation a new subscription asks for, and the
 * digest of news. Every digest carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), so a mail
 * program can offer one-click unsubscribe that needs no login and asks nothing more.
 */
import { copenhagenDay, formatDanishDate } from "../domain/index.js";
import type { MailMessage } from "../mail/index.js";
import type { AlertNews, AlertTarget } from "../store/index.js";
import { alertTargetPath, portalUrl } from "./alert-urls.js";

/** How a target reads in a sentence: "organet KKR Nordjylland", "søgningen »klima«", "Aalborg Kommune". */
export function alertTargetPhrase(target: AlertTarget, name: string): string {
  switch (target.kind) {
    case "body":
      return `organet ${name}`;
    case "matter":
      return `sagen »${name}«`;
    case "search":
      return `søgningen »${name}«`;
    case "municipality":
      return `${name} Kommune`;
  }
}

const SIGNATURE = ["Med venlig hilsen", "Rådsinfo"];

/** The double opt-in mail: nothing is sent until the link is followed. */
export function alertConfirmationMail(input: {
  readonly to: string;
  readonly target: AlertTarget;
  readonly targetName: string;
  readonly confirmUrl: string;
}): MailMessage {
  const phrase = alertTargetPhrase(input.target, input.targetName);
  return {
    to: input.to,
    subject: "Bekræft din tilmelding til besked fra Rådsinfo",
    text: [
      "Hej",
      "",
      `Der er bedt om besked på e-mail fra Rådsinfo om ${phrase}, når der kommer nye møder, punkter eller beslutninger.`,
      "Åbn linket herunder for at bekræfte tilmeldingen:",
      "",
      input.confirmUrl,
      "",
      "Har du ikke bedt om det, kan du se bort fra denne e-mail; så sender vi ikke flere.",
      "",
      ...SIGNATURE,
    ].join("\n"),
  };
}

/** A decision is cut to this many characters in a digest; the item's page has the rest. */
const DECISION_EXCERPT = 300;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= DECISION_EXCERPT ? flat : `${flat.slice(0, DECISION_EXCERPT - 1).trimEnd()}…`;
}

/**
 * The digest: the new meetings and items since `since`, each with its link, and how to unsubscribe.
 * @example alertDigestMail({ to, target, targetName: "KKR Nordjylland", news, since, baseUrl, unsubscribeUrl })
 */
export function alertDigestMail(input: {
  readonly to: string;
  readonly target: AlertTarget;
  readonly targetName: string;
  readonly news: AlertNews;
  readonly since: Date;
  readonly baseUrl: string;
  readonly unsubscribeUrl: string;
}): MailMessage {
  const phrase = alertTargetPhrase(input.target, input.targetName);
  const lines = [`Nyt i Rådsinfo om ${phrase} siden ${formatDanishDate(copenhagenDay(input.since))}:`, ""];
  if (input.news.meetings.length > 0) {
    lines.push("Møder", "");
    for (const meeting of input.news.meetings) {
      lines.push(
        `- ${meeting.bodyName}, ${formatDanishDate(meeting.date)}: ${meeting.name}`,
        `  ${portalUrl(input.baseUrl, `/moede/${meeting.meetingId}`)}`,
      );
    }
    lines.push("");
  }
  if (input.news.items.length > 0) {
    lines.push("Punkter og beslutninger", "");
    for (const item of input.news.items) {
      lines.push(
        `- ${item.bodyName}, mødet ${formatDanishDate(item.meetingDate)}, punkt ${item.number}: ${item.title}`,
      );
      if (item.decision) lines.push(`  Beslutning: ${excerpt(item.decision)}`);
      lines.push(`  ${portalUrl(input.baseUrl, `/punkt/${item.itemId}`)}`);
    }
    if (input.news.moreItems) {
      lines.push(
        "",
        `Der er flere nye punkter, end der er plads til her. Se dem alle: ${portalUrl(input.baseUrl, alertTargetPath(input.target))}`,
      );
    }
    lines.push("");
  }
  lines.push(
    `Du får denne e-mail, fordi du har bedt om besked om ${phrase}. Vi sender højst én e-mail i døgnet.`,
    `Afmeld beskeden: ${input.unsubscribeUrl}`,
    "",
    ...SIGNATURE,
  );
  return {
    to: input.to,
    subject: `Nyt i Rådsinfo: ${input.targetName}`,
    text: lines.join("\n"),
    headers: {
      "List-Unsubscribe": `<${input.unsubscribeUrl}>`,
      // RFC 8058: a POST of "List-Unsubscribe=One-Click" to that URL unsubscribes, without a login.
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
