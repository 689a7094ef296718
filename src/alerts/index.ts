/** @module Alerts by e-mail (issue 16): subscribe with double opt-in, daily digests, one-click unsubscribe. */
export * from "./alert-confirmer.js";
export * from "./alert-digest-sender.js";
export * from "./alert-error.js";
export * from "./alert-mail.js";
export * from "./alert-subscriber.js";
export * from "./alert-unsubscriber.js";
export * from "./alert-urls.js";
