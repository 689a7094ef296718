/**
 * @module The secretariat's command to upload an annex to an item (issue 13): a PDF or DOCX within the
 * size limit (domain/annex-upload.ts; anything else gets one Danish line), read as import reads a file,
 * its pages through the CPR gate: a page with a CPR number is kept, marked, withheld from the public once
 * sent and listed for the secretariat, as import does. The bytes are kept; the annex's number is its place.
 */
import { createHash } from "node:crypto";
// domain/index.ts re-exports no CPR rule; file-redactor.ts imports it the same way.
import { findCprNumbers } from "../domain/cpr-number.js";
import { ANNEX_MAX_BYTES, ANNEX_MIME, annexFormatOf, annexRefusalMessage } from "../domain/index.js";
import { isIngestError, loadIngestOptions, parseSource } from "../ingest/index.js";
import { authoredItemOf, type DraftAnnex, insertAuthoredAnnex } from "../store/index.js";
import { auditAgenda, itemFor, requiredTitle } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface AnnexUploaderProps extends SecretariatCommandProps {
  readonly itemId: number;
  /** The upload: its name (which says its format with its first bytes) and bytes. */
  readonly upload: { readonly fileName: string; readonly bytes: Uint8Array };
  /** The annex's title; the file name without extension when absent. */
  readonly title?: string;
}

/**
 * Adds the annex after the item's others; returns it (with the pages the CPR gate marked).
 * @example await annexUploader({ db, viewer, actor, itemId: 12, upload: { fileName: "bilag.pdf", bytes } })
 */
export async function annexUploader(props: AnnexUploaderProps): Promise<DraftAnnex> {
  const { db, viewer, itemId, upload } = props;
  const now = props.now ?? new Date();
  // Who may, before the file is read: a refusal costs no parse.
  await itemFor(db, viewer, itemId);
  const fileName = upload.fileName.replace(/^.*[\\/]/, "").trim() || "bilag";
  const format = annexFormatOf(fileName, upload.bytes);
  if (!format) {
    throw new AgendaRefused(
      upload.bytes.byteLength > ANNEX_MAX_BYTES ? "too-large" : "unsupported-file",
      annexRefusalMessage(fileName),
    );
  }
  const title = requiredTitle(props.title?.trim() || fileName.replace(/\.[^.]+$/, ""), "Bilaget");
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  let doc: Awaited<ReturnType<typeof parseSource>>;
  try {
    doc = await parseSource({ file: fileName, bytes: upload.bytes, sha256 }, await loadIngestOptions());
  } catch (error) {
    if (!isIngestError(error)) throw error;
    throw new AgendaRefused(
      "unreadable",
      `Filen "${fileName}" kan ikke læses (${error.problem}). Intet er gemt.`,
    );
  }
  const pages = (
    doc.pageTexts ?? [{ page: 1, lineStart: 1, lineEnd: doc.text.split("\n").length, text: doc.text }]
  ).map((p) => ({ page: p.page, lineStart: p.lineStart, lineEnd: p.lineEnd, text: p.text }));
  const cprPages = pages.filter((p) => findCprNumbers(p.text).length > 0).map((p) => p.page);
  return db.transaction().execute(async (tx) => {
    await itemFor(tx, viewer, itemId);
    const made = await insertAuthoredAnnex(
      tx,
      {
        itemId,
        title,
        fileName,
        format,
        mime: ANNEX_MIME[format],
        sha256,
        content: upload.bytes,
        text: doc.text,
        pages,
        cprPages,
      },
      now,
    );
    const item = await authoredItemOf(tx, itemId);
    const annex = item?.annexes.find((a) => a.id === made.id);
    if (!annex) throw new AgendaRefused("not-found", `Bilaget til punkt ${itemId} findes ikke.`);
    await auditAgenda(tx, props, {
      action: "annex-upload",
      targetKind: "authored-annex",
      targetId: annex.id,
      before: null,
      // The number itself is never logged, only where it is.
      after: {
        itemId,
        annexNumber: annex.position,
        title,
        fileName,
        format,
        sha256,
        pages: pages.length,
        cprPages,
      },
      at: now,
    });
    return annex;
  });
}
