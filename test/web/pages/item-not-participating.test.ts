/**
 * Who did not take part in an item's treatment ("Keld Hvalsø deltog ikke i sagens behandling") is stored
 * with the item on import and shown on its page and in the JSON API; other items say nothing of it.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, it } from "node:test";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { importDocument } from "../../../src/store/index.js";
import { createApp } from "../../../src/web/app.js";
import { forEachBackend } from "../../support/stores.js";

const MINUTES = [
  "Referat Udvalget for sundhed for alle 28-08-2019",
  "",
  "1. Godkendelse af dagsorden",
  "Beslutning",
  "Godkendt.",
  "",
  "2. Indstilling om forslag om udbudsstrategi",
  "Beslutning",
  "Fremsendes til Aarhus Byråd.",
  "Keld Hvalsø og Anne Sørensen deltog ikke i sagens behandling.",
  "",
].join("\n");

forEachBackend("item: who did not take part in its treatment", (store) => {
  const itemId = async (number: string) =>
    (
      await store()
        .db.selectFrom("agenda_item")
        .select("id")
        .where("number", "=", number)
        .executeTakeFirstOrThrow()
    ).id;

  before(async () => {
    const bytes = new TextEncoder().encode(MINUTES);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const doc = await parseSource(
      { file: "referat-2019-08-28.txt", bytes, sha256 },
      await loadIngestOptions(),
    );
    await importDocument(store().db, doc, { content: bytes });
  });

  it("names them on the item's page, in Danish list form, and on no other item", async () => {
    const app = createApp({ db: store().db });
    const page = await (await app.request(`/punkt/${await itemId("2")}`)).text();
    assert.match(page, /<dt>Deltog ikke i behandlingen<\/dt><dd>Keld Hvalsø og Anne Sørensen<\/dd>/);
    const other = await (await app.request(`/punkt/${await itemId("1")}`)).text();
    assert.doesNotMatch(other, /Deltog ikke i behandlingen/);
  });

  it("gives them in the JSON API", async () => {
    const app = createApp({ db: store().db });
    const json = (await (await app.request(`/api/items/${await itemId("2")}`)).json()) as {
      notParticipating: string[];
    };
    assert.deepEqual(json.notParticipating, ["Keld Hvalsø", "Anne Sørensen"]);
  });
});
