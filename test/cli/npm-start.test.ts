/** `npm start` as a user runs it, and as a service manager stops it: SIGTERM to npm stops the portal. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { access, mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("npm start", { timeout: 300_000 }, () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("stops on SIGTERM to the npm process: the port is free and the store whole", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "raadsinfo-npm-start-"));
    dirs.push(dataDir);
    const npm = spawn("npm", ["start", "--", "--data-dir", dataDir, "--port", "0", "--host", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "" },
    });
    let output = "";
    const port = await new Promise<number>((resolve, reject) => {
      npm.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
        const match = output.match(/serves http:\/\/localhost:(\d+)/);
        if (match) resolve(Number(match[1]));
      });
      npm.stderr.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
      });
      npm.on("exit", () => reject(new Error(`npm start ended early:\n${output}`)));
    });
    assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);

    const exited = new Promise<number | null>((resolve) => npm.on("exit", (code) => resolve(code)));
    npm.kill("SIGTERM");
    await exited;
    // npm may end before the portal has closed its store; give it the drain time serve allows.
    for (let i = 0; i < 100 && !(await portIsFree(port)); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(await portIsFree(port), `port ${port} is free after SIGTERM:\n${output}`);
    for (let i = 0; i < 100; i++) {
      if (
        await access(join(dataDir, "raadsinfo.lock")).then(
          () => false,
          () => true,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await assert.rejects(access(join(dataDir, "raadsinfo.lock")), "the store's lock was released");
    const store = await openStore({ dataDir });
    try {
      const meetings = await store.db.selectFrom("meeting").select("id").execute();
      assert.ok(meetings.length > 0, "the demo meeting written at start is there");
    } finally {
      await store.close();
    }
  });
});
