/**
 * Every command the README shows in a `sh` block is run here as written (from the repository's root, on
 * a fresh data directory), and its output checked against what the README says it does. An example with
 * no check below fails the test, so a new example cannot go unchecked.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Example {
  readonly section: string;
  readonly command: string;
}

/** The README's `sh` blocks, a command a line, without the comments beside them. */
export function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let section = "";
  let inBlock = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("#")) section = line.replace(/^#+\s*/, "");
    if (line.startsWith("```")) {
      inBlock = !inBlock && line.trim() === "```sh";
      continue;
    }
    if (!inBlock) continue;
    const command = line.replace(/\s+#\s.*$/, "").trim();
    if (command !== "" && !command.startsWith("#")) examples.push({ section, command });
  }
  return examples;
}

/** Examples run elsewhere: each says where, so the README's claim is still checked somewhere. */
const ELSEWHERE: readonly { pattern: RegExp; where: string }[] = [
  {
    pattern: /^npm ci && npm (start|test)$/,
    where: "CI runs both on a fresh machine; npm-start.test.ts starts and stops it",
  },
  {
    pattern: /^npm ci$|^npm run bench\b|^BENCH_\w+=.* npm run bench|^node --import tsx bench\//,
    where: "npm run bench",
  },
  {
    // Deployment: several serve processes behind a proxy, a read replica (issue 17); they need two servers.
    pattern:
      /^export (DATABASE_URL|DATABASE_READ_URL|PUBLIC_BASE_URL|TRUSTED_PROXIES)=|^raadsinfo (serve|worker)\b.*&$/,
    where: "test/cli/serve-read-replica.test.ts starts two serve processes on a primary and a replica",
  },
];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

type Check = (run: Run) => Promise<void> | void;

/** What each example must show, by its command. */
const CHECKS: readonly { pattern: RegExp; check: Check }[] = [
  {
    pattern: /^npx raadsinfo import \.\.\/shared\/seeds$/,
    check: (run) => {
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^5 imported, 0 unchanged, 0 failed, 0 skipped of 5 files found/m);
      assert.match(run.stdout, /004_5f8a3532f4c6e49a\.txt\s+created\s+minutes\s+13\s+24/);
    },
  },
  {
    pattern: /^npx raadsinfo import \.\.\/shared\/seeds --json$/,
    check: (run) => {
      const report = JSON.parse(run.stdout) as { counts: Record<string, number>; files: unknown[] };
      assert.deepEqual(
        report.counts,
        { imported: 0, unchanged: 5, failed: 0, skipped: 0 },
        "known bytes again",
      );
      assert.equal(report.files.length, 5);
    },
  },
  {
    pattern: /^npx raadsinfo parse \S+\.pdf --json$/,
    check: (run) => {
      assert.equal(run.code, 0, run.stderr);
      const doc = JSON.parse(run.stdout) as { kind: string; items: unknown[]; source: { format: string } };
      assert.equal(doc.source.format, "pdf");
      assert.equal(doc.kind, "minutes");
      assert.ok(doc.items.length > 0);
    },
  },
  {
    pattern: /^npx raadsinfo search "biokul" --json$/,
    check: (run) => {
      const found = JSON.parse(run.stdout) as { total: number; results: { source: { file: string } }[] };
      assert.ok(found.total > 0, "biokul is found");
      assert.match(found.results[0]?.source.file ?? "", /\.txt$/, "each result names its file");
    },
  },
  {
    pattern: /^npx raadsinfo jobs$/,
    check: (run) => {
      assert.equal(run.code, 0, run.stderr);
      // The imports above were jobs, each done by the import itself.
      assert.match(run.stdout, /^import-file\s+0\s+0\s+5\s+0$/m);
    },
  },
  {
    pattern: /^npx raadsinfo --help$/,
    check: (run) => {
      for (const command of ["serve", "import", "parse", "search", "export"]) {
        assert.match(run.stdout, new RegExp(`^  ${command}\\b`, "m"));
      }
    },
  },
  {
    pattern: /^npx raadsinfo search "lærepladser" --json --year 2024$/,
    check: (run) => {
      const found = JSON.parse(run.stdout) as { total: number; results: { meeting?: { date?: string } }[] };
      assert.ok(found.total > 0, "lærepladser is found in 2024");
      for (const result of found.results) assert.match(result.meeting?.date ?? "2024", /^2024/);
    },
  },
  {
    pattern: /^npx raadsinfo export --format csv --out eksport\/$/,
    check: async () => {
      const items = await readFile(join(root, "eksport", "punkter.csv"), "utf8");
      assert.ok(items.startsWith("\uFEFF"), "a BOM, so spreadsheets show æøå");
      assert.match(items, /biokul/i);
    },
  },
  {
    pattern: /^npx raadsinfo export --format json > eksport\.json$/,
    check: async () => {
      const data = JSON.parse(await readFile(join(root, "eksport.json"), "utf8")) as Record<string, unknown>;
      assert.ok(Object.keys(data).length > 0);
    },
  },
  {
    pattern:
      /^printf .+ \| npx raadsinfo user add admin@example\.dk .*--role administrator --password-stdin --json$/,
    check: (run) => {
      assert.equal(run.code, 0, run.stderr);
      const user = JSON.parse(run.stdout) as { id: number; email: string; totpSecret: string };
      assert.equal(user.email, "admin@example.dk");
      assert.match(user.totpSecret, /^[A-Z2-7]{16,}$/, "a base32 secret for the authenticator app");
    },
  },
  {
    pattern: /^curl 'http:\/\/localhost:3000\/api\/search\?q=biokul&kind=decision'$/,
    check: (run) => {
      const found = JSON.parse(run.stdout) as { total: number; results: { kind: string }[] };
      assert.ok(found.total > 0, "biokul is in decisions");
      assert.ok(found.results.every((r) => r.kind === "decision"));
    },
  },
];

