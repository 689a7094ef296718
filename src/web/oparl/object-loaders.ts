/** @module For each OParl object kind: the store load and the mapper, so lists and single objects share them. */
import type { Kysely } from "kysely";
import {
  type Database,
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
  meeting: async (db, ids, urls) => (await oparlMeetings(db, ids)).map((r) => mapMeeting(r, urls)),
  agendaItem: async (db, ids, urls) => (await oparlAgendaItems(db, ids)).map((r) => mapAgendaItem(r, urls)),
  paper: async (db, ids, urls) => (await oparlPapers(db, ids)).map((r) => mapPaper(r, urls)),
  consultation: async (db, ids, urls) =>
    (await oparlConsultations(db, ids)).map((r) => mapConsultation(r, urls)),
  file: async (db, ids, urls) => (await oparlFiles(db, ids)).map((r) => mapFile(r, urls)),
  legislativeTerm: async (db, ids, urls) =>
    (await oparlLegislativeTerms(db, ids)).map((r) => mapLegislativeTerm(r, urls)),
  location: async (db, ids, urls) => (await oparlLocations(db, ids)).map((r) => mapLocation(r, urls)),
};
