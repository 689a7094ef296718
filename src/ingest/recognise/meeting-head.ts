/**
 * @module The meeting facts a document states about itself in its head (the lines above its first item):
 * body, date, start and end time, place. Read from labels ("Mødedato:", "STED" over its value, "Mødested
 * Byrådssalen"), from titles ("Referat af møde i Klima- og Planudvalget", "Sundhedsudvalget - Referat -
 * 25. oktober 2016", "REFERAT Aarhus Byråd d. 27-08-2025") and from the lines under a title (a date line,
 * a room). Only the head is read: a treatment history or a quoted decision further down names other
 * meetings' dates.
 */
import { findDates, findTimes, isoDate } from "./dates.js";

/** What the head of a document says about its meeting; null where it says nothing. */
export interface MeetingHead {
  readonly body: string | null;
  readonly date: string | null;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly location: string | null;
  /** True when a title line names the document a meeting's agenda or minutes. */
  readonly titled: boolean;
}

type LabelKind = "date" | "start" | "end" | "place" | "body" | "dateAndPlace" | "other";

/**
 * Labels of a header, lower case. Those marked `bare` are distinctive enough to stand without a colon
 * before their value ("Mødedato Onsdag d. 27. august 2025", "Mødested Byrådssalen").
 */
const LABELS: readonly { readonly words: string; readonly kind: LabelKind; readonly bare: boolean }[] = [
  { words: "dato og tidspunkt", kind: "date", bare: false },
  { words: "dato og tid", kind: "date", bare: false },
  { words: "tid og sted", kind: "dateAndPlace", bare: false },
  { words: "mødedato", kind: "date", bare: true },
  { words: "mødetidspunkt", kind: "date", bare: true },
  { words: "starttidspunkt", kind: "start", bare: true },
  { words: "sluttidspunkt", kind: "end", bare: true },
  { words: "tidspunkt", kind: "date", bare: false },
  { words: "dato", kind: "date", bare: false },
  { words: "tid", kind: "date", bare: false },
  { words: "afholdt", kind: "date", bare: false },
  { words: "mødested", kind: "place", bare: true },
  { words: "mødeafholdelse", kind: "place", bare: true },
  { words: "mødelokale", kind: "place", bare: false },
  { words: "lokale", kind: "place", bare: false },
  { words: "sted", kind: "place", bare: false },
  { words: "placering", kind: "place", bare: false },
  { words: "adresse", kind: "place", bare: false },
  { words: "mødeforum", kind: "body", bare: false },
  { words: "udvalg", kind: "body", bare: false },
  { words: "forum", kind: "body", bare: false },
  { words: "organ", kind: "body", bare: false },
  // Labels of other header rows: they end the value before them.
  { words: "medlemmer", kind: "other", bare: false },
  { words: "deltagere", kind: "other", bare: false },
  { words: "tilstede", kind: "other", bare: false },
  { words: "til stede", kind: "other", bare: false },
  { words: "fraværende", kind: "other", bare: false },
  { words: "afbud", kind: "other", bare: false },
  { words: "bemærkninger", kind: "other", bare: false },
  { words: "pdf", kind: "other", bare: false },
  { words: "indholdsfortegnelse", kind: "other", bare: true },
];

const LABEL_ALTERNATION = LABELS.map((label) => label.words.replace(/ /g, "\\s")).join("|");
/** A label anywhere in a line: at its start or after a space, with a colon or (bare labels) without. */
const LABEL_IN_LINE = new RegExp(`(?:^|(?<=\\s))(${LABEL_ALTERNATION})(?:\\s{0,2}:|(?=\\s|$))`, "giu");

const MONTHS =
  "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec";
const MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  MONTHS.split("|").map((name) => {
    const full = [
      "januar",
      "februar",
      "marts",
      "april",
      "maj",
      "juni",
      "juli",
      "august",
      "september",
      "oktober",
      "november",
      "december",
    ];
    const index = full.findIndex((month) => month.startsWith(name.slice(0, 3)));
    return [name, index + 1] as const;
  }),
);
/** "3 oktober, 2022" and "10 februar 2022": a long date without the dot after the day (web pages). */
const DAY_MONTH_LOOSE = new RegExp(
  `(?<![\\d.])(\\d{1,2})\\.?\\s{1,2}(${MONTHS})\\.?,?\\s{1,2}(\\d{4})(?!\\d)`,
  "iu",
);
/** "Marts 3, 2016": month first, as an English-set date field prints a Danish month. */
const MONTH_DAY = new RegExp(`\\b(${MONTHS})\\.?\\s{1,2}(\\d{1,2}),?\\s{1,2}(\\d{4})(?!\\d)`, "iu");

const WEEKDAY = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag";
const DOCUMENT_WORD = /\b(?:referat|dagsorden|beslutningsprotokol|protokol)(?:er)?\b/iu;
/** Words that name a council, committee or board: a body name carries one. */
const BODY_WORD =
  /(?:udvalg|råd(?:et)?\b|bestyrelse|kommission|forum\b|magistrat|borgerrepræsentation|forsamling|nævn|KKR)/iu;

/** The first date a head line gives, in any of the forms headers use. */
export function headDate(text: string): { iso: string; index: number; length: number } | null {
  const found = findDates(text)[0];
  const loose = DAY_MONTH_LOOSE.exec(text);
  const looseIso = loose
    ? isoDate(Number(loose[3]), MONTH_NUMBER.get((loose[2] ?? "").toLowerCase()) ?? 0, Number(loose[1]))
    : null;
  const monthFirst = MONTH_DAY.exec(text);
  const monthFirstIso = monthFirst
    ? isoDate(
        Number(monthFirst[3]),
        MONTH_NUMBER.get((monthFirst[1] ?? "").toLowerCase()) ?? 0,
        Number(monthFirst[2]),
      )
    : null;
  const candidates = [
    ...(found ? [found] : []),
    ...(loose && looseIso ? [{ iso: looseIso, index: loose.index, length: loose[0].length }] : []),
    ...(monthFirst && monthFirstIso
      ? [{ iso: monthFirstIso, index: monthFirst.index, length: monthFirst[0].length }]
      : []),
  ];
  return candidates.sort((a, b) => a.index - b.index)[0] ?? null;
}

/** Times of a value; seconds ("09:00:00") are dropped first so they are not read as a second time. */
function valueTimes(value: string): { start: string; end: string | null } | null {
  const time = findTimes(value.replace(/\b(\d{1,2}:\d{2}):\d{2}\b/g, "$1"))[0];
  return time ? { start: time.start, end: time.end } : null;
}

/** A head line without table pipes, bullets and icon captions ("Udvalg Ikon", real-world/22). */
function cleanHeadLine(text: string): string {
  return text
    .replace(/^[\s|•·▪●*–-]+/u, "")
    .replace(/[\s|]+$/u, "")
    .replace(/\s*\|\s*/gu, " ")
    .replace(/\s+Ikon$/u, "")
    .trim();
}

