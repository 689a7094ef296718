export * from "./danish-date.js";
export * from "./document-kind.js";
export * from "./follow-up-status.js";
export * from "./meeting-state.js";
export * from "./membership-role.js";
export * from "./parsed-document.js";
export * from "./person-name.js";
export * from "./warning-code.js";
