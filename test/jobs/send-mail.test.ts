/**
 * @module The send-mail job on both backends: a mail enqueued in a transaction leaves through the queue
 * and reaches a real SMTP server (smtp-server, started here), æøå intact; a server that refuses it once
 * gets it on the retry, and the refusal is kept as the job's Danish line meanwhile.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { enqueueMail, startWorker } from "../../src/jobs/index.js";
import { mailText, openMailer, parseMail } from "../../src/mail/index.js";
import { type JobStatus, jobStatus } from "../../src/store/index.js";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";
import { forEachBackend } from "../support/stores.js";

forEachBackend("send-mail job", (store) => {
  let smtp: TestSmtpServer;
  before(async () => {
    smtp = await startSmtpServer();
  });
  after(() => smtp.close());

  async function settled(id: number): Promise<JobStatus> {
    for (let i = 0; i < 2000; i++) {
      const job = await jobStatus(store().db, id);
      if (job && (job.state === "done" || job.state === "failed")) return job;
      await sleep(10);
    }
    throw new Error(`job ${id} did not end`);
  }

  it("delivers a mail enqueued in a transaction to the SMTP server", async () => {
    const { db } = store();
    const mailer = openMailer({ smtpUrl: smtp.url, dataDir: "/nonexistent" });
    const subject = "Dagsorden udsendt: møde i KKR Nordjylland";
    const text = "Kære Åse Ørsted\n\nDagsordenen til mødet er udsendt.\n";
    const id = await db.transaction().execute((trx) => enqueueMail(trx, { to: "aase@kl.dk", subject, text }));
    assert.equal(smtp.received.length, 0, "nothing leaves before a worker takes the job");
    const worker = startWorker({ db, services: { mailer }, pollMs: 10 });
    try {
      const job = await settled(id);
      assert.equal(job.state, "done", job.error ?? "");
      const mail = smtp.received.find((r) => r.to.includes("aase@kl.dk"));
      assert.ok(mail, "the server got the mail");
      const parsed = parseMail(mail.raw);
      assert.equal(parsed.headers.get("subject"), subject);
      assert.equal(mailText(parsed), text);
      assert.match(String((job.result as { messageId: string }).messageId), /@/);
    } finally {
      await worker.stop();
      mailer.close();
    }
  });

  it("sends again after the server refused the mail once", async () => {
    const { db } = store();
    const mailer = openMailer({ smtpUrl: smtp.url, dataDir: "/nonexistent" });
    smtp.refuseOnce.add("bo@kl.dk");
    const id = await enqueueMail(db, { to: "bo@kl.dk", subject: "Referat godkendt", text: "Se referatet." });
    const worker = startWorker({ db, services: { mailer }, pollMs: 10, backoff: { baseMs: 300 } });
    try {
      let waiting: JobStatus | null = null;
      for (let i = 0; i < 500 && !waiting; i++) {
        const job = await jobStatus(db, id);
        if (job?.state === "queued" && job.attempts === 1) waiting = job;
        else await sleep(5);
      }
      assert.ok(waiting, "the first attempt failed and waits");
      assert.match(waiting.error ?? "", /^Forsøg 1 af 5 mislykkedes: mailen til bo@kl\.dk blev ikke sendt: /);
      const job = await settled(id);
      assert.equal(job.state, "done");
      assert.equal(job.attempts, 2);
      assert.equal(smtp.received.filter((r) => r.to.includes("bo@kl.dk")).length, 1);
    } finally {
      await worker.stop();
      mailer.close();
    }
  });
});
