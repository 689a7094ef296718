/**
 * @module What the render jobs draw a meeting's PDFs from: the internal edition from the working copy as
 * it is now, the public edition from the agenda as last sent (the copy its version kept), so changes not
 * yet sent never reach a public PDF however late the job runs.
 */
import type { Kysely } from "kysely";
import type { AgendaEdition } from "../../domain/index.js";
import {
  type AgendaDraft,
  agendaDraft,
  type Database,
  latestAgendaVersion,
  sentAgendaDraft,
  workingCopyChangedAt,
} from "../../store/index.js";

export interface RenderSource {
  readonly draft: AgendaDraft;
  /** The latest version sent (null before the first sending): the front page's version and change note. */
  readonly version: { readonly number: number; readonly changeNote: string | null } | null;
}

/** The draft and version an edition's PDFs are made from; throws (a Danish line) when there is none. */
export async function renderSource(
  db: Kysely<Database>,
  meetingId: number,
  edition: AgendaEdition,
): Promise<RenderSource> {
  const version = (await latestAgendaVersion(db, meetingId)) ?? null;
  if (edition === "internal") {
    const draft = await agendaDraft(db, meetingId);
    if (!draft) throw new Error(`møde ${meetingId} findes ikke`);
    return { draft, version };
  }
  if (!version) throw new Error("dagsordenen er ikke udsendt, så der er ingen offentlig udgave");
  const sent = await sentAgendaDraft(db, meetingId, version.number);
  if (sent) return { draft: sent, version };
  // A version sent before versions kept their copy: the working copy is it only while unchanged since.
  const changed = await workingCopyChangedAt(db, meetingId);
  const draft = await agendaDraft(db, meetingId);
  if (!draft || (changed !== null && changed > version.sentAt)) {
    throw new Error("den udsendte udgave er ikke gemt, og dagsordenen er ændret siden; udsend den igen");
  }
  return { draft, version };
}
