/** @module Long work as jobs: the kinds, enqueueing (inside the caller's transaction), the worker loop. */
export * from "./define-job.js";
export * from "./enqueue.js";
export type * from "./job-services.js";
export * from "./kinds/index.js";
export * from "./worker.js";
export * from "./worker-set.js";
