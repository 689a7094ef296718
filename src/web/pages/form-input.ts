/** @module Reading the account forms: text fields of a parsed body, the client's address, a safe way back. */
import type { Context } from "hono";

/** A text field of a urlencoded or multipart form ("" when absent or a file). */
export async function formFields(c: Context): Promise<(name: string) => string> {
  const body = await c.req.parseBody();
  return (name) => {
    const value = body[name];
    return typeof value === "string" ? value : "";
  };
}

/**
 * The client's address for login throttling: the socket's peer as @hono/node-server hands it over. A
 * proxy in front makes every client the proxy's address; the per-account limit still holds then.
 */
export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/** A path on this site to go back to after signing in; anything else (another host, "//x") is "/". */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // A control character (a CR/LF could split the Location header) makes it "/" too.
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return "/";
  return value;
}
