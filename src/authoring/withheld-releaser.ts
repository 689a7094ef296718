/**
 * @module The secretariat's command to release a withheld thing (issue 12, point 1): a closed item that may
 * now be public, an annex the importer could not link to a meeting, a CPR finding that was a false
 * positive. Allowed to the body's secretariat and administrators (domain/visibility.ts mayRelease),
 * audited with the reason it was withheld for.
 */
import { mayRelease, type WithholdingReason } from "../domain/index.js";
import {
  insertAuditEntry,
  type ReleaseResult,
  releaseWithheldThing,
  type WithheldThing,
  withheldThingOf,
} from "../store/index.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface WithheldReleaserProps extends SecretariatCommandProps {
  readonly thing: WithheldThing;
}

/** A refusal: the thing is unknown (404) or the viewer may not release it (403). */
export class ReleaseRefused extends Error {
  override readonly name = "ReleaseRefused";
  constructor(
    readonly code: "not-found" | "forbidden",
    readonly status: 404 | 403,
  ) {
    super(
      code === "not-found"
        ? "nothing withheld to release there"
        : "only the body's secretariat may release this",
    );
  }
}

/**
 * Releases `thing` to the public, an item with its annexes withheld for the same reason; `released` is
 * false when it was not withheld.
 * @example await withheldReleaser({ db, viewer, actor, thing: { kind: "file", id: 12 } })
 */
export async function withheldReleaser(props: WithheldReleaserProps): Promise<ReleaseResult> {
  const { db, viewer, actor, thing } = props;
  const now = props.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const found = await withheldThingOf(tx, thing);
    if (!found) throw new ReleaseRefused("not-found", 404);
    if (!mayRelease(viewer, found.bodyId)) throw new ReleaseRefused("forbidden", 403);
    const result = await releaseWithheldThing(tx, thing, now);
    if (result.released) {
      const before: { withheld: WithholdingReason | null } = { withheld: found.withheld };
      await insertAuditEntry(tx, {
        at: now,
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
        action: "withheld-release",
        targetKind: thing.kind,
        targetId: thing.kind === "page" ? `${thing.fileId}:${thing.page}` : thing.id,
        before,
        after: {
          withheld: null,
          // What went with an item, so the log tells the whole of what the public now sees.
          ...(result.files.length > 0 ? { files: result.files } : {}),
          ...(result.pages.length > 0 ? { pages: result.pages.map((p) => `${p.fileId}:${p.page}`) } : {}),
        },
      });
    }
    return result;
  });
}
