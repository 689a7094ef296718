/**
 * @module The secretariat's command to replace an annex with a redacted copy (issue 12, point 9): the
 * copy (PDF, DOCX or text, read as import reads it, within import's bounds) is parsed, refused while any
 * page still holds a CPR number, and otherwise takes the annex's place: its bytes, its pages, its search
 * text, with the annex's `cpr-number` marks cleared. Allowed to the body's secretariat and administrators
 * (domain/visibility.ts mayRelease), audited with hashes and page counts before and after.
 */
import { createHash } from "node:crypto";
// domain/index.ts does not re-export the CPR rule yet; ingest imports it the same way.
import { findCprNumbers } from "../domain/cpr-number.js";
import { mayRelease, type SourceFormat, type Viewer } from "../domain/index.js";
import { isIngestError, loadIngestOptions, MAX_SOURCE_FILE_BYTES, parseSource } from "../ingest/index.js";
import {
  type FileReplaced,
  insertAuditEntry,
  type RedactedCopy,
  type ReplaceableFile,
  replaceableFile,
  replaceFileContent,
  sourceFileWithHash,
} from "../store/index.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface FileRedactorProps extends SecretariatCommandProps {
  /** The annex to replace. */
  readonly fileId: number;
  /** The redacted copy as uploaded or read from disk: its name (which says its format) and bytes. */
  readonly copy: { readonly fileName: string; readonly bytes: Uint8Array };
}

/** Why a copy was refused; each with the HTTP status the web answers and one Danish line. */
export type RedactionRefusal =
  | "not-found"
  | "forbidden"
  | "not-an-annex"
  | "too-large"
  | "unreadable"
  | "already-stored"
  | "cpr-number";

const STATUS: Readonly<Record<RedactionRefusal, 403 | 404 | 409 | 413 | 422>> = {
  "not-found": 404,
  forbidden: 403,
  "not-an-annex": 409,
  "too-large": 413,
  unreadable: 422,
  "already-stored": 409,
  "cpr-number": 422,
};

/** A refusal: nothing was changed. The message is Danish, one line, naming the file. */
export class RedactionRefused extends Error {
  override readonly name = "RedactionRefused";
  readonly status: 403 | 404 | 409 | 413 | 422;
  constructor(
    readonly code: RedactionRefusal,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

const MIME: Readonly<Record<SourceFormat, string>> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  text: "text/plain; charset=utf-8",
  // A saved web page is kept as its source text: served as HTML it would run its scripts on the portal.
  html: "text/plain",
};

/**
 * Replaces annex `fileId` with the redacted copy; `unchanged` when the annex already is that copy.
 * Throws RedactionRefused, changing nothing, when the caller may not, the file is no annex, or the copy
 * is unreadable, too large, or still names a CPR number.
 * @example await fileRedactor({ db, viewer, actor, fileId: 12, copy: { fileName: "bilag.pdf", bytes } })
 */
export async function fileRedactor(props: FileRedactorProps): Promise<{
  readonly unchanged: boolean;
  readonly file: ReplaceableFile;
  readonly replaced: FileReplaced | null;
}> {
  const { db, viewer, actor, fileId } = props;
  const now = props.now ?? new Date();
  // Who may, before the copy is read: a refusal costs no parse.
  const file = checkTarget(await replaceableFile(db, fileId), viewer, fileId);
  const copy = await readCopy(props.copy, file);
  if (copy.sha256 === file.sha256) return { unchanged: true, file, replaced: null };
  const known = await sourceFileWithHash(db, copy.sha256);
  if (known) {
    throw new RedactionRefused(
      "already-stored",
      `Filen "${copy.fileName}" er allerede gemt i Rådsinfo (som "${known.fileName}"); en anonymiseret kopi skal være en ny fil. Intet er ændret.`,
    );
  }
  return db.transaction().execute(async (tx) => {
    // Again inside the transaction: the file may have been removed or moved to another body meanwhile.
    const current = checkTarget(await replaceableFile(tx, fileId), viewer, fileId);
    const replaced = await replaceFileContent(tx, { fileId, copy, now });
    await insertAuditEntry(tx, {
      at: now,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      action: "file-replace-redacted",
      targetKind: "file",
      targetId: fileId,
      before: replaced.before,
      after: replaced.after,
    });
    return { unchanged: false, file: current, replaced };
  });
}

function checkTarget(file: ReplaceableFile | undefined, viewer: Viewer, fileId: number): ReplaceableFile {
  if (!file || file.deleted) throw new RedactionRefused("not-found", `Bilag ${fileId} findes ikke.`);
  if (!mayRelease(viewer, file.bodyId)) {
    throw new RedactionRefused(
      "forbidden",
      `Kun organets sekretariat eller en administrator må erstatte bilaget "${file.title}".`,
    );
  }
  if (file.role !== "annex") {
    throw new RedactionRefused(
      "not-an-annex",
      `"${file.title}" er en indlæst originalfil, ikke et bilag; erstat bilagene i den hver for sig.`,
    );
  }
  return file;
}

/** Parses the copy as import would, and refuses it while a page still holds a CPR number. */
async function readCopy(upload: FileRedactorProps["copy"], file: ReplaceableFile): Promise<RedactedCopy> {
  const { fileName, bytes } = upload;
  if (bytes.byteLength > MAX_SOURCE_FILE_BYTES) {
    throw new RedactionRefused(
      "too-large",
      `Filen "${fileName}" er større end ${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MB. Intet er ændret.`,
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let doc: Awaited<ReturnType<typeof parseSource>>;
  try {
    doc = await parseSource({ file: fileName, bytes, sha256 }, await loadIngestOptions());
  } catch (error) {
    if (!isIngestError(error)) throw error;
    throw new RedactionRefused(
      "unreadable",
      `Filen "${fileName}" kan ikke læses som PDF, DOCX eller tekst (${error.problem}). Intet er ændret.`,
    );
  }
  const pages = doc.pageTexts ?? [
    { page: 1, lineStart: 1, lineEnd: doc.text.split("\n").length, text: doc.text },
  ];
  for (const page of pages) {
    if (findCprNumbers(page.text).length > 0) {
      // The number itself is not repeated: the line may end up in a log.
      throw new RedactionRefused(
        "cpr-number",
        `Filen "${fileName}" indeholder stadig et CPR-nummer på side ${page.page}, så den erstatter ikke bilaget "${file.title}". Intet er ændret.`,
      );
    }
  }
  return {
    fileName,
    bytes,
    sha256,
    format: doc.source.format,
    mime: MIME[doc.source.format],
    text: doc.text,
    pages,
  };
}
