#!/usr/bin/env node
// Entry point of the `raadsinfo` command: runs the JavaScript that `npm run build` (run by `npm ci` and
// `npm install` through `prepare`) compiled from src/ into dist/, so no TypeScript is compiled at start.
try {
  await import("../dist/cli.js");
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli.js")) {
    console.error("raadsinfo: not built yet: run `npm run build` (npm ci and npm install do it too)");
    process.exitCode = 1;
  } else {
    throw error;
  }
}
