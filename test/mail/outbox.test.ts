/** @module Without SMTP_URL, mail goes to DATA_DIR/outbox as .eml files, which outboxList reads back. */
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, it } from "node:test";
import { decodeWords, openMailer, outboxFolder, outboxList, outboxMessage } from "../../src/mail/index.js";

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it("writes each mail as an RFC 822 file in the outbox and lists them oldest first", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-outbox-"));
  dirs.push(dataDir);
  assert.deepEqual(await outboxList(outboxFolder(dataDir)), [], "no outbox yet: empty");
  const mailer = openMailer({ dataDir, smtpUrl: undefined });
  assert.equal(mailer.kind, "outbox");
  const first = await mailer.send({
    to: "anna@kl.dk",
    subject: "Første møde – æøå",
    text: "Hej Anna\nØl på Ærø.\n",
  });
  const second = await mailer.send({ to: "bo@kl.dk", subject: "Plain subject", text: "Hej" });
  mailer.close();
  assert.ok(first.file?.startsWith(join(dataDir, "outbox")));
  assert.match(first.file ?? "", /\/\d{8}T\d{9}Z-[0-9a-f]{8}\.eml$/);
  assert.deepEqual(
    (await readdir(join(dataDir, "outbox"))).filter((n) => n.endsWith(".tmp")),
    [],
  );
  const raw = await readFile(first.file!, "utf8");
  assert.match(raw, /^Content-Type: text\/plain; charset=utf-8\r$/m);
  assert.match(raw, /^Message-ID: /m);

  const list = await outboxList(outboxFolder(dataDir));
  assert.deepEqual(
    list.map((m) => [m.to, m.subject]),
    [
      ["anna@kl.dk", "Første møde – æøå"],
      ["bo@kl.dk", "Plain subject"],
    ],
  );
  assert.ok(list[0]?.date instanceof Date);
  assert.equal((await outboxMessage(second.file!)).text.trimEnd(), "Hej");
  assert.equal((await outboxMessage(first.file!)).text, "Hej Anna\nØl på Ærø.\n");
});

it("decodes RFC 2047 words, B and Q, joined across folds", () => {
  assert.equal(
    decodeWords("=?UTF-8?Q?Nulstil_din_adgangskode_til_R=C3=A5dsinfo?="),
    "Nulstil din adgangskode til Rådsinfo",
  );
  assert.equal(decodeWords("=?UTF-8?B?w6bDuMOl?= =?UTF-8?B?IMOGw5jDhQ==?="), "æøå ÆØÅ");
  assert.equal(decodeWords("Hej =?ISO-8859-1?Q?S=F8ren?="), "Hej Søren");
});

it("writes a message's extra headers (an alert's List-Unsubscribe) into the outbox file", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-outbox-headers-"));
  dirs.push(dataDir);
  const mailer = openMailer({ dataDir, smtpUrl: undefined });
  const sent = await mailer.send({
    to: "aase@kl.dk",
    subject: "Nyt i Rådsinfo: KKR Nordjylland",
    text: "Nyt siden 20. september 2024.",
    headers: {
      "List-Unsubscribe": "<https://raadsinfo.kl.dk/afmeld/abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
  mailer.close();
  const raw = await readFile(sent.file ?? "", "utf8");
  assert.match(raw, /^List-Unsubscribe: <https:\/\/raadsinfo\.kl\.dk\/afmeld\/abc>\r$/m);
  assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
});
