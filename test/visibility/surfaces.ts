/**
 * The surfaces of the closed-item cases: how a scenario of closed-items.case.ts is imported, and, for
 * every public surface (portal pages, original downloads, feeds and calendar, exports, the JSON API,
 * OParl, search), what a visitor fetches and what must hold of it. closed-items.test.ts runs them as the
 * public, signed-in.test.ts as a member of another body; both must see the same.
 */
import assert from "node:assert/strict";
import { finishImports, importDocument, type Store } from "../../src/store/index.js";
import { minutesOf, packOf, type Scenario, wordsOf } from "./closed-items.case.js";

export const BASE = "http://localhost:3000";
export const CPR_SCENARIO: Scenario = {
  key: "p",
  title: "CPR",
  steps: [],
  itemTwoListed: true,
  packLinked: true,
};

/** The rows a scenario made, found by its body. */
export interface Made {
  readonly bodyId: number;
  readonly meetingId: number;
  readonly openItemId: number;
  /** Null once the corrected minutes dropped it and it was never stored (never: removal is soft). */
  readonly closedItemId: number;
  readonly openAnnexId: number;
  readonly closedAnnexId: number;
  readonly packOriginalId: number;
  readonly minutesOriginalId: number;
}

export async function importScenario(store: Store, s: Scenario): Promise<Made> {
  const { db } = store;
  for (const step of s.steps) {
    if (step.kind === "minutes") await importDocument(db, minutesOf(s, step));
    else {
      const { parsed, content } = packOf(s, step);
      await importDocument(db, parsed, { content, mime: "text/plain; charset=utf-8" });
    }
  }
  await finishImports(db);
  const body = await db
    .selectFrom("body")
    .select("id")
    .where("name", "=", wordsOf(s).body)
    .executeTakeFirstOrThrow();
  const meeting = await db
    .selectFrom("meeting")
    .select("id")
    .where("body_id", "=", body.id)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom("agenda_item")
    .select(["id", "number"])
    .where("meeting_id", "=", meeting.id)
    .execute();
  const files = await db
    .selectFrom("file")
    .select(["id", "role", "item_number", "file_name"])
    .where("deleted", "=", false)
    .where("file_name", "like", `%-${s.key}%.txt`)
    .execute();
  const id = (rows: { id: number }[], what: string) => {
    const row = rows[0];
    assert.ok(row, `${s.title}: no ${what}`);
    return row.id;
  };
  return {
    bodyId: body.id,
    meetingId: meeting.id,
    openItemId: id(
      items.filter((i) => i.number === "1.1"),
      "item 1.1",
    ),
    closedItemId: id(
      items.filter((i) => i.number === "1.2"),
      "item 1.2",
    ),
    openAnnexId: id(
      files.filter((f) => f.role === "annex" && f.item_number === "1.1"),
      "annex of 1.1",
    ),
    closedAnnexId: id(
      files.filter((f) => f.role === "annex" && f.item_number === "1.2"),
      "annex of 1.2",
    ),
    packOriginalId: id(
      files.filter((f) => f.role === "original" && f.file_name.startsWith("bilag-")),
      "pack original",
    ),
    minutesOriginalId: id(
      files.filter((f) => f.role === "original" && f.file_name.startsWith("referat-")),
      "minutes original",
    ),
  };
}

export interface Fetched {
  readonly status: number;
  readonly text: string;
}

/** One surface: the responses a visitor gets for a scenario, and what else must hold of them. */
export interface Surface {
  readonly name: string;
  fetch(get: (path: string) => Promise<Fetched>, s: Scenario, m: Made): Promise<Record<string, Fetched>>;
  check?(responses: Record<string, Fetched>, s: Scenario, m: Made): void;
}

const closedItemLine = (_m: Made) =>
  `<li id="punkt-1.2" class="agenda__item agenda__item--closed"><span class="agenda__number">1.2</span> Lukket punkt</li>`;

