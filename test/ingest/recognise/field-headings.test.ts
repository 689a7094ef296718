/**
 * @module Field headings of municipal and regional layouts: the extra fields ("Økonomi", "Sagen afgøres
 * af", "Beslutningstema"), headings glued to a sentence or in capitals, dated decisions of several bodies
 * and the earlier treatments under "Sagsforløb", on real lines of ../shared/real-world and the Aarhus
 * minutes in ../shared/real-pdf.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { ParsedDocument, ParsedItem } from "../../../src/domain/index.js";
import { loadIngestOptions, parseSource, readSourceFile } from "../../../src/ingest/index.js";
import { readCaseHistory } from "../../../src/ingest/recognise/case-history.js";
import { parseDecisionHeading, settleDecisions } from "../../../src/ingest/recognise/decisions.js";
import { readFieldHeading, readGluedHeading } from "../../../src/ingest/recognise/field-headings.js";
import type { IngestOptions } from "../../../src/ingest/types.js";

const shared = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "shared");
const realWorld = (name: string) => join(shared, "real-world", name);
const aarhusMinutes = join(shared, "real-pdf", "aarhus-byraad-2025-08-27-referat.pdf");

/** A line of a real excerpt with white space collapsed; fails when the file lacks it. */
function realLine(file: string, starts: string): string {
  const line = readFileSync(realWorld(file), "utf8")
    .split("\n")
    .map((text) => text.replace(/\s+/g, " ").trim())
    .find((text) => text.startsWith(starts));
  assert.ok(line, `${file} has a line starting "${starts}"`);
  return line;
}

let options: IngestOptions;
const parsed = new Map<string, ParsedDocument>();
async function parse(path: string): Promise<ParsedDocument> {
  const known = parsed.get(path);
  if (known) return known;
  const doc = await parseSource(await readSourceFile(path), options);
  parsed.set(path, doc);
  return doc;
}
function item(doc: ParsedDocument, number: string | null, title?: string): ParsedItem {
  const found = doc.items.find((candidate) =>
    title ? candidate.title.startsWith(title) : candidate.number === number,
  );
  assert.ok(found, `item ${number ?? title} is found`);
  return found;
}
const headings = (found: ParsedItem) => (found.extraFields ?? []).map((field) => field.heading);
const extra = (found: ParsedItem, key: string) => found.extraFields?.find((field) => field.key === key);

before(async () => {
  options = await loadIngestOptions();
});

describe("field headings beyond the contract's six", () => {
  test("extra headings on real lines, each under its key with the heading as printed", () => {
    const cases: [string, string, string][] = [
      ["02.txt", "Beslutningstema", "beslutningstema"],
      ["02.txt", "Sagens indhold", "sagens_indhold"],
      ["02.txt", "Kompetence", "kompetence"],
      ["03.txt", "Økonomi", "oekonomi"],
      ["03.txt", "Beslutningskompetence", "kompetence"],
      ["05.txt", "Anledning", "anledning"],
      ["05.txt", "Forventet sagsgang", "sagsgang"],
      ["07.txt", "Sagen afgøres af", "kompetence"],
      ["07.txt", "Økonomiske konsekvenser", "oekonomi"],
      ["23.txt", "Sagens kerne", "sagens_kerne"],
      ["23.txt", "Bilag", "bilag"],
      ["06.txt", "Inddragelse", "hoering"],
    ];
    for (const [file, starts, key] of cases) {
      const line = realLine(file, starts);
      assert.deepEqual(readFieldHeading(line), { target: { kind: "extra", key }, heading: line }, line);
    }
  });

  test("capitals, bullets and other names of the contract's fields", () => {
    assert.deepEqual(readFieldHeading(realLine("22.txt", "POLITISK BEHANDLING"))?.target, {
      kind: "field",
      key: "beslutning",
    });
    assert.deepEqual(readFieldHeading(realLine("22.txt", "BAGGRUND"))?.target, {
      kind: "field",
      key: "baggrund",
    });
    assert.deepEqual(readFieldHeading(realLine("19.txt", "• Sagsfremstilling"))?.target, {
      kind: "field",
      key: "sagsfremstilling",
    });
    assert.deepEqual(readFieldHeading(realLine("25.txt", "Sagens forløb"))?.target, {
      kind: "field",
      key: "sagsforloeb",
    });
    assert.deepEqual(readFieldHeading(realLine("06.txt", "Åben beslutning"))?.target, {
      kind: "field",
      key: "beslutning",
    });
    // Region Syddanmark's pages print a fold control before each heading.
    assert.deepEqual(readFieldHeading(realLine("12.txt", "fold dette punkt ind Sagsfremstilling")), {
      target: { kind: "field", key: "sagsfremstilling" },
      heading: "Sagsfremstilling",
    });
  });

  test("a sentence or a name that merely starts with a field word is no heading", () => {
    for (const text of [
      "Økonomien er stram i 2024, og der er ingen buffer.",
      "Økonomiudvalget",
      "økonomi",
      "Sagen afgøres af Byrådet den 5. maj.",
      realLine("02.txt", "Byrådet skal på baggrund af indstilling"),
      realLine("01.txt", "54. Beslutning om genåbning").replace(/^54\. /, ""),
      realLine("01.txt", "55. Beslutning om opfølgning").replace(/^55\. /, ""),
    ]) {
      assert.equal(readFieldHeading(text), null, text);
    }
  });
});

