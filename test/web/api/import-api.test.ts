/**
 * Imports through the JSON API on both backends: an administrator's token uploads a real seed and a broken
 * PDF in one multipart request and gets a batch whose jobs are queued; a worker runs them; GET shows the
 * seed done and the broken file failed with its one-line reason. The same bytes again are "unchanged"
 * (no job). The upload is in the audit log with its token. An empty file is a 400 naming it; a
 * sekretariat's or a member's token and an anonymous caller are refused; an unknown batch is a 404.
 * Answers match the OpenAPI document.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { before, it } from "node:test";
import type { Hono } from "hono";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { batchJobs, listAuditEntries } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { importBatch } from "../../support/import-jobs.js";
import { seedPath } from "../../support/seeds.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";
import { assertDocumented } from "./api-support.js";

// biome-ignore lint/suspicious/noExplicitAny: each answer is checked against its documented schema.
type Json = { [key: string]: any };

const SEED = seedPath("004");
const BROKEN = new TextEncoder().encode("%PDF-1.7\nthis is not a PDF at all\n%%EOF\n");

/** POSTs files to /api/imports as multipart/form-data with `token` (or none). */
async function upload(
  app: Hono,
  token: string | null,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  for (const file of files) form.append("file", new File([file.bytes], file.name));
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await app.request("/api/imports", { method: "POST", body: form, headers });
  return { status: res.status, body: (await res.json()) as Json };
}

async function get(app: Hono, path: string, token: string | null): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as Json };
}

