/**
 * @module Just enough of RFC 822/5322 to read the mails Rådsinfo writes: unfold and decode headers
 * (RFC 2047 encoded words, as nodemailer writes a Danish subject) and decode a single text/plain body
 * (quoted-printable or base64, RFC 2045).
 */

/** Headers by lower-case name (the first of each), unfolded and decoded, and the raw body. */
export interface ParsedMail {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

export function parseMail(raw: string): ParsedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  // Unfold: a line starting with white space continues the header above (RFC 5322 §2.2.3).
  for (const line of head.replace(/\r?\n[ \t]/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

/**
 * Decodes RFC 2047 encoded words; white space between two of them is dropped (§6.2).
 * @example decodeWords("=?UTF-8?Q?Nulstil_din_adgangskode_til_R=C3=A5dsinfo?=") // "Nulstil din adgangskode til Rådsinfo"
 */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpBytes(text.replace(/_/g, " "));
      return decode(bytes, charset);
    });
}

/** The text of a single-part body, by its Content-Transfer-Encoding and charset, with \n line ends. */
export function mailText(mail: ParsedMail): string {
  return bodyText(mail).replace(/\r\n/g, "\n");
}

function bodyText(mail: ParsedMail): string {
  const encoding = (mail.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const charset = /charset="?([^";\s]+)/i.exec(mail.headers.get("content-type") ?? "")?.[1] ?? "utf-8";
  if (encoding === "base64") return decode(Buffer.from(mail.body.replace(/\s+/g, ""), "base64"), charset);
  if (encoding === "quoted-printable") return decode(qpBytes(mail.body.replace(/=\r?\n/g, "")), charset);
  return mail.body;
}

function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

/** A file attached to a mail, decoded. */
export interface ParsedAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/**
 * The attachments of a multipart mail (one level of multipart/mixed, as nodemailer writes a text with
 * files): each part with a file name, base64 decoded. A single-part mail has none.
 * @example mailAttachments(parseMail(raw))[0]?.filename // "beslutning-....pdf"
 */
export function mailAttachments(mail: ParsedMail): ParsedAttachment[] {
  const boundary = /boundary="?([^";\s]+)"?/i.exec(mail.headers.get("content-type") ?? "")?.[1];
  if (!boundary) return [];
  const found: ParsedAttachment[] = [];
  for (const raw of mail.body.split(`--${boundary}`).slice(1)) {
    if (raw.startsWith("--")) break;
    const part = parseMail(raw.replace(/^\r?\n/, ""));
    const disposition = part.headers.get("content-disposition") ?? "";
    const type = part.headers.get("content-type") ?? "application/octet-stream";
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(type)?.[1];
    if (!filename) continue;
    const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
    const bytes =
      encoding === "base64"
        ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
        : Buffer.from(part.body, "binary");
    found.push({ filename: decodeWords(filename), contentType: type.split(";")[0]?.trim() ?? type, bytes });
  }
  return found;
}

/** The text part of a multipart mail, or the body of a single-part one, decoded. */
export function mailTextPart(mail: ParsedMail): string {
  const boundary = /boundary="?([^";\s]+)"?/i.exec(mail.headers.get("content-type") ?? "")?.[1];
  if (!boundary) return mailText(mail);
  for (const raw of mail.body.split(`--${boundary}`).slice(1)) {
    const part = parseMail(raw.replace(/^\r?\n/, ""));
    if (/^text\/plain/i.test(part.headers.get("content-type") ?? "")) return mailText(part);
  }
  return "";
}
