/**
 * @module `raadsinfo outbox [--json]`: the mails written to DATA_DIR/outbox because no SMTP_URL was set
 * (first-login and reset links, among others), oldest first. It reads files only, so it runs beside serve.
 */
import { outboxFolder, outboxList } from "../mail/index.js";
import { asUsageErrors } from "./account-failure.js";
import { danishMinute } from "./danish-clock.js";
import { dataDirFromFlags } from "./mail-options.js";
import { plural } from "./plural.js";
import type { StoreFlags } from "./store-options.js";
import { formatTable } from "./summary-table.js";

export interface OutboxFlags extends StoreFlags {
  readonly json?: boolean | undefined;
}

export async function outboxCommand(flags: OutboxFlags): Promise<void> {
  const folder = outboxFolder(dataDirFromFlags(flags));
  const mails = await asUsageErrors(() => outboxList(folder));
  if (flags.json) {
    const shown = mails.map((m) => ({
      date: m.date?.toISOString() ?? null,
      to: m.to,
      subject: m.subject,
      file: m.file,
    }));
    console.log(JSON.stringify(shown, null, 2));
    return;
  }
  const smtp = process.env.SMTP_URL ? " (SMTP_URL is set: new mail goes to the server, not here)" : "";
  if (mails.length === 0) {
    console.log(`The outbox ${folder} is empty${smtp}.`);
    return;
  }
  console.log(
    formatTable(
      ["date", "to", "subject"],
      mails.map((m) => [m.date ? danishMinute(m.date) : "?", m.to, m.subject]),
    ),
  );
  console.log(`\n${plural(mails.length, "mail")} in ${folder}${smtp}.`);
}
