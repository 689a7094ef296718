/**
 * @module `finish-imports`: after imports, brings the "Mente du" word list up to date with the words they
 * queued. Import jobs queue it a moment after they end, unless one is waiting, so a folder of files costs
 * one refresh, not one per file.
 */
import { defineJob } from "../define-job.js";

export const finishImportsJob = defineJob({
  kind: "finish-imports",
  maxAttempts: 3,
  handler: async (_payload: Record<string, never>, { db }) => {
    const { finishImports } = await import("../../store/index.js");
    await finishImports(db);
    return null;
  },
});
