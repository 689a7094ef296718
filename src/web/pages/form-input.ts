/** @module Reading the account forms: text fields of a parsed body, the client's address, a safe way back. */
import type { Context } from "hono";
import type { SiteSettings } from "../context.js";

/** A text field of a urlencoded or multipart form ("" when absent or a file). */
export async function formFields(c: Context): Promise<(name: string) => string> {
  const body = await c.req.parseBody();
  return (name) => {
    const value = body[name];
    return typeof value === "string" ? value : "";
  };
}

/**
 * The client's address for login throttling. Directly reached, the socket's peer as @hono/node-server
 * hands it over. Behind `trustedProxies` proxies (TRUSTED_PROXIES), each of which appends the address it
 * was reached from to X-Forwarded-For, the client is that many entries from the right: what a client
 * writes into the header itself stays to the left and cannot pose as another address.
 */
export function clientAddress(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? null;
  const hops = (c.get("settings") as SiteSettings | undefined)?.trustedProxies ?? 0;
  if (hops === 0) return peer;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return forwarded.at(-hops) ?? peer;
}

/** A path on this site to go back to after signing in; anything else (another host, "//x") is "/". */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // A control character (a CR/LF could split the Location header) makes it "/" too.
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return "/";
  return value;
}
