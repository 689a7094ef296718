/**
 * @module The setup the secretariat's browser tests share: a sekretariat user made as `raadsinfo user add`
 * makes one (with TOTP), the app on a free port with Chromium on a Danish desktop page, and the sign-in
 * through the log-in form a protected page redirects to.
 */
import { mkdirSync } from "node:fs";
import type { Hono } from "hono";
import type { Browser, Page } from "playwright-core";
import { CLI_ACTOR, totpCode, userCreator } from "../../src/accounts/index.js";
import type { Store } from "../../src/store/index.js";
import { PASSWORD } from "../accounts/support.js";
import { launchChromium, SHOTS, servePortal, WIDTHS } from "./page-checks.js";

/** A sekretariat user of `body` with the test password; returns its TOTP secret. */
export async function addSecretariatUser(
  db: Store["db"],
  user: { email: string; name: string; body: string },
): Promise<string> {
  const created = await userCreator({
    db,
    ...user,
    role: "sekretariat",
    password: PASSWORD,
    actor: CLI_ACTOR,
  });
  return created.totpSecret ?? "";
}

/** The app served on 127.0.0.1 and Chromium with one Danish desktop page; `close` stops the browser, then the app. */
export interface PortalSession {
  base: string;
  browser: Browser;
  page: Page;
  close: () => Promise<void>;
}

/** Serves `app`, launches Chromium with a Danish desktop page and makes sure the screenshot folder exists. */
export async function openPortalSession(app: Hono): Promise<PortalSession> {
  const portal = await servePortal(app);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await portal.close();
    throw error;
  }
  const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: "da-DK" });
  const page = await context.newPage();
  mkdirSync(SHOTS, { recursive: true });
  return {
    base: portal.base,
    browser,
    page,
    close: async () => {
      await browser.close();
      await portal.close();
    },
  };
}

/** Waits for the redirect to the log-in form and signs in with e-mail, the test password and a TOTP code. */
export async function signIn(page: Page, email: string, totpSecret: string): Promise<void> {
  await page.waitForURL(/\/log-ind\?til=/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Kode fra autentificeringsapp").fill(totpCode(totpSecret));
  await page.getByRole("button", { name: "Log ind" }).click();
}
