/**
 * The digest mail as its reader sees it: each new item with its link, the unsubscribe headers of RFC 8058,
 * and, where more was new than a digest lists, a line that says so and links to the followed page.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { alertDigestMail } from "../../src/alerts/alert-mail.js";
import type { AlertNews } from "../../src/store/index.js";

const item = (n: number) => ({
  itemId: 100 + n,
  meetingId: 7,
  meetingDate: "2024-09-20",
  bodyName: "KKR Nordjylland",
  number: `2.${n}`,
  title: `Punkt nummer ${n}`,
  decision: n === 1 ? "Godkendt." : null,
});

function digest(news: AlertNews, query = "lærepladser") {
  return alertDigestMail({
    to: "borger@example.dk",
    target: { kind: "search", query },
    targetName: query,
    news,
    since: new Date("2024-09-19T08:00:00Z"),
    baseUrl: "https://raadsinfo.example.dk/",
    unsubscribeUrl: "https://raadsinfo.example.dk/afmeld/abc",
  });
}

describe("alert digest mail", () => {
  it("lists each item with its decision and link, and carries the one-click unsubscribe headers", () => {
    const mail = digest({ meetings: [], items: [item(1), item(2)], moreItems: false });
    assert.match(mail.text, /- KKR Nordjylland, mødet 20\. september 2024, punkt 2\.1: Punkt nummer 1/);
    assert.match(mail.text, /Beslutning: Godkendt\./);
    assert.match(mail.text, /https:\/\/raadsinfo\.example\.dk\/punkt\/102/);
    assert.doesNotMatch(mail.text, /flere nye punkter/);
    assert.equal(mail.headers?.["List-Unsubscribe"], "<https://raadsinfo.example.dk/afmeld/abc>");
    assert.equal(mail.headers?.["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
  });

  it("says when more was new than it lists, and links to the search sorted by date", () => {
    const mail = digest({ meetings: [], items: [item(1)], moreItems: true }, "grøn omstilling");
    assert.match(
      mail.text,
      /Der er flere nye punkter, end der er plads til her\. Se dem alle: https:\/\/raadsinfo\.example\.dk\/soeg\?q=gr%C3%B8n%20omstilling&sort=date/,
    );
  });
});