function checkOf(example: Example): Check | "elsewhere" | null {
  if (ELSEWHERE.some((e) => e.pattern.test(example.command))) return "elsewhere";
  return CHECKS.find((c) => c.pattern.test(example.command))?.check ?? null;
}

/**
 * Runs a README command in a shell from the repository's root, as a reader would, with the store in a
 * fresh data directory; curl is answered by fetch against a running serve (curl may not be installed).
 */
async function runExample(command: string, dir: string, portal: string | null): Promise<Run> {
  if (command.startsWith("curl ")) {
    assert.ok(portal, "the portal runs for curl examples");
    const url = (command.match(/'([^']+)'/)?.[1] ?? "").replace("http://localhost:3000", portal);
    const response = await fetch(url);
    return { code: response.ok ? 0 : 22, stdout: await response.text(), stderr: "" };
  }
  const result = spawnSync("sh", ["-c", command], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", RAADSINFO_DATA_DIR: join(dir, "data") },
    timeout: 300_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("README examples", { timeout: 900_000 }, () => {
  let examples: Example[] = [];
  let dir = "";
  before(async () => {
    examples = readmeExamples(await readFile(join(root, "README.md"), "utf8"));
    dir = await mkdtemp(join(tmpdir(), "raadsinfo-readme-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
    // What the export examples write into the root.
    await rm(join(root, "eksport"), { recursive: true, force: true });
    await rm(join(root, "eksport.json"), { force: true });
  });

  it("has a check for every example", () => {
    assert.ok(examples.length >= 10, `found ${examples.length} examples`);
    const unchecked = examples.filter((e) => checkOf(e) === null).map((e) => `${e.section}: ${e.command}`);
    assert.deepEqual(unchecked, [], "examples without a check in test/readme.test.ts");
  });

  it("runs each example and it shows what the README says", async () => {
    const runnable = examples.filter((e) => typeof checkOf(e) === "function");
    // Commands that open the store first; the portal, which then owns it, for the curl examples.
    const local = runnable.filter((e) => !e.command.startsWith("curl "));
    const remote = runnable.filter((e) => e.command.startsWith("curl "));
    for (const example of local) {
      const run = await runExample(example.command, dir, null);
      await (checkOf(example) as Check)(run);
    }
    const serve = spawn(
      process.execPath,
      [join(root, "bin", "raadsinfo.js"), "serve", "--port", "0", "--host", "127.0.0.1", "--no-demo"],
      { env: { ...process.env, DATABASE_URL: "", RAADSINFO_DATA_DIR: join(dir, "data") } },
    );
    try {
      const portal = await new Promise<string>((resolve, reject) => {
        let out = "";
        serve.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          out += chunk;
          const match = out.match(/serves http:\/\/localhost:(\d+)/);
          if (match) resolve(`http://127.0.0.1:${match[1]}`);
        });
        serve.on("exit", () => reject(new Error(`serve ended: ${out}`)));
      });
      for (const example of remote) {
        await (checkOf(example) as Check)(await runExample(example.command, dir, portal));
      }
    } finally {
      serve.kill("SIGTERM");
    }
  });
});
