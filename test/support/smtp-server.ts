/**
 * @module A real SMTP server for the mail tests (smtp-server on a free local port): it keeps what it is
 * sent, and can refuse a recipient once (450) to show a retry. Plain SMTP on localhost: no certificate
 * to trust, no login to give.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The message as it arrived, headers and body. */
  readonly raw: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:PORT`, for SMTP_URL or openMailer. */
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Recipients the server refuses (450, try later) the next time they are named. */
  readonly refuseOnce: Set<string>;
  close(): Promise<void>;
}

/** @example const smtp = await startSmtpServer(); ...; await smtp.close(); */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refuseOnce = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseOnce.delete(address.address)) {
        callback(Object.assign(new Error("Mailbox busy, try later"), { responseCode: 450 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuseOnce,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
