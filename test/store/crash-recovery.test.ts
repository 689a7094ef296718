/** A store killed with SIGKILL while writing opens again with the document fully there or not at all. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/index.js";

const writer = fileURLToPath(new URL("./crash-writer.ts", import.meta.url));

/** Runs the writer until it prints `signal`, then kills it with SIGKILL. */
function runAndKill(dataDir: string, stopAt: "midway" | "done"): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, dataDir, stopAt], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`writer did not reach "${stopAt}" in time: ${stderr}`));
    }, 240_000);
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes(stopAt)) child.kill("SIGKILL");
    });
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") resolve();
      else reject(new Error(`writer exited without being killed: ${stderr}`));
    });
  });
}

async function itemCount(dataDir: string, body: string): Promise<number> {
  const store = await openStore({ dataDir });
  try {
    const rows = await store.db
      .selectFrom("agenda_item")
      .innerJoin("meeting", "meeting.id", "agenda_item.meeting_id")
      .innerJoin("body", "body.id", "meeting.body_id")
      .select("agenda_item.id")
      .where("body.name", "=", body)
      .execute();
    return rows.length;
  } finally {
    await store.close();
  }
}

describe("crash recovery [pglite]", { timeout: 600_000 }, () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("has none of a document whose writer was killed midway", async () => {
    const dir = await mkdtemp(join(tmpdir(), "raadsinfo-crash-"));
    dirs.push(dir);
    await runAndKill(dir, "midway");
    assert.equal(await itemCount(dir, "KKR Nedbrud midway"), 0);
  });

  it("has all of a document whose writer was killed after committing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "raadsinfo-crash-"));
    dirs.push(dir);
    await runAndKill(dir, "done");
    assert.equal(await itemCount(dir, "KKR Nedbrud done"), 120);
  });
});