export const SURFACES: readonly Surface[] = [
  {
    name: "portal pages",
    fetch: async (get, _s, m) => ({
      front: await get("/"),
      body: await get(`/organ/${m.bodyId}`),
      meeting: await get(`/moede/${m.meetingId}`),
      closedItem: await get(`/punkt/${m.closedItemId}`),
      openItem: await get(`/punkt/${m.openItemId}`),
      openAnnex: await get(`/bilag/${m.openAnnexId}`),
      openAnnexSearch: await get(`/bilag/${m.openAnnexId}?q=personalesagen`),
    }),
    check: (r, s, m) => {
      assert.equal(r.meeting!.status, 200);
      if (s.itemTwoListed) {
        assert.ok(r.meeting!.text.includes(closedItemLine(m)), "meeting page lists 1.2 as Lukket punkt");
        assert.equal(r.closedItem!.status, 200);
        assert.match(r.closedItem!.text, /Lukket punkt<\/h1>/);
      } else {
        assert.doesNotMatch(r.meeting!.text, /punkt-1\.2/);
        assert.equal(r.closedItem!.status, 404);
      }
      const own = [m.openAnnexId, m.closedAnnexId, m.packOriginalId, m.minutesOriginalId];
      for (const [, id] of r.meeting!.text.matchAll(/href="\/bilag\/(\d+)/g)) {
        assert.ok(own.includes(Number(id)), `the meeting page lists file ${id} of another meeting`);
      }
      assert.equal(r.openItem!.status, 200);
      assert.ok(r.openItem!.text.includes(wordsOf(s).shared), "the open item is shown");
      assert.equal(r.openAnnex!.status, s.packLinked ? 200 : 404);
      if (s.packLinked)
        assert.ok(r.openAnnex!.text.includes(wordsOf(s).openAnnex), "the open annex is shown");
    },
  },
  {
    name: "annex pages and original downloads",
    fetch: async (get, _s, m) => ({
      closedAnnex: await get(`/bilag/${m.closedAnnexId}`),
      closedAnnexOriginal: await get(`/bilag/${m.closedAnnexId}/original`),
      openAnnexOriginal: await get(`/bilag/${m.openAnnexId}/original`),
      packOriginal: await get(`/bilag/${m.packOriginalId}/original`),
      minutesOriginal: await get(`/bilag/${m.minutesOriginalId}/original`),
    }),
    check: (r) => {
      for (const [what, res] of Object.entries(r)) assert.equal(res.status, 404, `${what} is withheld`);
    },
  },
  {
    name: "feeds and calendar",
    fetch: async (get, _s, m) => ({
      rss: await get(`/organ/${m.bodyId}/feed.rss`),
      atom: await get(`/organ/${m.bodyId}/feed.atom`),
      ics: await get(`/organ/${m.bodyId}/moeder.ics`),
    }),
    check: (r, s) => {
      const ics = r.ics!.text.replace(/\r\n /g, "");
      if (s.itemTwoListed) assert.match(ics, /\\n1\.2 Lukket punkt\\n/);
      assert.doesNotMatch(r.rss!.text, /Beslutning: 1\.2/);
    },
  },
  {
    name: "exports",
    fetch: async (get, _s, m) => ({
      csv: await get(`/organ/${m.bodyId}/eksport.csv`),
      json: await get(`/organ/${m.bodyId}/eksport.json`),
    }),
    check: (r, s) => {
      assert.equal(r.csv!.status, 200);
      assert.ok(r.csv!.text.includes(wordsOf(s).shared), "the export holds the open item");
    },
  },
  {
    name: "JSON API",
    fetch: async (get, _s, m) => ({
      meeting: await get(`/api/meetings/${m.meetingId}`),
      closedItem: await get(`/api/items/${m.closedItemId}`),
      openItem: await get(`/api/items/${m.openItemId}`),
      persons: await get(`/api/persons?body=${m.bodyId}`),
    }),
    check: (r, s, m) => {
      const meeting = JSON.parse(r.meeting!.text) as {
        items: { id: number; public: boolean; title: string }[];
        files: { id: number }[];
      };
      const closed = meeting.items.find((i) => i.id === m.closedItemId);
      if (s.itemTwoListed) assert.deepEqual([closed?.public, closed?.title], [false, "Lukket punkt"]);
      else assert.equal(closed, undefined);
      const fileIds = meeting.files.map((f) => f.id);
      assert.ok(!fileIds.includes(m.closedAnnexId), "no closed annex in the meeting's files");
      assert.equal(
        fileIds.includes(m.openAnnexId),
        false,
        "the open annex's pack holds a closed annex: its bytes are withheld",
      );
      assert.equal(r.closedItem!.status, s.itemTwoListed ? 200 : 404);
    },
  },
  {
    name: "OParl",
    fetch: async (get, _s, m) => ({
      ...(await crawlOparl(get, m.bodyId)),
      closedAnnex: await get(`/oparl/v1/file/${m.closedAnnexId}`),
      packOriginal: await get(`/oparl/v1/file/${m.packOriginalId}`),
    }),
    check: (r) => {
      assert.equal(r.closedAnnex!.status, 404);
      assert.equal(r.packOriginal!.status, 404);
    },
  },
  {
    name: "search",
    fetch: async (get, s) => {
      const w = wordsOf(s);
      // The answer repeats the query: that echo is the visitor's own word, not the store's. A word is
      // searched as typed (asTyped=1): read as its nearest public word, another scenario's, it finds that.
      const q = async (query: string, asTyped = true) => {
        const res = await get(`/api/search?q=${encodeURIComponent(query)}${asTyped ? "&asTyped=1" : ""}`);
        if (res.status !== 200) return res;
        const { query: _echo, ...rest } = JSON.parse(res.text) as Record<string, unknown>;
        return { status: res.status, text: JSON.stringify(rest) };
      };
      const page = async (query: string) => {
        const res = await get(`/soeg?q=${encodeURIComponent(query)}`);
        // A highlighted hit would be "<mark>word</mark>": only the unmarked echo is removed.
        return { status: res.status, text: res.text.replace(new RegExp(`(?<!<mark>)${query}`, "g"), "") };
      };
      return {
        closedItem: await q(w.closedItem),
        closedAnnex: await q(w.closedAnnex),
        closedAnnexTitle: await q("personalesagen"),
        shared: await q(w.shared),
        openAnnex: await q(w.openAnnex),
        // "Mente du", and the search of a misspelling as its nearest word: a word one letter off each
        // closed word must not be answered with it.
        typoItem: await q(w.closedItem.slice(0, -2) + w.closedItem.slice(-1), false),
        typoAnnex: await q(w.closedAnnex.slice(0, -2) + w.closedAnnex.slice(-1), false),
        page: await page(w.closedAnnex),
        pageItem: await page(w.closedItem),
      };
    },
    check: (r, s, m) => {
      const json = (f: Fetched) =>
        JSON.parse(f.text) as {
          total: number;
          suggestion: string | null;
          facets: Record<string, { count: number }[]>;
        };
      assert.equal(json(r.closedItem!).total, 0, "the closed item's word finds nothing");
      assert.equal(json(r.closedAnnex!).total, 0, "the closed annex's word finds nothing");
      // Found in item 1.1 only; every facet counts that one result and no more.
      const shared = json(r.shared!);
      assert.equal(shared.total, 1, `the shared word finds the open item alone: ${r.shared!.text}`);
      for (const [facet, counts] of Object.entries(shared.facets)) {
        for (const c of counts) assert.ok(c.count <= 1, `facet ${facet} counts ${JSON.stringify(c)}`);
      }
      assert.equal(json(r.openAnnex!).total, s.packLinked ? 1 : 0);
      const w = wordsOf(s);
      assert.ok(
        !r.typoItem!.text.includes(w.closedItem),
        `neither offered nor searched: ${r.typoItem!.text}`,
      );
      assert.ok(
        !r.typoAnnex!.text.includes(w.closedAnnex),
        `neither offered nor searched: ${r.typoAnnex!.text}`,
      );
      assert.ok(!r.page!.text.includes(`/bilag/${m.closedAnnexId}`), "the search page links no closed annex");
    },
  },
];

/** Every OParl object reachable from the body, in its own lists and their embedded objects. */
async function crawlOparl(
  get: (path: string) => Promise<Fetched>,
  bodyId: number,
): Promise<Record<string, Fetched>> {
  const root = `${BASE}/oparl/v1`;
  const queue = [`${root}/body/${bodyId}`];
  const seen = new Set(queue);
  const out: Record<string, Fetched> = {};
  while (queue.length > 0 && seen.size < 250) {
    const url = queue.shift()!;
    const res = await get(url.slice(BASE.length));
    out[url] = res;
    if (res.status !== 200) continue;
    for (const m of res.text.matchAll(/"(http:\/\/localhost:3000\/oparl\/v1\/[^"]+)"/g)) {
      const next = m[1]!;
      // Other bodies are other scenarios' business; downloads are not JSON.
      const ofBody = /^\/body\/(\d+)/.exec(next.slice(root.length));
      if (ofBody && Number(ofBody[1]) !== bodyId) continue;
      if (/\/(system|body)$/.test(next) || /\/(download|access)$/.test(next) || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return out;
}
