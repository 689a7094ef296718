/**
 * @module Mail through SMTP_URL reaches a real SMTP server (smtp-server, started here on a free port):
 * recipient, Danish subject and text with æøå intact. A server that does not answer is one line.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { linkMail } from "../../src/accounts/index.js";
import { MailError, mailText, openMailer, parseMail } from "../../src/mail/index.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";

describe("mail through SMTP", () => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(() => smtp.close());

  it("delivers a Danish mail with æøå intact in subject and text", async () => {
    const mailer = openMailer({
      smtpUrl: smtp.url,
      dataDir: "/nonexistent",
      from: "Rådsinfo <raadsinfo@kl.dk>",
    });
    assert.equal(mailer.kind, "smtp");
    const subject = "Dagsorden udsendt: møde i KKR Nordjylland – ÆØÅ æøå";
    const text =
      "Kære Åse Ørsted\n\nUdvalget har drøftet lærepladser på Ærø og i Øster Hurup.\nMed venlig hilsen\n";
    const sent = await mailer.send({ to: "aase@kl.dk", subject, text });
    mailer.close();
    assert.equal(sent.file, null);
    assert.equal(smtp.received.length, 1);
    const [mail] = smtp.received;
    assert.deepEqual(mail?.to, ["aase@kl.dk"]);
    assert.equal(mail?.from, "raadsinfo@kl.dk");
    const parsed = parseMail(mail!.raw);
    assert.equal(parsed.headers.get("to"), "aase@kl.dk");
    assert.equal(parsed.headers.get("subject"), subject);
    assert.equal(parsed.headers.get("from"), "Rådsinfo <raadsinfo@kl.dk>");
    assert.equal(mailText(parsed), text);
  });

  it("delivers the first-login mail with its link", async () => {
    const mailer = openMailer({ smtpUrl: smtp.url, dataDir: "/nonexistent" });
    const url = "https://raadsinfo.kl.dk/log-ind/link/AbC-123_xyz";
    await mailer.send(
      linkMail({
        purpose: "first-login",
        to: "bo@kl.dk",
        name: "Bo Ærbødig",
        url,
        expires: new Date("2026-03-09T09:00:00Z"),
      }),
    );
    mailer.close();
    const parsed = parseMail(smtp.received.at(-1)!.raw);
    assert.equal(parsed.headers.get("subject"), "Din adgang til Rådsinfo");
    const body = mailText(parsed);
    assert.match(body, /Kære Bo Ærbødig/);
    assert.ok(body.includes(url), "the link is whole");
    assert.match(body, /udløber 9\. marts 2026/);
  });

  it("reports a server that does not answer as one line", async () => {
    const mailer = openMailer({ smtpUrl: "smtp://127.0.0.1:9", dataDir: "/nonexistent" });
    const error = await mailer.send({ to: "x@kl.dk", subject: "x", text: "x" }).catch((e) => e);
    mailer.close();
    assert.ok(error instanceof MailError);
    assert.match(error.message, /^cannot send mail through 127\.0\.0\.1:9: /);
    assert.doesNotMatch(error.message, /\n/);
    assert.throws(() => openMailer({ smtpUrl: "http://mail", dataDir: "." }), MailError);
  });
});
