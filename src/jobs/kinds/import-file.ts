/**
 * @module `import-file`: imports one staged file (importer/import-staged.ts). `raadsinfo import` and an
 * upload queue one per file, in a batch they follow; any worker on any machine that reaches the database
 * takes them, several at a time (one per parser thread). OCR's pages are its progress.
 */
import type { ImportFilePayload } from "../../importer/import-staged.js";
import { defineJob } from "../define-job.js";

export const importFileJob = defineJob({
  kind: "import-file",
  maxAttempts: 3,
  handler: async (payload: ImportFilePayload, { db, progress }) => {
    const { importStagedFile } = await import("../../importer/import-staged.js");
    return importStagedFile(db, payload, ({ done, total }) => {
      void progress(done, total, `OCR side ${done} af ${total}`);
    });
  },
});
