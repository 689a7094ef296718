/** @module The audit log on both backends: appended, listed newest first with actor names, paged, as CSV. */
import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AUDIT_CSV_HEADER,
  apiTokenCreator,
  auditAppend,
  auditCsvRows,
  auditList,
  CLI_ACTOR,
  tokenActor,
  userActor,
  userCreator,
} from "../../src/accounts/index.js";
import { toCsv } from "../../src/export/csv.js";
import { forEachBackend } from "../support/stores.js";
import { MINUTE, plus, T0, uniqueEmail } from "./support.js";

forEachBackend("accounts: audit log", (store) => {
  it("appends entries by user, token and command line, and lists them newest first", async () => {
    const { db } = store();
    const email = uniqueEmail("revisor");
    const { user } = await userCreator({
      db,
      email,
      name: "Revisor",
      role: "administrator",
      actor: CLI_ACTOR,
      now: T0,
    });
    const token = await apiTokenCreator({ db, email, actor: userActor(user.id), now: plus(T0, MINUTE) });
    await auditAppend({
      db,
      actor: tokenActor(user.id, token.id),
      action: "meeting-publish",
      targetKind: "meeting",
      targetId: 42,
      before: { state: "planned" },
      after: { state: "agenda-sent", titel: "Møde i KKR, æøå" },
      now: plus(T0, 2 * MINUTE),
    });
    const entries = await auditList({ db, limit: 3 });
    assert.deepEqual(
      entries.map((e) => e.action),
      ["meeting-publish", "token-create", "user-create"],
    );
    const [publish, tokenCreate, userCreate] = entries;
    assert.equal(publish?.actorEmail, email);
    assert.equal(publish?.actorTokenPrefix, token.prefix);
    assert.deepEqual(publish?.before, { state: "planned" });
    assert.deepEqual(publish?.after, { state: "agenda-sent", titel: "Møde i KKR, æøå" });
    assert.equal(tokenCreate?.actorUserId, user.id);
    assert.equal(tokenCreate?.actorTokenId, null);
    assert.equal(userCreate?.actorUserId, null);
    assert.ok(!JSON.stringify(entries).includes(token.token), "no token value in the log");

    const page2 = await auditList({ db, beforeId: publish!.id, limit: 1 });
    assert.equal(page2[0]?.id, tokenCreate?.id);
    const forMeeting = await auditList({ db, targetKind: "meeting", targetId: 42 });
    assert.equal(forMeeting.length, 1);

    const rows = auditCsvRows(entries);
    assert.equal(rows[0]?.length, AUDIT_CSV_HEADER.length);
    assert.equal(rows[0]?.[1], plus(T0, 2 * MINUTE).toISOString());
    assert.equal(rows[2]?.[3], "kommandolinje");
    const csv = toCsv(AUDIT_CSV_HEADER, rows);
    assert.match(
      csv,
      /meeting-publish,meeting,42,"\{""state"":""planned""\}","\{""state"":""agenda-sent"",""titel"":""Møde i KKR, æøå""\}"/,
    );
  });
});