forEachBackend("import API", (store) => {
  let app: Hono;
  let admin = "";
  let secretary = "";
  let member = "";
  before(async () => {
    const { db } = store();
    app = createApp({ db });
    const tokenOf = async (role: "administrator" | "sekretariat" | "medlem") =>
      (await apiTokenCreator({ db, email: (await makeUser(db, role)).email, actor: CLI_ACTOR })).token;
    admin = await tokenOf("administrator");
    secretary = await tokenOf("sekretariat");
    member = await tokenOf("medlem");
  });

  it("refuses everyone but an administrator, before reading anything", async () => {
    const seed = [{ name: basename(SEED), bytes: readFileSync(SEED) }];
    for (const token of [secretary, member]) {
      const refused = await upload(app, token, seed);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, "forbidden");
      assert.match(refused.body.error.message, /administratorer/);
      const looked = await get(app, "/api/imports/00000000-0000-4000-8000-000000000000", token);
      assert.equal(looked.status, 403);
    }
    // A write without a token is a browser's: the CSRF check refuses it first, as every API write.
    const anonymous = await upload(app, null, seed);
    assert.equal(anonymous.status, 403);
    assert.equal(anonymous.body.error.code, "csrf-invalid");
    const anonymousGet = await get(app, "/api/imports/00000000-0000-4000-8000-000000000000", null);
    assert.equal(anonymousGet.status, 401);
    assert.equal(anonymousGet.body.error.code, "unauthorized");
    const badToken = await upload(app, "ri_findesikke", seed);
    assert.equal(badToken.status, 401);
    assert.equal(await store().db.selectFrom("job").select("id").executeTakeFirst(), undefined, "no job");
  });

  it("queues a seed and a broken PDF in one batch; GET shows one done, one failed with its reason", async () => {
    const { db } = store();
    const uploaded = await upload(app, admin, [
      { name: basename(SEED), bytes: readFileSync(SEED) },
      { name: "../../ødelagt.pdf", bytes: BROKEN },
    ]);
    assert.equal(uploaded.status, 202, JSON.stringify(uploaded.body));
    assertDocumented("/api/imports", "post", 202, uploaded.body);
    const { batch, status, files } = uploaded.body;
    assert.match(batch, /^[0-9a-f-]{36}$/);
    assert.equal(status, `/api/imports/${batch}`);
    assert.deepEqual(
      files.map((f: Json) => f.name),
      [basename(SEED), "ødelagt.pdf"],
    );
    const jobs = await batchJobs(db, batch);
    assert.deepEqual(
      jobs.map((job) => [job.id, job.kind]),
      files.map((f: Json) => [f.job, "import-file"]),
    );
    const [audit] = await listAuditEntries(db, { targetKind: "import-batch", targetId: batch });
    assert.ok(audit, "the upload is audited");
    assert.equal(audit.action, "import-upload");
    assert.ok(audit.actorTokenId, "the token that sent it");
    assert.deepEqual(
      (audit.after as { files: { file: string; job: number }[] }).files.map((f) => [f.file, f.job]),
      files.map((f: Json) => [f.name, f.job]),
    );
    const queued = await get(app, status, admin);
    assert.equal(queued.status, 200);
    assert.equal(queued.body.total, 2);

    await importBatch(db, batch);
    const ended = await get(app, status, admin);
    assert.equal(ended.status, 200);
    assertDocumented("/api/imports/{batch}", "get", 200, ended.body);
    assert.deepEqual(
      [ended.body.total, ended.body.queued, ended.body.running, ended.body.done, ended.body.failed],
      [2, 0, 0, 1, 1],
    );
    const [seed, broken] = ended.body.files as Json[];
    assert.equal(seed?.state, "done");
    assert.equal(seed?.attempts, 1);
    assert.equal(seed?.result.outcome, "imported");
    assert.ok(seed?.result.items > 0, "the seed's items");
    assert.equal(broken?.state, "failed");
    assert.equal(broken?.attempts, 1, "a file that cannot be read is not tried again");
    assert.match(broken?.error, /PDF/);
    assert.ok(!broken?.error.includes("\n"), "one line");
    assert.equal(broken?.result, null);

    const again = await fetchRaw(app, admin, basename(SEED), readFileSync(SEED));
    assert.equal(again.status, 200);
    assertDocumented("/api/imports", "post", 200, again.body);
    assert.deepEqual(again.body.files, [{ name: basename(SEED), outcome: "unchanged" }]);
    assert.equal(again.body.status, null);
  });

  it("refuses an empty file and one it cannot read by name, and answers 404 for a batch it does not know", async () => {
    const empty = await upload(app, admin, [
      { name: "referat.txt", bytes: new TextEncoder().encode("Et referat") },
      { name: "tom.pdf", bytes: new Uint8Array() },
    ]);
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message, /"tom\.pdf" er tom/);
    const none = await upload(app, admin, []);
    assert.equal(none.status, 400);
    const nameless = await fetchRaw(app, admin, "", new TextEncoder().encode("tekst"));
    assert.equal(nameless.status, 400);
    const foreign = await upload(app, admin, [
      { name: "referat.txt", bytes: new TextEncoder().encode("Et referat") },
      { name: "bilag.xlsx", bytes: new TextEncoder().encode("PK regneark") },
    ]);
    assert.equal(foreign.status, 422);
    assertDocumented("/api/imports", "post", 422, foreign.body);
    assert.equal(foreign.body.error.code, "unprocessable");
    assert.match(foreign.body.error.message, /^Filen "bilag\.xlsx" kan ikke indlæses: kun PDF/);
    assert.equal(
      (await store().db.selectFrom("job").select("id").where("batch", "is not", null).execute()).length,
      2,
      "nothing more queued",
    );
    for (const batch of ["00000000-0000-4000-8000-000000000000", "abc"]) {
      const unknown = await get(app, `/api/imports/${batch}`, admin);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, "not-found");
    }
  });
});

/** POSTs one file as the raw body with ?name=. */
async function fetchRaw(
  app: Hono,
  token: string,
  name: string,
  bytes: Uint8Array,
): Promise<{ status: number; body: Json }> {
  const res = await app.request(`/api/imports?name=${encodeURIComponent(name)}`, {
    method: "POST",
    body: bytes,
    headers: {
      accept: "application/json",
      authorization: `Bearer ${token}`,
      "content-type": "application/octet-stream",
    },
  });
  return { status: res.status, body: (await res.json()) as Json };
}
