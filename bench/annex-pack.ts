/**
 * @module Time to build an annex pack of 300 pages (issue 13: "a pack of 300 pages builds in seconds"):
 * the three real annexes in ../shared/real-pdf (the KL report of 108 pages, the Aarhus table, the scanned
 * Ballerup list) and made annexes of six pages up to 300, with contents page, stamps and bookmarks.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildAnnexPack } from "../src/authoring/render/annex-pack.js";
import type { AnnexPackEntry } from "../src/domain/index.js";
import { makeAnnexPdf } from "../test/authoring/render/sample-annexes.js";
import type { BenchOptions, Figure } from "./figure.js";
import { step } from "./progress.js";
import { median, round } from "./stats.js";

const PAGES = 300;

const REAL = [
  ["kl-det-naere-sundhedsvaesen-2012-bilag.pdf", 108, "Det nære sundhedsvæsen"],
  ["aarhus-sundhed-og-omsorg-2025-08-29-bilag.pdf", 4, "Sager på vej"],
  ["ballerup-2012-11-15-bilag-scannet.pdf", 8, "Ejendomsoversigt (scannet)"],
] as const;

export async function run(options: BenchOptions): Promise<Figure[]> {
  const name = `annex pack of ${PAGES} pages: build time`;
  const realDir = resolve(options.seedsDir, "..", "real-pdf");
  const annexes: AnnexPackEntry[] = [];
  let pages = 0;
  REAL.forEach(([file, count, title], index) => {
    annexes.push({
      itemNumber: `2.${index + 1}`,
      annexNumber: 1,
      title,
      pdf: readFileSync(join(realDir, file)),
    });
    pages += count;
  });
  for (let n = 0; pages < PAGES; n++) {
    const count = Math.min(6, PAGES - pages);
    const title = `Notat nr. ${n + 1} om grøn omstilling`;
    annexes.push({
      itemNumber: `3.${Math.floor(n / 3) + 1}`,
      annexNumber: (n % 3) + 1,
      title,
      pdf: await makeAnnexPdf(title, count),
    });
    pages += count;
  }
  const runs = options.quick ? 1 : 3;
  const times: number[] = [];
  let bytes = 0;
  for (let index = 0; index < runs; index++) {
    step(`annex pack ${index + 1}/${runs}: ${annexes.length} annexes, ${pages} pages`);
    const t0 = performance.now();
    const pdf = await buildAnnexPack({ body: "KKR Nordjylland", meetingDate: "2024-09-20", annexes });
    times.push(performance.now() - t0);
    bytes = pdf.length;
  }
  const seconds = (median(times) ?? 0) / 1000;
  return [
    {
      name,
      value: round(seconds, 2),
      unit: "s",
      target: "< 10",
      note: `${annexes.length} annexes (3 real, one scanned), median of ${runs}, ${(bytes / 1e6).toFixed(1)} MB`,
    },
    {
      name: `annex pack of ${PAGES} pages: pages per second`,
      value: round(pages / seconds, 0),
      unit: "pages/s",
    },
  ];
}
