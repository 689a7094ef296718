/** @module Reads the outbox folder: the mails written there instead of sent, oldest first. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { MailError } from "./mail-error.js";
import { mailText, parseMail } from "./rfc822.js";

export interface OutboxMail {
  /** The .eml file's path. */
  readonly file: string;
  /** The Date header; null if missing or unreadable. */
  readonly date: Date | null;
  readonly to: string;
  readonly subject: string;
}

/** The mails in an outbox folder, oldest first; an absent folder is an empty outbox. */
export async function outboxList(folder: string): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith(".eml")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new MailError(`cannot read the outbox ${folder}: ${(error as Error).message.split("\n")[0]}`);
  }
  const mails: OutboxMail[] = [];
  for (const name of names) {
    const { file, date, to, subject } = await outboxMessage(join(folder, name));
    mails.push({ file, date, to, subject });
  }
  return mails;
}

/**
 * One outbox mail with its text decoded: how a test follows the link in a first-login mail.
 * @example (await outboxMessage(mails[0].file)).text.match(/https?:\S+/)
 */
export async function outboxMessage(file: string): Promise<OutboxMail & { readonly text: string }> {
  const mail = parseMail(await readFile(file, "utf8"));
  const dateHeader = mail.headers.get("date");
  const date = dateHeader ? new Date(dateHeader) : null;
  return {
    file,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    to: mail.headers.get("to") ?? "",
    subject: mail.headers.get("subject") ?? "",
    text: mailText(mail),
  };
}