describe("headings glued to the previous sentence", () => {
  test("real-world 07: Sagsfremstilling and Økonomi after a finished sentence", () => {
    const resume = realLine("07.txt", "Vestskolens bestyrelse er inviteret");
    const glued = readGluedHeading(resume);
    assert.equal(glued?.heading, "Sagsfremstilling");
    assert.equal(resume.slice(0, glued?.at), "Vestskolens bestyrelse er inviteret til dialogmøde kl. 16.30.");
    assert.deepEqual(readGluedHeading(realLine("07.txt", "Formanden for Børn"))?.target, {
      kind: "extra",
      key: "oekonomi",
    });
  });

  test("an annex list, an abbreviation or a word without a sentence end is none", () => {
    assert.equal(readGluedHeading(realLine("23.txt", "Bilag 1: Notat Status")), null);
    assert.equal(readGluedHeading("Udgifterne afholdes jf. Økonomi"), null);
    assert.equal(readGluedHeading("Udvalget drøfter emnet Økonomi"), null);
  });

  test("the parts go to their fields, the resumé ends at its last sentence", async () => {
    const dialogue = item(await parse(realWorld("07.txt")), "100");
    assert.equal(dialogue.fields.resume, "Vestskolens bestyrelse er inviteret til dialogmøde kl. 16.30.");
    assert.match(dialogue.fields.sagsfremstilling ?? "", /^Vestskolen har ikke fremsendt/);
    assert.match(dialogue.fields.sagsfremstilling ?? "", /ønsker at drøfte Terslev skole\.$/);
    assert.deepEqual(headings(dialogue), ["Økonomi", "Økonomiske konsekvenser", "Sagen afgøres af"]);
    assert.equal(extra(dialogue, "kompetence")?.text, "Børn & Læringsudvalget.");
  });
});

