/**
 * @module What every browser test checks on a page, in one place: Chromium is there, axe-core finds no
 * serious or critical WCAG 2.1 AA fault, and screenshots at 320 px (without sideways scrolling) and
 * desktop width land in test-output/screenshots/. Every browser suite uses these.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SHOTS = "test-output/screenshots";
export const WIDTHS = {
  phone: { width: 320, height: 640 },
  desktop: { width: 1280, height: 900 },
} as const;
/** Headless Chromium as the browser tests launch it. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
];

/** Why the browser test cannot run here, or null when Chromium is installed. */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`;
}

/**
 * The `skip` option of a browser suite: false when Chromium is here. Without it, CI gets a failing test (a
 * missing browser is a broken machine there, not a reason to pass quietly) and a developer a warning.
 * @example describe("the portal in Chromium", { skip: chromiumSkip() }, () => { ... });
 */
export function chromiumSkip(): string | false {
  const missing = chromiumMissing();
  if (missing && process.env.CI) it("has Chromium to drive", () => assert.fail(missing));
  else if (missing) console.warn(`browser test skipped: ${missing}`);
  return missing ?? false;
}

/** Fails on any serious or critical axe-core violation, naming the rule and the first elements. */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const where = (nodes: readonly { target: unknown[] }[]) =>
    nodes
      .slice(0, 3)
      .map((n) => n.target.join(" "))
      .join(", ");
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${where(v.nodes)}`),
    [],
    `axe-core on ${what}`,
  );
}

/** Full-page screenshots at 320 px and desktop width; fails when the page scrolls sideways at 320 px. */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    assert.ok(overflow <= 0, `${name} at ${size.width} px scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** The app on a free port of 127.0.0.1, for the browser to open; `close` stops it. */
export async function servePortal(app: Hono): Promise<{ base: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headless Debian Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A reader's page at desktop width in Danish that keeps downloads, with the screenshot folder made. */
export async function readerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: WIDTHS.desktop,
    acceptDownloads: true,
    locale: "da-DK",
  });
  mkdirSync(SHOTS, { recursive: true });
  return context.newPage();
}
