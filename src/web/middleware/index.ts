/** @module The web's middleware factories: who is asking (session, API token), CSRF, guards, headers. */
export * from "./bearer-token.js";
export * from "./csrf.js";
export * from "./require-user.js";
export * from "./security-headers.js";
export * from "./session.js";