describe("extra fields in document order, nothing lost", () => {
  test("real-world 02: Kompetence and Beslutningstema no longer run on in the decision", async () => {
    const budget = item(await parse(realWorld("02.txt")), "2");
    assert.doesNotMatch(budget.fields.beslutning ?? "", /Kompetence|Beslutningstema/);
    assert.deepEqual(headings(budget), ["Kompetence", "Beslutningstema", "Sagens indhold"]);
    assert.equal(extra(budget, "kompetence")?.text, "Byrådet");
    assert.match(
      extra(budget, "sagens_indhold")?.text ?? "",
      /^Formålet med at gennemføre budgetopfølgning 1/,
    );
  });

  test("every line of an item's source ends up in its title, fields, extra fields, decisions or notes", async () => {
    const skeleton = (text: string) => text.replace(/[\s\u00A0:-]/g, "");
    for (const file of ["02.txt", "03.txt", "05.txt", "07.txt", "23.txt"]) {
      const doc = await parse(realWorld(file));
      const lines = readFileSync(realWorld(file), "utf8").split("\n");
      for (const found of doc.items) {
        if (Object.keys(found.fields).length === 0) continue;
        const kept = skeleton(
          [
            found.title,
            found.caseNumber ?? "",
            ...Object.values(found.fields),
            ...(found.extraFields ?? []).flatMap((field) => [field.heading, field.text]),
            ...(found.decisions ?? []).flatMap((decision) => [decision.heading, decision.text]),
            found.notes ?? "",
          ].join(""),
        );
        // The heading line holds the number with the title.
        for (let line = found.source.lineStart + 1; line <= found.source.lineEnd; line++) {
          const text = (lines[line - 1] ?? "").replace(/^\s*[•·]\s*/u, "");
          const glued = readGluedHeading(text.trim());
          const parts = glued
            ? [text.slice(0, text.indexOf(glued.heading, glued.at - 2)), glued.heading]
            : [text];
          for (const part of parts) {
            const wanted = skeleton(part).replace(/:$/, "");
            if (wanted.length === 0 || readFieldHeading(part.trim())) continue;
            // "Sag nr. 162" under the title is the item's number line.
            if (part.length < 20 && found.number !== null && part.includes(found.number)) continue;
            assert.ok(
              kept.includes(wanted),
              `${file} item ${found.number}: line ${line} "${part.trim()}" is kept`,
            );
          }
        }
      }
    }
  });

  test("an extra field with a numbered list keeps it as blocks (real-world 23, Sagens kerne)", async () => {
    const notices = item(await parse(realWorld("23.txt")), "162");
    const core = extra(notices, "sagens_kerne");
    assert.ok(core?.blocks, "Sagens kerne has blocks");
    const list = core.blocks.find((block) => block.type === "list");
    assert.equal(list?.type === "list" ? list.items.length : 0, 2);
  });

  test("bulleted field headings (real-world 19): an unbulleted sub-heading stays inside Sagsfremstilling", async () => {
    const veterans = item(await parse(realWorld("19.txt")), "1");
    assert.equal(
      veterans.fields.resume,
      "På dagens møde gives en præsentation af Viborg Kommunes veteranindsats.",
    );
    assert.match(veterans.fields.sagsfremstilling ?? "", /Økonomiske forhold og konsekvenser/);
    assert.equal(veterans.extraFields, undefined);
  });
});

