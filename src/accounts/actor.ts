/**
 * @module Who performs a write, as the audit log records it: a signed-in user, a user through an API
 * token, or the command line (run by whoever has the server, so no account).
 */
export interface Actor {
  readonly userId: number | null;
  readonly tokenId: number | null;
}

/** The command line: `raadsinfo user add` and the like. */
export const CLI_ACTOR: Actor = Object.freeze({ userId: null, tokenId: null });

export function userActor(userId: number): Actor {
  return { userId, tokenId: null };
}

export function tokenActor(userId: number, tokenId: number): Actor {
  return { userId, tokenId };
}
