/**
 * @module The rendered PDFs of a meeting's agenda (migration 0016): the render jobs keep the latest agenda
 * and annex pack per edition, and the public agenda of a sent version also on agenda_version.pdf.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export const RENDERING_KINDS = ["agenda", "annex-pack"] as const;
export type RenderingKind = (typeof RENDERING_KINDS)[number];

export interface AgendaRenderingInfo {
  readonly kind: RenderingKind;
  readonly edition: "internal" | "public";
  /** The version sent when it was rendered (null: before the first sending). */
  readonly versionNumber: number | null;
  readonly pageCount: number;
  readonly byteSize: number;
  readonly renderedAt: Date;
}

/**
 * Keeps `pdf` as the meeting's latest rendering of its kind and edition; a public agenda also goes on
 * the version it was rendered for.
 * @example await storeAgendaRendering(db, { meetingId: 7, kind: "agenda", edition: "public", versionNumber: 1, pdf, pageCount: 4 })
 */
export async function storeAgendaRendering(
  db: Db,
  rendering: {
    readonly meetingId: number;
    readonly kind: RenderingKind;
    readonly edition: "internal" | "public";
    readonly versionNumber: number | null;
    readonly pdf: Uint8Array;
    readonly pageCount: number;
  },
): Promise<void> {
  await db
    .insertInto("agenda_rendering")
    .values({
      meeting_id: rendering.meetingId,
      kind: rendering.kind,
      edition: rendering.edition,
      version_number: rendering.versionNumber,
      pdf: rendering.pdf,
      page_count: rendering.pageCount,
      byte_size: rendering.pdf.byteLength,
    })
    .onConflict((oc) =>
      oc
        .columns(["meeting_id", "kind", "edition"])
        .doUpdateSet((eb) => ({
          version_number: eb.ref("excluded.version_number"),
          pdf: eb.ref("excluded.pdf"),
          page_count: eb.ref("excluded.page_count"),
          byte_size: eb.ref("excluded.byte_size"),
          rendered_at: sql<Date>`now()`,
        }))
        // A public rendering of an older version (a slow job) never replaces a newer version's.
        .where((eb) =>
          eb.or([
            eb("excluded.edition", "=", "internal"),
            eb("agenda_rendering.version_number", "is", null),
            eb("excluded.version_number", ">=", eb.ref("agenda_rendering.version_number")),
          ]),
        ),
    )
    .execute();
  if (rendering.kind === "agenda" && rendering.edition === "public" && rendering.versionNumber !== null) {
    await db
      .updateTable("agenda_version")
      .set({ pdf: rendering.pdf })
      .where("meeting_id", "=", rendering.meetingId)
      .where("number", "=", rendering.versionNumber)
      .execute();
  }
}

/** What is rendered of a meeting's agenda (the minutes' renderings left out), without the bytes. */
export async function agendaRenderings(db: Db, meetingId: number): Promise<AgendaRenderingInfo[]> {
  const rows = await db
    .selectFrom("agenda_rendering")
    .select(["kind", "edition", "version_number", "page_count", "byte_size", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .where("kind", "in", [...RENDERING_KINDS])
    .orderBy("kind")
    .orderBy("edition")
    .execute();
  return rows.map((r) => ({
    kind: r.kind as RenderingKind,
    edition: r.edition,
    versionNumber: r.version_number,
    pageCount: r.page_count,
    byteSize: r.byte_size,
    renderedAt: new Date(r.rendered_at),
  }));
}

/** The bytes of a meeting's rendering, or undefined when there is none. */
export async function agendaRenderingPdf(
  db: Db,
  meetingId: number,
  kind: RenderingKind,
  edition: "internal" | "public",
): Promise<{ readonly pdf: Uint8Array; readonly renderedAt: Date } | undefined> {
  const row = await db
    .selectFrom("agenda_rendering")
    .select(["pdf", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .where("kind", "=", kind)
    .where("edition", "=", edition)
    .executeTakeFirst();
  return row ? { pdf: new Uint8Array(row.pdf), renderedAt: new Date(row.rendered_at) } : undefined;
}

/** A sent agenda's public PDF: ready, still being made for the latest version, or nothing sent. */
export type PublicAgendaPdf =
  | {
      readonly state: "ready";
      readonly versionNumber: number;
      readonly pdf: Uint8Array;
      readonly renderedAt: Date;
    }
  | { readonly state: "rendering"; readonly versionNumber: number }
  | { readonly state: "unsent" };

/**
 * The public PDF of the agenda as last sent: the public rendering of the latest version, never an older
 * version's nor one of the working copy; "rendering" while the render job has not made it yet.
 * @example (await publicAgendaPdf(db, 7, "agenda")).state // "ready"
 */
export async function publicAgendaPdf(
  db: Db,
  meetingId: number,
  kind: RenderingKind,
): Promise<PublicAgendaPdf> {
  const latest = await db
    .selectFrom("agenda_version")
    .select((eb) => eb.fn.max("number").as("number"))
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  const versionNumber = latest?.number ?? null;
  if (versionNumber === null) return { state: "unsent" };
  const row = await db
    .selectFrom("agenda_rendering")
    .select(["pdf", "rendered_at"])
    .where("meeting_id", "=", meetingId)
    .where("kind", "=", kind)
    .where("edition", "=", "public")
    .where("version_number", "=", versionNumber)
    .executeTakeFirst();
  return row
    ? { state: "ready", versionNumber, pdf: new Uint8Array(row.pdf), renderedAt: new Date(row.rendered_at) }
    : { state: "rendering", versionNumber };
}

/**
 * When the meeting's working copy last changed: an item, an annex or a section edited, added, moved or
 * removed (removed rows keep their time). A rendering older than this is out of date. Null: nothing drafted.
 */
export async function workingCopyChangedAt(db: Db, meetingId: number): Promise<Date | null> {
  const [sections, items, annexes] = await Promise.all([
    db
      .selectFrom("agenda_section")
      .select((eb) => eb.fn.max("modified").as("at"))
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst(),
    db
      .selectFrom("authored_item")
      .select((eb) => eb.fn.max("modified").as("at"))
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst(),
    db
      .selectFrom("authored_annex")
      .innerJoin("authored_item", "authored_item.id", "authored_annex.authored_item_id")
      .select((eb) => eb.fn.max("authored_annex.modified").as("at"))
      .where("authored_item.meeting_id", "=", meetingId)
      .executeTakeFirst(),
  ]);
  const times = [sections?.at, items?.at, annexes?.at].flatMap((t) => (t ? [new Date(t).getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** The newest render job of each of `kinds` for a meeting's edition (their payload names both). */
export async function latestRenderJobIds(
  db: Db,
  props: {
    readonly meetingId: number;
    readonly edition: "internal" | "public";
    readonly kinds: readonly string[];
  },
): Promise<{ readonly id: number; readonly kind: string }[]> {
  if (props.kinds.length === 0) return [];
  const rows = await db
    .selectFrom("job")
    .select(["id", "kind"])
    .where("kind", "in", [...props.kinds])
    .where(sql<boolean>`payload->>'meetingId' = ${String(props.meetingId)}`)
    .where(sql<boolean>`payload->>'edition' = ${props.edition}`)
    .orderBy("id", "desc")
    .limit(20)
    .execute();
  return props.kinds.flatMap((kind) => rows.filter((r) => r.kind === kind).slice(0, 1));
}