describe("dated decisions of several bodies", () => {
  test("decision headings on real lines give body and ISO date", () => {
    const cases: [string, string, string, string][] = [
      ["01.txt", "Beslutning i Udvalget for Ældre og Sundhed", "Udvalget for Ældre og Sundhed", "2020-06-04"],
      ["19.txt", "• Beslutning i Social- og Sundhedsudvalget", "Social- og Sundhedsudvalget", "2019-01-17"],
      ["20.txt", "Beslutning Teknik- og Miljøudvalget", "Teknik- og Miljøudvalget", "2021-09-01"],
      ["23.txt", "Beslutning fra Teknik- og Miljøudvalget", "Teknik- og Miljøudvalget", "2024-09-10"],
      ["14.txt", "Behandling i Udvalget for sundhed for alle", "Udvalget for sundhed for alle", "2019-08-28"],
      [
        "03.txt",
        "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 16",
        "Sundheds- og Omsorgsudvalget",
        "2016-03-03",
      ],
    ];
    for (const [file, starts, body, date] of cases) {
      const line = realLine(file, starts);
      const match = readFieldHeading(line);
      assert.deepEqual(match?.target, { kind: "decision", decision: { body, date } }, line);
    }
    assert.deepEqual(parseDecisionHeading("Økonomiudvalgets beslutning 12.03.2024"), {
      body: "Økonomiudvalget",
      date: "2024-03-12",
    });
    assert.deepEqual(parseDecisionHeading("Beslutning i Byrådet den 27. august 2025"), {
      body: "Byrådet",
      date: "2025-08-27",
    });
    assert.equal(parseDecisionHeading("Beslutning"), null);
    assert.equal(parseDecisionHeading("Behandling af udkast til rammeaftale 2021-22, herunder"), null);
  });

  test("real-world 23: the committee's recommendation is a dated decision, the item's Beslutning this meeting's", async () => {
    const plan = item(await parse(realWorld("23.txt")), "163");
    assert.deepEqual(
      plan.decisions?.map(({ body, date, text }) => ({ body, date, text })),
      [{ body: "Teknik- og Miljøudvalget", date: "2024-09-10", text: "Anbefales." }],
    );
    assert.equal(plan.fields.beslutning, "Indstilles godkendt.");
    assert.doesNotMatch(plan.fields.indstilling ?? "", /Beslutning fra/);
  });

  test("the decision of the meeting's day is the Beslutning; an agenda's earlier decisions are none", async () => {
    const agendaItem = item(await parse(realWorld("01.txt")), "49");
    assert.equal(agendaItem.decisions?.[0]?.date, "2020-06-04");
    assert.equal(agendaItem.fields.beslutning, "Godkendt");
    const [otherDay] = settleDecisions([agendaItem], { date: "2020-06-18", body: null, agenda: true });
    assert.equal(otherDay?.fields.beslutning, undefined);
    assert.equal(otherDay?.decisions?.length, 1);
    const [sameDay] = settleDecisions([agendaItem], { date: "2020-06-04", body: null, agenda: true });
    assert.equal(sameDay?.fields.beslutning, "Godkendt");
  });
});

describe("case history from Sagsforløb", () => {
  test("the Aarhus minutes: Udvalg, Dato, Punktnummer blocks, and the proposal no longer in the decision", async () => {
    const doc = await parse(aarhusMinutes);
    const pearl = item(doc, "2");
    assert.deepEqual(
      pearl.caseHistory?.map(({ body, date, itemNumber }) => ({ body, date, itemNumber })),
      [
        { body: "Aarhus Byråd", date: "2025-03-26", itemNumber: "21" },
        { body: "Aarhus Byråd", date: "2025-04-09", itemNumber: "3" },
        { body: "Magistraten", date: "2025-08-19", itemNumber: "4" },
      ],
    );
    assert.equal(
      pearl.caseHistory?.[0]?.text,
      "Sagens behandling blev udsat i byrådets møde den 26. marts 2025.",
    );
    assert.doesNotMatch(pearl.fields.beslutning ?? "", /BESLUTNINGSFORSLAG/);
    assert.match(extra(pearl, "beslutningspunkter")?.text ?? "", /^Det indstilles:/);
    const parking = item(doc, "3");
    // "...grøn parkeringspolitik 2026. Beslutningspunkter": glued after a sentence in the PDF's text.
    assert.ok(headings(parking).includes("Beslutningspunkter"));
    assert.doesNotMatch(parking.fields.resume ?? "", /Beslutningspunkter$/);
  });

  test("dated lines (real-world 25) and a flattened table", () => {
    assert.deepEqual(readCaseHistory([realLine("25.txt", "27-01-2020 Magistraten"), "Intet."]), [
      { body: "Magistraten", date: "2020-01-27", itemNumber: null, text: "Intet." },
    ]);
    assert.deepEqual(
      readCaseHistory([
        "Udvalg Dato Punktnummer",
        "Økonomiudvalget 12-03-2024 45",
        "Byrådet 27. august 2025 3",
      ]),
      [
        { body: "Økonomiudvalget", date: "2024-03-12", itemNumber: "45", text: "" },
        { body: "Byrådet", date: "2025-08-27", itemNumber: "3", text: "" },
      ],
    );
    assert.deepEqual(readCaseHistory(["Sagen har været behandlet flere gange i udvalget."]), []);
  });
});
