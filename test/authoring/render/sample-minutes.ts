/**
 * Minutes the render tests, benches and browser screenshots build: the KKR Nordjylland meeting of 20
 * September 2024 (the agenda of sample-agendas.ts) with its record: a substitute for an absent member, a
 * guest, a closed item with its decision, a vote, a member who did not take part, a protocol remark and
 * discussion notes; and a small one with no attendance listed.
 */
import type {
  AgendaItemDocument,
  MinutesDocument,
  MinutesItemDocument,
  MinutesItemRecord,
} from "../../../src/domain/index.js";
import { kkrAgenda, longAgenda, smallAgenda } from "./sample-agendas.js";

const NO_RECORD: MinutesItemRecord = {
  decision: "",
  discussion: null,
  vote: null,
  recusals: [],
  protocolRemarks: [],
};

function withRecord(item: AgendaItemDocument, record: Partial<MinutesItemRecord>): MinutesItemDocument {
  return { ...item, record: { ...NO_RECORD, ...record } };
}

const RECORDS: Readonly<Record<string, Partial<MinutesItemRecord>>> = {
  "1.1": { decision: "Dagsordenen blev godkendt." },
  "1.2": { decision: "Referatet blev godkendt." },
  "2.1": {
    decision: "KKR Nordjylland tog orienteringen til efterretning.",
    discussion:
      "KlimaNord-sekretariatet fortalte om indsatserne siden etableringen.\n\nFra KKR Nordjylland blev det bemærket, at biokul bør prioriteres i de kommende år.",
  },
  "2.2": {
    decision: "Indstillingen blev tiltrådt. Købet gennemføres, når aftalen er underskrevet.",
    recusals: ["Jes Lunde (B)"],
  },
  "2.3": {
    decision:
      "KKR Nordjylland anbefaler, at aftalen godkendes i de nordjyske kommunalbestyrelser.\n\nSekretariatet sender beslutningen til kommunerne.",
    vote: "For stemte: A, V, O (5). Imod stemte: F (1). Hverken for eller imod: ingen (0).",
    protocolRemarks: [
      {
        member: "Frank Østergaard (F)",
        text: "SF kan ikke støtte rammerne, fordi praktikpladserne til lærlinge ikke er sikret.",
      },
    ],
  },
  "3.1": { decision: "Godkendt." },
};

/** The KKR Nordjylland minutes of 20 September 2024 in the given edition. */
export function kkrMinutes(edition: MinutesDocument["edition"] = "public"): MinutesDocument {
  const agenda = kkrAgenda(edition);
  return {
    body: agenda.body,
    meeting: agenda.meeting,
    edition,
    present: agenda.participants.filter((p) => p.name !== "Frank Østergaard"),
    substitutes: [
      { name: "Frank Østergaard", municipality: "Jammerbugt", party: "F", substituteFor: "Søren Smalbro" },
    ],
    absences: agenda.absences,
    guests: [
      { name: "Jesper Olsen", role: "kommunaldirektør, Aalborg Kommune" },
      { name: "Helle Thomsen", role: "KKR-sekretariatet" },
    ],
    sections: agenda.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => withRecord(item, RECORDS[item.number] ?? {})),
    })),
  };
}

/** Small minutes of another body: no attendance listed, one decision, one item without a decision yet. */
export function smallMinutes(): MinutesDocument {
  const agenda = smallAgenda();
  return {
    body: agenda.body,
    meeting: agenda.meeting,
    edition: "public",
    present: [],
    substitutes: [],
    absences: [],
    guests: [],
    sections: agenda.sections.map((section) => ({
      ...section,
      items: section.items.map((item, index) =>
        withRecord(item, index === 0 ? { decision: "Budgettet blev godkendt." } : {}),
      ),
    })),
  };
}

/** Long minutes: every item of the long agenda decided, attendance of many members. */
export function longMinutes(sections: number, itemsPerSection: number): MinutesDocument {
  const agenda = longAgenda(sections, itemsPerSection);
  return {
    body: agenda.body,
    meeting: agenda.meeting,
    edition: "public",
    present: agenda.participants,
    substitutes: [],
    absences: agenda.absences,
    guests: [],
    sections: agenda.sections.map((section) => ({
      ...section,
      items: section.items.map((item) =>
        withRecord(item, { decision: `Indstillingen om punkt ${item.number} blev tiltrådt.` }),
      ),
    })),
  };
}