/** A body name as printed, without a trailing dot, bracket note or "den"; null when it is none. */
export function cleanBody(raw: string): string | null {
  const name = raw
    .replace(/\s*\(.*$/u, "")
    .replace(/\s+(?:den|d\.)\s*$/iu, "")
    .replace(/[\s.,:;–-]+$/u, "")
    .trim();
  if (name.length < 3 || name.length > 100 || /\d/.test(name)) return null;
  if (!/^\p{Lu}/u.test(name) && !BODY_WORD.test(name)) return null;
  if (/^(?:referat|dagsorden|møde|mødet|fra|for|til|den|og)$/iu.test(name)) return null;
  return name;
}

/** "Folkeoplysningsudvalgets" -> "Folkeoplysningsudvalget": the genitive s of a body name dropped. */
export function withoutGenitive(name: string): string {
  return name.replace(/s$/u, "");
}

/** Text that ends a body name inside a title: a date, "den", a weekday, "kl.", a label, a bracket. */
const BARE_LABELS = LABELS.filter((label) => label.bare)
  .map((label) => label.words)
  .join("|");
const BODY_END = new RegExp(
  `\\s+(?:(?:den|${WEEKDAY})\\b|d\\.)|\\s+\\d|\\s+kl\\.|\\s+(?:${BARE_LABELS})\\b|\\s+(?:${LABEL_ALTERNATION})\\s?:|\\s*\\(|\\.\\s|\\.$|\\s[-–|]\\s|,\\s(?:${WEEKDAY}|\\d)`,
  "iu",
);

function bodyBefore(text: string): string | null {
  const end = BODY_END.exec(text);
  return cleanBody(end ? text.slice(0, end.index) : text);
}

/** A body named by a title line, in the forms publishers print. */
export function titleBody(text: string): string | null {
  // "Referat af møde i Klima- og Planudvalget", "Møde i udvalget for ...", "... til mødet i Udvalg for ...".
  const meetingOf = /\bmødet?\s+i\s+(\S.*)$/iu.exec(text);
  if (meetingOf?.[1]) {
    const body = bodyBefore(meetingOf[1]);
    if (body) return body;
  }
  // "Unge, fritid og idræts møde den 02. april 2024", "Folkeoplysningsudvalgets beslutning på mødet den
  // 5. april 2019": the body in the genitive.
  const genitive = /^(\p{Lu}.{2,80}?s)\s+(?:møde|beslutning\s+(?:på|i)\s+mødet)\s+(?:den|d\.)\s/u.exec(text);
  if (genitive?.[1]) return cleanBody(withoutGenitive(genitive[1]));
  // "Dagsordener og referater fra midlertidigt udvalg vedrørende digital sundhed".
  const from =
    /^(?:dagsordener og referater|referater|dagsordener|referat|dagsorden)\s+(?:fra|for)\s+(\S.*)$/iu.exec(
      text,
    );
  if (from?.[1] && !/^mødet?\b/iu.test(from[1])) {
    const body = bodyBefore(from[1]);
    if (body) return body;
  }
  // "Sundhedsudvalget - Referat - 25. oktober 2016", "Børn & Læringsudvalget - 03-10-2022".
  const parts = text.split(/\s+[-–|]\s+/u);
  if (parts.length >= 2) {
    const rest = parts.slice(1).join(" ");
    if (DOCUMENT_WORD.test(rest) || headDate(rest)) {
      const body = cleanBody(parts[0] ?? "");
      if (body && !DOCUMENT_WORD.test(body)) return body;
    }
  }
  // "REFERAT Aarhus Byråd d. 27-08-2025", "Referat Magistraten 27-01-2020".
  const documentFirst = /^(?:referat|dagsorden|beslutningsprotokol)\s+(\p{Lu}.*)$/iu.exec(text);
  if (documentFirst?.[1] && headDate(documentFirst[1])) {
    const body = bodyBefore(documentFirst[1]);
    if (body) return body;
  }
  // "Erhvervs- og Beskæftigelsesudvalget onsdag den 17. september 2025 kl. 19.00".
  const bodyThenDate = new RegExp(
    `^(\\p{Lu}.{2,100}?)\\s+(?:(?:${WEEKDAY})\\s+)?(?:den|d\\.)\\s+\\d`,
    "iu",
  ).exec(text);
  if (
    bodyThenDate?.[1] &&
    BODY_WORD.test(bodyThenDate[1]) &&
    !DOCUMENT_WORD.test(bodyThenDate[1]) &&
    !/(?<!\p{L})(?:beslutning|behandling|mødet?|på)(?!\p{L})/iu.test(bodyThenDate[1])
  ) {
    return cleanBody(bodyThenDate[1]);
  }
  return null;
}

/** A line that is a body name alone: "Økonomiudvalget" over its date (real-world/23). */
function bareBody(text: string): string | null {
  if (text.length > 80 || !BODY_WORD.test(text) || /[.:;!?]$/.test(text) || DOCUMENT_WORD.test(text))
    return null;
  if (!/^\p{Lu}/u.test(text)) return null;
  // A body name is a few words, most capitalised or joining words: no sentence.
  const words = text.split(" ");
  if (words.length > 8) return null;
  return cleanBody(text);
}

/** The place in a title's tail: "... kl. 17:30 i Arden Rådhus, Østergade 22" -> "Arden Rådhus, Østergade 22". */
function placeAfterTime(text: string): string | null {
  const match = /\bkl\.?\s*\d{1,2}[.:]\d{2}\s+i\s+(\p{Lu}.{2,150})$/u.exec(text);
  return match?.[1] ? match[1].trim() : null;
}

/** A room named alone under the title: "Mødelokale 20", "Mødelokale F7 kl. 15.00", "Byrådssalen". */
function roomLine(text: string): string | null {
  if (text.length > 150) return null;
  const line = /^i\s+(\p{Lu}.*)$/u.exec(text)?.[1] ?? text;
  if (
    !/^(?:møde)?(?:lokale|sal)\b|^\p{Lu}\p{L}*(?:salen|rådhus(?:et)?)\b|^rådhuset\b/iu.test(line) &&
    line === text
  ) {
    return null;
  }
  const place = line.replace(/,?\s*kl\.?\s*\d{1,2}[.:]\d{2}.*$/iu, "").trim();
  return place.length > 1 ? place : null;
}

interface LabelValue {
  readonly kind: LabelKind;
  readonly value: string;
  /** The value ran on to the end of a long line: a place taken from it is cut short. */
  readonly open: boolean;
}

/** Label-value pairs of one line ("Mødedato: ... Mødested: ... Mødetidspunkt: ..."). */
function labelsInLine(text: string): LabelValue[] {
  const found: { kind: LabelKind; start: number; end: number; colon: boolean }[] = [];
  for (const match of text.matchAll(LABEL_IN_LINE)) {
    const words = (match[1] ?? "").toLowerCase().replace(/\s+/g, " ");
    const label = LABELS.find((l) => l.words === words);
    if (!label) continue;
    const colon = match[0].trimEnd().endsWith(":");
    const index = match.index ?? 0;
    // A colon-less label counts only where it is distinctive, and a short word ("tid", "sted") only at
    // the start of the line with a colon.
    if (!colon && !label.bare) continue;
    if (!colon && index > 0 && !/^\p{Lu}/u.test(match[1] ?? "")) continue;
    found.push({ kind: label.kind, start: index, end: index + match[0].length, colon });
  }
  const out: LabelValue[] = [];
  found.forEach((label, index) => {
    const next = found[index + 1];
    const value = text.slice(label.end, next ? next.start : text.length).trim();
    // In a long line (a PDF page flattened to one line) a value without a colon before it, or the last
    // one, may run on into the text after it.
    out.push({ kind: label.kind, value, open: text.length > 200 && (!next || !label.colon) });
  });
  return out;
}

/** True when a line is a label alone, its value on the next line ("STED" / "Kanalstræde 2, ..."). */
function labelAlone(text: string): LabelKind | null {
  const words = text.replace(/\s*:$/u, "").toLowerCase().replace(/\s+/g, " ");
  return LABELS.find((label) => label.words === words)?.kind ?? null;
}

/**
 * Reads the head. `lines` are the head's lines in order (normalised text); the caller cuts them at the
 * first item, so no date of a treatment history or an item's text is read.
 */
export function readMeetingHead(lines: readonly string[]): MeetingHead {
  let body: string | null = null;
  let date: string | null = null;
  let startTime: string | null = null;
  let endTime: string | null = null;
  let location: string | null = null;
  let titled = false;
  let titleBodyFound: string | null = null;
  let titleDate: string | null = null;
  let titleTime: { start: string; end: string | null } | null = null;
  let titlePlace: string | null = null;
  let bare: string | null = null;
  const cleaned = lines.map((line) => cleanHeadLine(line.length > 800 ? line.slice(0, 800) : line));

  // A title split over lines ("Dagsorden" / "til" / "mødet i Udvalg for regional udvikling" / "den 1.
  // februar 2023 kl. 09:00", real-world/10) is read as one line as well.
  const joinedTitle = cleaned.slice(0, 6).join(" ");

  for (let index = 0; index < cleaned.length; index++) {
    const text = cleaned[index] as string;
    if (text === "") continue;
    const alone = labelAlone(text);
    if (alone) {
      // Labels stacked over their values ("Dato:" / "Sted:" / "23-02-2015 kl. 10:00" / "Uddannelses-
      // centeret ...", real-world/15): the values follow in the labels' order.
      const kinds: LabelKind[] = [alone];
      let probe = index + 1;
      for (; probe < cleaned.length; probe++) {
        const next = cleaned[probe] as string;
        if (next === "") continue;
        const kind = labelAlone(next);
        if (kind === null) break;
        kinds.push(kind);
      }
      for (const kind of kinds) {
        while (probe < cleaned.length && cleaned[probe] === "") probe++;
        const value = cleaned[probe];
        if (value === undefined) break;
        applyLabel({ kind, value, open: false });
        probe++;
      }
      index = probe - 1;
      continue;
    }
    const labels = labelsInLine(text);
    const before = labels.length > 0 ? text.slice(0, Math.max(0, text.search(LABEL_IN_LINE))).trim() : text;
    for (const label of labels) applyLabel(label);
    if (before === "") continue;
    if (
      DOCUMENT_WORD.test(before) ||
      /\bmødet?\s+i\s/iu.test(before) ||
      /s\s+møde\s+(?:den|d\.)/u.test(before)
    ) {
      titled = true;
    }
    const named = titleBody(before);
    if (named && titleBodyFound === null) titleBodyFound = named;
    const dated = headDate(before);
    if (dated && titleDate === null && !/^(?:\d+\.?\s|pkt\.|punkt)/iu.test(before)) {
      titleDate = dated.iso;
      const time = valueTimes(before.slice(dated.index + dated.length));
      if (time) titleTime = time;
      titlePlace ??= placeAfterTime(before);
      // The place often stands on the line under the date ("i Herning Kommune, ...", "Mødelokale 20").
      const next = cleaned.slice(index + 1).find((line) => line !== "");
      if (next && titlePlace === null && labelsInLine(next).length === 0) titlePlace = roomLine(next);
    }
    if (bare === null && index < 8) bare = bareBody(before);
  }
  if (titleBodyFound === null) {
    const joined = titleBody(joinedTitle);
    if (joined) titleBodyFound = joined;
  }

  return {
    body: body ?? titleBodyFound ?? bare,
    date: date ?? titleDate,
    startTime: startTime ?? titleTime?.start ?? null,
    endTime: startTime ? endTime : (titleTime?.end ?? endTime),
    location: location ?? titlePlace,
    titled,
  };

  function applyLabel(label: LabelValue): void {
    const value = label.value;
    if (value === "") return;
    if (label.kind === "body") {
      body ??= cleanBody(value);
      return;
    }
    if (label.kind === "date" || label.kind === "start" || label.kind === "dateAndPlace") {
      const dated = headDate(value);
      if (dated) date ??= dated.iso;
      const time = valueTimes(value);
      if (time && startTime === null) {
        startTime = time.start;
        endTime ??= time.end;
      }
      if (label.kind === "dateAndPlace") location ??= placeAfterTime(value) ?? null;
      return;
    }
    if (label.kind === "end") {
      const time = valueTimes(value);
      if (time) endTime ??= time.start;
      return;
    }
    if (label.kind === "place") {
      const place = value.replace(/,?\s*kl\.?\s*[\d.:\s–-]+$/iu, "").trim();
      // A place read to the end of a long line runs into the text after it: kept only when short.
      if (place.length > 0 && place.length <= 120 && (!label.open || place.split(" ").length <= 5)) {
        location ??= place;
      }
    }
  }
}
