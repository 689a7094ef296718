/**
 * The secretariat's JSON API on both backends (issue 13), driven with an API token as an ESDH system or a
 * script would: plan a meeting, draft its agenda, add items (one closed), move one, upload a PDF, edit
 * with a stale revision (409 with `current`), send (mails and PDFs through the job queue); a member's token and an
 * anonymous request are refused; the public JSON then shows the closed item as "Lukket punkt". Every
 * write is in the audit log with the token named.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { apiTokenCreator, CLI_ACTOR } from "../../../src/accounts/index.js";
import { startWorker } from "../../../src/jobs/index.js";
import { openMailer, outboxFolder, outboxList } from "../../../src/mail/index.js";
import { listAuditEntries, listJobs } from "../../../src/store/index.js";
import { type HttpMethod, openApiDocument } from "../../../src/web/api/openapi.js";
import { createApp } from "../../../src/web/app.js";
import { seedPath } from "../../support/seeds.js";
import { forEachBackend } from "../../support/stores.js";
import { makeUser } from "../accounts/support.js";

const dataDir = mkdtempSync(join(tmpdir(), "raadsinfo-api-"));

/** Runs the queue's worker (mail to `dataDir`'s outbox, the PDFs) until no job waits or runs. */
async function runJobs(db: Parameters<typeof createApp>[0]["db"]): Promise<void> {
  const worker = startWorker({
    db,
    services: { mailer: openMailer({ dataDir }) },
    pollMs: 20,
    log: () => {},
  });
  try {
    for (let i = 0; i < 1500; i++) {
      if ((await listJobs(db, { states: ["queued", "running"] })).length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    assert.fail("the jobs did not finish");
  } finally {
    await worker.stop(5000);
  }
}

type Json = Record<string, unknown>;

// ajv-formats is CommonJS; under ESM its plugin function may sit on `default`.
type AddFormats = (ajv: Ajv2020, formats: readonly string[]) => unknown;
const loadedFormats = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
const addFormats: AddFormats = loadedFormats.default ?? loadedFormats;

/** Fails unless `body` is what the OpenAPI document says `method path` answers with `status`. */
function assertDocumented(path: string, method: HttpMethod, status: number, body: unknown): void {
  const doc = openApiDocument("http://localhost:3000");
  const response = doc.paths[path]?.[method]?.responses[String(status)];
  assert.ok(response, `${method} ${path} documents ${status}`);
  const schema = response.content?.["application/json"]?.schema;
  assert.ok(schema, `${method} ${path} ${status}: a JSON schema`);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv, ["date", "date-time", "uri"]);
  const validate = ajv.compile({ ...schema, components: doc.components });
  assert.ok(validate(body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

forEachBackend("secretariat API", (store) => {
  it("plans, drafts, fills, moves, uploads, guards the revision and sends, with a token", async () => {
    const { db } = store();
    const secretary = await makeUser(db, "sekretariat", "Sara Sekretær");
    const member = await makeUser(db, "medlem", "Mads Medlem");
    const { token } = await apiTokenCreator({ db, email: secretary.email, actor: CLI_ACTOR });
    const { token: memberToken } = await apiTokenCreator({ db, email: member.email, actor: CLI_ACTOR });
    const app = createApp({ db });
    const call = async (method: string, path: string, body?: unknown, bearer: string | null = token) => {
      const headers: Record<string, string> = { accept: "application/json" };
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await app.request(path, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: (await res.json()) as Json };
    };
    const body = await db
      .selectFrom("body")
      .select("id")
      .where("name", "=", "KKR Nordjylland")
      .executeTakeFirstOrThrow();

    const anonymous = await call("POST", "/api/meetings", { bodyId: body.id, date: "2025-02-07" }, null);
    // Without a token a write is a browser's, and needs the CSRF token first.
    assert.equal(anonymous.status, 403);
    assert.equal((anonymous.json.error as Json).code, "csrf-invalid");
    const byMember = await call(
      "POST",
      "/api/meetings",
      { bodyId: body.id, date: "2025-02-07" },
      memberToken,
    );
    assert.equal(byMember.status, 403);
    assert.match((byMember.json.error as Json).message as string, /sekretariat/);

    const created = await call("POST", "/api/meetings", {
      bodyId: body.id,
      date: "2025-02-07",
      startTime: "10:00",
      endTime: "12:00",
      location: "Aalborg Rådhus",
    });
    assert.equal(created.status, 201);
    const meeting = (created.json.data as Json[])[0] as Json;
    assert.equal(meeting.phase, "planned");
    const taken = await call("POST", "/api/meetings", {
      bodyId: body.id,
      meetings: [{ date: "2025-02-07" }],
    });
    assert.equal(taken.status, 409);

    const drafted = await call("POST", `/api/meetings/${meeting.id}/agenda`, {});
    assert.equal(drafted.status, 201);
    const sections = drafted.json.sections as Json[];
    const regional = sections.find((s) => s.title === "Regionalpolitiske sager") as Json;
    const addItem = (item: Json) =>
      call("POST", `/api/meetings/${meeting.id}/items`, { sectionId: regional.id, ...item });
    const klima = await addItem({
      title: "Status fra KlimaNord",
      caseNumber: "SAG-2024-03326",
      initials: ["hlth"],
      fields: {
        baggrund: "KlimaNord er ...",
        indstilling: "Det indstilles, at KKR Nordjylland tager orienteringen til efterretning.",
      },
    });
    assert.equal(klima.status, 201);
    assert.equal(klima.json.number, "2.1");
    const closed = await addItem({
      title: "Personalesag",
      public: false,
      fields: { baggrund: "Fortroligt." },
    });
    assert.equal(closed.json.number, "2.2");
    const badField = await addItem({ title: "X", fields: { beslutning: "Nej" } });
    assert.equal(badField.status, 422);

    const moved = await call("POST", `/api/items/${closed.json.id}/move`, {
      sectionId: regional.id,
      position: 0,
    });
    assert.equal(moved.status, 200);
    assert.equal((moved.json.item as Json).number, "2.1");

    const form = new FormData();
    const pdf = readFileSync(
      join(seedPath("004"), "..", "..", "real-pdf", "aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf"),
    );
    form.set("file", new File([pdf], "status.pdf", { type: "application/pdf" }));
    form.set("title", "KlimaNord status");
    const uploaded = await app.request(`/api/items/${klima.json.id}/annexes`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      body: form,
    });
    assert.equal(uploaded.status, 201);
    const annex = (await uploaded.json()) as Json;
    assert.equal(annex.annexNumber, 1);
    assertDocumented("/api/items/{id}/annexes", "post", 201, annex);
    const retitled = await call("PATCH", `/api/annexes/${annex.id}`, { title: "KlimaNords status 2025" });
    assert.equal(retitled.status, 200);
    assert.equal(retitled.json.title, "KlimaNords status 2025");
    assertDocumented("/api/annexes/{id}", "patch", 200, retitled.json);
    const exe = new FormData();
    exe.set("file", new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], "setup.exe"));
    const refused = await app.request(`/api/items/${klima.json.id}/annexes`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      body: exe,
    });
    assert.equal(refused.status, 422);
    assert.match(((await refused.json()) as { error: Json }).error.message as string, /PDF- eller Word-fil/);

    const revision = klima.json.revision as number;
    const first = await call("PATCH", `/api/items/${klima.json.id}`, {
      revision,
      title: "Status fra KlimaNord 2025",
    });
    assert.equal(first.status, 200);
    assert.equal(first.json.revision, revision + 1);
    const stale = await call("PATCH", `/api/items/${klima.json.id}`, { revision, title: "Min titel" });
    assert.equal(stale.status, 409);
    assert.deepEqual(Object.keys(stale.json).sort(), ["current", "error"]);
    assert.equal((stale.json.error as Json).status, 409);
    assert.equal((stale.json.error as Json).code, "stale-revision");
    assert.equal((stale.json.current as Json).title, "Status fra KlimaNord 2025");
    const noRevision = await call("PATCH", `/api/items/${klima.json.id}`, { title: "x" });
    assert.equal(noRevision.status, 400);

    const agenda = await call("GET", `/api/meetings/${meeting.id}/agenda`);
    assert.equal(agenda.status, 200);
    assertDocumented("/api/meetings", "post", 201, created.json);
    assertDocumented("/api/meetings", "post", 409, taken.json);
    assertDocumented("/api/meetings/{id}/agenda", "post", 201, drafted.json);
    assertDocumented("/api/meetings/{id}/agenda", "get", 200, agenda.json);
    assertDocumented("/api/meetings/{id}/items", "post", 201, klima.json);
    assertDocumented("/api/items/{id}/move", "post", 200, moved.json);
    assertDocumented("/api/items/{id}", "patch", 200, first.json);
    assertDocumented("/api/items/{id}", "patch", 409, stale.json);
    assert.equal(
      (await call("GET", `/api/meetings/${meeting.id}/agenda`, undefined, memberToken)).status,
      403,
    );
    // Sent for review, the member reads the draft (without the secretariat's offers).
    const review = await call("POST", `/api/meetings/${meeting.id}/review`, { userIds: [member.id] });
    assert.deepEqual(review.json, { mailed: 1, failed: [] });
    await runJobs(db);
    const reviewed = await call("GET", `/api/meetings/${meeting.id}/agenda`, undefined, memberToken);
    assert.equal(reviewed.status, 200);
    assert.deepEqual(reviewed.json.offers, []);
    assert.match(JSON.stringify(reviewed.json), /Personalesag/);
    assertDocumented("/api/meetings/{id}/review", "post", 200, review.json);

    const sent = await call("POST", `/api/meetings/${meeting.id}/send`, {});
    assert.equal(sent.status, 200);
    assert.equal(sent.json.versionNumber, 1);
    assert.equal(sent.json.state, "agenda-published");
    // The mails and the PDFs leave through the job queue.
    await runJobs(db);
    const mails = await outboxList(outboxFolder(dataDir));
    assert.ok(mails.some((m) => m.to === member.email && m.subject.startsWith("Dagsorden: KKR Nordjylland")));
    assertDocumented("/api/meetings/{id}/send", "post", 200, sent.json);
    // getAgendaPdf / getAnnexPackPdf: the secretariat's internal edition, the public one for anyone.
    const getPdf = async (path: string, bearer: string | null) => {
      const res = await app.request(path, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        status: res.status,
        type: res.headers.get("content-type"),
        head: new TextDecoder().decode(bytes.slice(0, 5)),
      };
    };
    for (const file of ["agenda.pdf", "annex-pack.pdf"]) {
      const path = `/api/meetings/${meeting.id}/${file}`;
      assert.deepEqual(
        await getPdf(path, token),
        { status: 200, type: "application/pdf", head: "%PDF-" },
        path,
      );
      assert.equal((await getPdf(`${path}?edition=internal`, memberToken)).status, 403, `${path}: a member`);
      assert.equal((await getPdf(`${path}?edition=public`, null)).head, "%PDF-", `${path}: the public`);
    }
    const versions = await call("GET", `/api/meetings/${meeting.id}/versions`);
    assertDocumented("/api/meetings/{id}/versions", "get", 200, versions.json);
    assert.equal((versions.json.data as Json[]).length, 1);

    const publicMeeting = await (await app.request(`/api/meetings/${meeting.id}`)).text();
    assert.match(publicMeeting, /Status fra KlimaNord 2025/);
    assert.match(publicMeeting, /Lukket punkt/);
    assert.doesNotMatch(publicMeeting, /Personalesag|Fortroligt/);

    const plan = await call("GET", `/api/bodies/${body.id}/meeting-plan`);
    assert.equal((plan.json.data as Json[])[0]?.phase, "agenda-sent");
    const template = await call("GET", `/api/bodies/${body.id}/agenda-template`);
    assert.equal(template.json.stored, false);
    const edited = await call("PUT", `/api/bodies/${body.id}/agenda-template`, {
      sections: [{ title: "Sager", purpose: "regular", items: [] }],
    });
    assert.equal(edited.status, 200);
    assert.equal(edited.json.stored, true);
    assertDocumented("/api/bodies/{id}/agenda-template", "put", 200, edited.json);
    assertDocumented("/api/bodies/{id}/agenda-template", "get", 200, template.json);
    assertDocumented("/api/bodies/{id}/meeting-plan", "get", 200, plan.json);
    const removed = await call("DELETE", `/api/items/${klima.json.id}`);
    assert.equal(removed.status, 200);

    const audit = await listAuditEntries(db, {});
    const byToken = audit
      .filter((e) => e.actorTokenId !== null && e.actorUserId === secretary.id)
      .map((e) => e.action);
    for (const action of [
      "meeting-create",
      "agenda-draft",
      "agenda-item-create",
      "agenda-item-move",
      "annex-upload",
      "agenda-item-update",
      "agenda-send",
      "agenda-template-update",
      "agenda-item-remove",
    ]) {
      assert.ok(byToken.includes(action), `${action} audited with the token`);
    }
  });
});
