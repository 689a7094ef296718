/**
 * @module The ordered list of migrations. Forward only: a released migration is never edited; a change
 * is a new file. Kysely records each applied name in `kysely_migration`.
 */
import type { Migration } from "kysely";
import * as domain from "./0001-domain.js";
import * as search from "./0002-search.js";
import * as openData from "./0003-open-data.js";
import * as searchDocs from "./0004-search-docs.js";
import * as closedItemIndex from "./0005-closed-item-index.js";
import * as leanSearchWrites from "./0006-lean-search-writes.js";
import * as closedItemSourceIndex from "./0007-closed-item-source-index.js";
import * as searchPendingLists from "./0008-search-pending-lists.js";
import * as searchWordIndexCurrent from "./0009-search-word-index-current.js";
import * as dropMunicipalityFunction from "./0010-drop-municipality-function.js";
import * as accounts from "./0011-accounts.js";
import * as withholding from "./0012-withholding.js";
import * as withheldIndexes from "./0013-withheld-indexes.js";
import * as jobs from "./0014-jobs.js";
import * as agendaAuthoring from "./0015-agenda-authoring.js";
import * as agendaRenderings from "./0016-agenda-renderings.js";
import * as meetingRecord from "./0017-meeting-record.js";
import * as matterSuggestions from "./0021-matter-suggestions.js";
import * as finishedJobs from "./0022-finished-jobs.js";
import * as itemExtraFields from "./0023-item-extra-fields.js";
import * as itemBlocks from "./0024-item-blocks.js";
import * as meetingDateEstimated from "./0025-meeting-date-estimated.js";
import * as meetingWholePdf from "./0026-meeting-whole-pdf.js";
import * as alertSubscriptions from "./0027-alert-subscriptions.js";
import * as personMerge from "./0028-person-merge.js";
import * as itemNotParticipating from "./0029-item-not-participating.js";
import * as importQueue from "./0030-import-queue.js";
import * as siteSecrets from "./0031-site-secrets.js";

export const migrations: Readonly<Record<string, Migration>> = {
  "0001-domain": domain,
  "0002-search": search,
  "0003-open-data": openData,
  "0004-search-docs": searchDocs,
  "0005-closed-item-index": closedItemIndex,
  "0006-lean-search-writes": leanSearchWrites,
  "0007-closed-item-source-index": closedItemSourceIndex,
  "0008-search-pending-lists": searchPendingLists,
  "0009-search-word-index-current": searchWordIndexCurrent,
  "0010-drop-municipality-function": dropMunicipalityFunction,
  "0011-accounts": accounts,
  "0012-withholding": withholding,
  "0013-withheld-indexes": withheldIndexes,
  "0014-jobs": jobs,
  "0015-agenda-authoring": agendaAuthoring,
  "0016-agenda-renderings": agendaRenderings,
  "0017-meeting-record": meetingRecord,
  "0021-matter-suggestions": matterSuggestions,
  "0022-finished-jobs": finishedJobs,
  "0023-item-extra-fields": itemExtraFields,
  "0024-item-blocks": itemBlocks,
  "0025-meeting-date-estimated": meetingDateEstimated,
  "0026-meeting-whole-pdf": meetingWholePdf,
  "0027-alert-subscriptions": alertSubscriptions,
  "0028-person-merge": personMerge,
  "0029-item-not-participating": itemNotParticipating,
  "0030-import-queue": importQueue,
  "0031-site-secrets": siteSecrets,
};
