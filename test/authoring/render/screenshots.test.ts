/**
 * Pictures of the documents Rådsinfo writes, to be looked at: the agenda's front page and an item page,
 * the annex pack's contents page and a stamped annex page, as PNG through pdftoppm (poppler-utils) in
 * test-output/screenshots/.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderAgendaPdf } from "../../../src/authoring/render/agenda-pdf.js";
import { buildAnnexPack } from "../../../src/authoring/render/annex-pack.js";
import { loadIngestOptions, parseSource } from "../../../src/ingest/index.js";
import { kkrAgenda } from "./sample-agendas.js";
import { makeAnnexPdf, realAnnexes } from "./sample-annexes.js";

const SHOTS = "test-output/screenshots";

/** Writes page `page` of `pdf` as `name` in SHOTS. */
function shoot(pdf: Uint8Array, page: number, name: string): void {
  const dir = mkdtempSync(join(tmpdir(), "raadsinfo-shot-"));
  try {
    const input = join(dir, "in.pdf");
    writeFileSync(input, pdf);
    execFileSync("pdftoppm", [
      "-r",
      "90",
      "-png",
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      input,
      join(dir, "out"),
    ]);
    mkdirSync(SHOTS, { recursive: true });
    renameSync(join(dir, "out.png"), join(SHOTS, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(statSync(join(SHOTS, name)).size > 5_000, name);
}

describe("screenshots of the rendered PDFs", () => {
  it("agenda: front page and the page of item 2.1", async () => {
    const pdf = renderAgendaPdf(kkrAgenda("public"));
    const parsed = await parseSource(
      { file: "dagsorden.pdf", bytes: pdf, sha256: "0" },
      await loadIngestOptions(),
    );
    const itemPage = parsed.items.find((item) => item.number === "2.1")?.source.page;
    assert.ok(itemPage);
    shoot(pdf, 1, "agenda-front.png");
    shoot(pdf, itemPage, "agenda-item.png");
  });

  it("annex pack: contents page and a stamped annex page", async () => {
    const pdf = await buildAnnexPack({
      body: "KKR Nordjylland",
      meetingDate: "2024-09-20",
      annexes: [
        ...(await realAnnexes(2, 1)),
        {
          itemNumber: "2.3",
          itemTitle: "Drøftelse af rammerne for det fremtidige tværkommunale samarbejde i KKR",
          annexNumber: 1,
          title: "KKR-undersøgelse (datarapport)",
          pdf: await makeAnnexPdf("KKR-undersøgelse (datarapport)", 2),
        },
      ],
    });
    shoot(pdf, 1, "annex-pack-contents.png");
    shoot(pdf, 2, "annex-pack-stamped.png");
    shoot(pdf, 4, "annex-pack-stamped-scan.png");
  });
});
