#!/usr/bin/env node
// Runs every test file under test/ with Node's own test runner and tsx. Node 20's runner does not
// expand globs or find .ts files by itself, so the list is built here.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function find(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return find(path);
      return /\.test\.tsx?$/.test(name) ? [path] : [];
    })
    .sort();
}

// The command-line tests run bin/raadsinfo.js, which runs the compiled dist/: compile first (incremental).
const build = spawnSync(process.execPath, ["scripts/build.js"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const filter = process.argv.slice(2);
const files = find("test").filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)));
if (files.length === 0) {
  console.error("run-tests: no test files match");
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
