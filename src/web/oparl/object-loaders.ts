/** @module For each OParl object kind: the store load and the mapper, so lists and single objects share them. */
import type { Kysely } from "kysely";
import {
  type Database,
  type OparlFileRow,
  type OparlListKind,
  oparlAgendaItems,
  oparlBodies,
  oparlConsultations,
  oparlFiles,
  oparlLegislativeTerms,
  oparlLocations,
  oparlMeetings,
  oparlMemberships,
  oparlOrganizations,
  oparlPapers,
  oparlPersons,
} from "../../store/index.js";
import { mapAgendaItem } from "./agenda-item.js";
import { withAnnexParts } from "./annex-parts.js";
import { mapBody } from "./body.js";
import { mapConsultation } from "./consultation.js";
import { mapFile } from "./file.js";
import { mapLegislativeTerm } from "./legislative-term.js";
import { mapLocation } from "./location.js";
import { mapMeeting } from "./meeting.js";
import { mapMembership } from "./membership.js";
import type { OparlObject } from "./oparl-json.js";
import { mapOrganization } from "./organization.js";
import { mapPaper } from "./paper.js";
import { mapPerson } from "./person.js";
import type { OparlObjectKind, OparlUrls } from "./urls.js";

type Loader = (db: Kysely<Database>, ids: readonly number[], urls: OparlUrls) => Promise<OparlObject[]>;

/** Loads rows by id, in the order of `ids`, and maps each; ids the store does not show are left out. */
export const OBJECT_LOADERS: Readonly<Record<OparlObjectKind & OparlListKind, Loader>> = {
  body: async (db, ids, urls) => (await oparlBodies(db, ids)).map((r) => mapBody(r, urls)),
  organization: async (db, ids, urls) =>
    (await oparlOrganizations(db, ids)).map((r) => mapOrganization(r, urls)),
  person: async (db, ids, urls) => (await oparlPersons(db, ids)).map((r) => mapPerson(r, urls)),
  membership: async (db, ids, urls) => (await oparlMemberships(db, ids)).map((r) => mapMembership(r, urls)),
  meeting: async (db, ids, urls) => {
    const rows = await oparlMeetings(db, ids);
    const parts = await withAnnexParts(db, [
      ...rows.flatMap((r) => r.files),
      ...rows.flatMap((r) => r.items.flatMap((i) => i.files)),
    ]);
    return rows.map((r) =>
      mapMeeting(
        {
          ...r,
          files: own(r.files, parts),
          items: r.items.map((i) => ({ ...i, files: own(i.files, parts) })),
        },
        urls,
      ),
    );
  },
  agendaItem: async (db, ids, urls) => {
    const rows = await oparlAgendaItems(db, ids);
    const parts = await withAnnexParts(
      db,
      rows.flatMap((r) => r.files),
    );
    return rows.map((r) => mapAgendaItem({ ...r, files: own(r.files, parts) }, urls));
  },
  paper: async (db, ids, urls) => {
    const rows = await oparlPapers(db, ids);
    const parts = await withAnnexParts(
      db,
      rows.flatMap((r) => r.files),
    );
    return rows.map((r) => mapPaper({ ...r, files: own(r.files, parts) }, urls));
  },
  consultation: async (db, ids, urls) =>
    (await oparlConsultations(db, ids)).map((r) => mapConsultation(r, urls)),
  file: async (db, ids, urls) => {
    const rows = await oparlFiles(db, ids);
    return own(rows, await withAnnexParts(db, rows)).map((r) => mapFile(r, urls));
  },
  legislativeTerm: async (db, ids, urls) =>
    (await oparlLegislativeTerms(db, ids)).map((r) => mapLegislativeTerm(r, urls)),
  location: async (db, ids, urls) => (await oparlLocations(db, ids)).map((r) => mapLocation(r, urls)),
};

/** The rows with each annex described as its own part. */
function own(rows: readonly OparlFileRow[], parts: ReadonlyMap<number, OparlFileRow>): OparlFileRow[] {
  return rows.map((r) => parts.get(r.id) ?? r);
}
