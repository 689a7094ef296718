/**
 * @module The store's public face: open it, import into it, read from it. The only place with SQL, split by
 * role (DESIGN.md): connection/ (drivers, migrations, errors), write/ (imports, account writes), read/ (read
 * models per surface, through read/visibility.ts); schema.ts and the search index's files sit at the top,
 * shared by all three.
 */
export * from "./connection/open-store.js";
export * from "./connection/store-error.js";
export * from "./connection/store-lock.js";
export * from "./read/account-lookups.js";
export * from "./read/agenda-draft-queries.js";
export * from "./read/agenda-offer-queries.js";
export * from "./read/alert-news-queries.js";
export * from "./read/api-queries.js";
export * from "./read/decision-queries.js";
export * from "./read/export-queries.js";
export * from "./read/follow-up-queries.js";
export * from "./read/job-queries.js";
export * from "./read/matter-queries.js";
export * from "./read/meeting-record-queries.js";
export * from "./read/meeting-whole-queries.js";
export * from "./read/oparl-file-queries.js";
export * from "./read/oparl-queries.js";
export * from "./read/person-duplicate-queries.js";
export * from "./read/portal-queries.js";
export * from "./read/secretariat-bodies.js";
export * from "./read/sent-agenda-queries.js";
export * from "./read/store-empty.js";
export type * from "./schema.js";
export * from "./search-queries.js";
export * from "./write/account-queries.js";
export * from "./write/agenda-draft-writes.js";
export * from "./write/agenda-pdf-store.js";
export * from "./write/agenda-publishing.js";
export * from "./write/agenda-section-writes.js";
export * from "./write/alert-subscription-writes.js";
export * from "./write/api-token-queries.js";
export * from "./write/audit-log-queries.js";
export * from "./write/decision-dispatch-writes.js";
export * from "./write/follow-up-writes.js";
export * from "./write/import-document.js";
export * from "./write/import-uploads.js";
export * from "./write/job-queue.js";
export * from "./write/login-throttle-queries.js";
export * from "./write/matter-writes.js";
export * from "./write/meeting-record-writes.js";
export * from "./write/meeting-whole-store.js";
export * from "./write/minutes-publishing.js";
export * from "./write/minutes-rendering-store.js";
export * from "./write/one-time-link-queries.js";
export * from "./write/person-merge-writes.js";
export * from "./write/session-queries.js";
export * from "./write/site-secret-queries.js";
export * from "./write/withholding.js";
