/**
 * @module Which search_doc rows a viewer searches. For the public, the rows marked `visible` (the public's
 * rule, kept by migration 0012's triggers), read through the partial indexes `where visible`, exactly as
 * before viewers existed. A signed-in viewer searches those plus, added at query time, the rows the
 * public may not see but they may: each checked against its item, or its file and page, with the one
 * visibility function (read/visibility.ts), so the rule is not written again here.
 */
import { type RawBuilder, sql } from "kysely";
import type { Viewer } from "../domain/index.js";
import { fileVisible, itemVisible, pageVisible } from "./read/visibility.js";

/** The search_doc rows one viewer searches: a FROM item and the condition on its rows. */
export interface SearchScope {
  /** True for the public: statements are the public's, through the partial indexes. */
  readonly isPublic: boolean;
  /** What to read search_doc rows from, to be aliased by the caller (`from ${scope.docs} d`). */
  readonly docs: RawBuilder<unknown>;
  /** The condition a row of `docs` under `alias` must meet. */
  seen(alias: string): RawBuilder<unknown>;
}

const PUBLIC_SCOPE: SearchScope = {
  isPublic: true,
  docs: sql`search_doc`,
  seen: (alias) => sql.ref(`${alias}.visible`),
};

/**
 * True where `viewer` may see the search_doc row `alias` that the public may not: its item (or its
 * annex and page) is not deleted and not withheld from `viewer`.
 */
function seenBeyondPublic(viewer: Viewer, alias: string): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`case when ${col("file_id")} is null
    then exists (select 1 from agenda_item sai join meeting sm on sm.id = sai.meeting_id
                 where sai.id = ${col("item_id")} and not sai.deleted and not sm.deleted
                   and ${itemVisible(viewer, "sai")})
    else exists (select 1 from file sf join file_page sfp on sfp.file_id = sf.id
                   left join meeting sm on sm.id = sf.meeting_id
                 where sf.id = ${col("file_id")} and sfp.page = ${col("page")} and sf.role = 'annex'
                   and coalesce(not sm.deleted, true)
                   and ${fileVisible(viewer, "sf")} and ${pageVisible(viewer, "sfp", "sf")})
    end`;
}

/**
 * The search_doc rows the public may not see and `viewer` may (none for the public): closed items,
 * their annexes, pages the privacy gate holds back, each checked one by one (they are few).
 * @example sql`select d.item_id from (${hiddenDocsSeen(viewer)}) d`
 */
export function hiddenDocsSeen(viewer: Viewer): RawBuilder<unknown> {
  if (viewer.kind === "public") return sql`select * from search_doc sh where false`;
  return sql`select * from search_doc sh where not sh.visible and ${seenBeyondPublic(viewer, "sh")}`;
}

/**
 * The rows `viewer` searches. A signed-in viewer's rows are a UNION ALL: PostgreSQL takes a caller's
 * conditions into each branch, so the public rows are still found through the partial GIN index.
 * @example const scope = searchScope(viewer); sql`select d.id from ${scope.docs} d where ${scope.seen("d")}`
 */
export function searchScope(viewer: Viewer): SearchScope {
  if (viewer.kind === "public") return PUBLIC_SCOPE;
  return {
    isPublic: false,
    docs: sql`(select * from search_doc sv where sv.visible union all ${hiddenDocsSeen(viewer)})`,
    // The branches hold only rows the viewer may see.
    seen: () => sql`true`,
  };
}
