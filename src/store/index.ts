/** @module The store's public face: open it, import into it, read from it. The only place with SQL. */
export * from "./account-queries.js";
export * from "./api-queries.js";
export * from "./api-token-queries.js";
export * from "./audit-log-queries.js";
export * from "./connection/store-lock.js";
export * from "./export-queries.js";
export * from "./import-document.js";
export * from "./login-throttle-queries.js";
export * from "./one-time-link-queries.js";
export * from "./oparl-queries.js";
export * from "./open-store.js";
export * from "./portal-queries.js";
export type * from "./schema.js";
export * from "./search-queries.js";
export * from "./session-queries.js";
export * from "./store-empty.js";
export * from "./store-error.js";
export * from "./write/withholding.js";
