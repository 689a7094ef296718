/**
 * The alert digest as one more public surface (issue 16): for every closed-item case of
 * closed-items.case.ts, the digest of the scenario's body and of a search for each of its secret words
 * holds none of them, while the body's digest does hold the open item. What a mail may carry is decided
 * by the same visibility rule as every page.
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { alertDigestMail, alertSearchItemIds } from "../../src/alerts/index.js";
import { type AlertTarget, alertNews } from "../../src/store/index.js";
import { forEachBackend } from "../support/stores.js";
import { SCENARIOS, secretsOf, wordsOf } from "./closed-items.case.js";
import { importScenario, type Made } from "./surfaces.js";

forEachBackend("closed items in alert digests", (store) => {
  const made = new Map<string, Made>();
  // All time: everything the scenarios imported is news.
  const window = { since: new Date(0), until: new Date(Date.now() + 3_600_000) };

  before(async () => {
    for (const s of SCENARIOS) made.set(s.key, await importScenario(store(), s));
  });

  async function digestText(target: AlertTarget, name: string): Promise<string> {
    const { db } = store();
    const ids = target.kind === "search" ? await alertSearchItemIds(db, target.query) : [];
    const news = await alertNews(db, target, window, ids);
    return alertDigestMail({
      to: "læser@eksempel.dk",
      target,
      targetName: name,
      news,
      since: window.since,
      baseUrl: "https://raadsinfo.test",
      unsubscribeUrl: "https://raadsinfo.test/afmeld/x",
    }).text;
  }

  for (const s of SCENARIOS) {
    it(`body and search digests: ${s.title}`, async () => {
      const m = made.get(s.key)!;
      const body = await digestText({ kind: "body", bodyId: m.bodyId }, wordsOf(s).body);
      for (const secret of secretsOf(s))
        assert.ok(!body.includes(secret), `the body's digest shows "${secret}"`);
      assert.ok(body.includes(`/punkt/${m.openItemId}`), "the body's digest lists the open item");
      assert.ok(!body.includes(`/punkt/${m.closedItemId}`), "the body's digest lists no closed item");
      const shared = await digestText({ kind: "search", query: wordsOf(s).shared }, "søgning");
      assert.ok(
        shared.includes(`/punkt/${m.openItemId}`),
        "a search for the shared word finds the open item",
      );
      assert.ok(!shared.includes(`/punkt/${m.closedItemId}`), "and not the closed one");
      for (const secret of secretsOf(s)) {
        const found = await digestText({ kind: "search", query: secret }, "søgning");
        assert.doesNotMatch(found, /\/punkt\/\d+/, `a search for "${secret}" brings an item into a digest`);
      }
    });
  }
});
