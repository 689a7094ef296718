#!/usr/bin/env node
// Compiles src/ to dist/ once (tsc, incremental) and copies the files tsc does not emit (the stylesheet),
// so that every command starts from plain JavaScript instead of compiling TypeScript at each start.
import { spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (result.status !== 0) {
  console.error("build: tsc failed; see the errors above");
  process.exit(result.status ?? 1);
}
cpSync("src/web/assets", "dist/web/assets", { recursive: true });
