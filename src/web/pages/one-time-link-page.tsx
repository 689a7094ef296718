/**
 * @module /log-ind/link/:token, the page a first-login or password-reset mail links to: set a password,
 * and, for a role that must have two-factor sign-in (sekretariat, administrator) and has none yet, set it
 * up in the same form, since the link is spent once the password is saved. A link that is unknown, used
 * or expired answers 404 or 410 with the Danish reason.
 */
import { type Context, Hono } from "hono";
import {
  AccountError,
  oneTimeLinkFinder,
  passwordLinkRedeemer,
  sessionCreator,
  totpCheck,
  totpEnabler,
  userActor,
  type ValidLink,
} from "../../accounts/index.js";
import { roleRequiresTotp } from "../../domain/index.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { servedOverHttps } from "../context.js";
import { wantsJson } from "../error-pages.js";
import { fromAccountError } from "../http-error.js";
import { Layout } from "../layout.js";
import { setSessionCookie } from "../middleware/session.js";
import { clientAddress, formFields } from "./form-input.js";
import {
  TOTP_SECRET_FIELD,
  type TotpSetup,
  TotpSetupFields,
  totpSetup,
  verifyTotpSecret,
} from "./totp-setup.js";

/** True when this user must set up two-factor sign-in before the first session. */
function needsTotpSetup(link: ValidLink): boolean {
  return !link.user.totpEnabled && link.user.roles.some((r) => roleRequiresTotp(r.role));
}

interface LinkFormProps {
  readonly link: ValidLink;
  readonly token: string;
  readonly setup: TotpSetup | null;
  readonly errors?: readonly FieldError[];
}

function LinkForm(props: LinkFormProps & { readonly csrfToken: string; readonly siteName: string }) {
  const errors = props.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message ?? null;
  const first = props.link.purpose === "first-login";
  const title = first ? "Opret adgangskode" : "Vælg ny adgangskode";
  return (
    <Layout title={errors.length > 0 ? `Fejl: ${title}` : title} siteName={props.siteName}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <p>
        {first ? "Velkommen, " : "Hej "}
        {props.link.user.name}. Vælg en adgangskode på mindst 12 tegn til {props.link.user.email}. En sætning
        af flere ord er let at huske og svær at gætte.
      </p>
      <form class="account-form" action={`/log-ind/link/${props.token}`} method="post" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField
          id="new-password"
          name="password"
          label="Ny adgangskode"
          type="password"
          autocomplete="new-password"
          error={errorOf("new-password")}
          required
        />
        <TextField
          id="repeat-password"
          name="repeat"
          label="Gentag adgangskoden"
          type="password"
          autocomplete="new-password"
          error={errorOf("repeat-password")}
          required
        />
        {props.setup ? (
          <fieldset class="totp-fieldset">
            <legend class="h3">Totrinsbekræftelse</legend>
            <p>Din rolle kræver, at du logger ind med en kode fra en app ud over adgangskoden.</p>
            <TotpSetupFields setup={props.setup} error={errorOf("totp-code")} />
          </fieldset>
        ) : null}
        <button class="button button-primary" type="submit">
          Gem og log ind
        </button>
      </form>
    </Layout>
  );
}

async function findLink(c: Context, token: string): Promise<ValidLink> {
  try {
    return await oneTimeLinkFinder({ db: c.get("db"), token });
  } catch (error) {
    throw error instanceof AccountError ? fromAccountError(error) : error;
  }
}

function showForm(c: Context, props: LinkFormProps, status: 200 | 401 | 422 = 200) {
  c.header("Cache-Control", "no-store");
  // The token is in the URL: no Referer may carry it to another site.
  c.header("Referrer-Policy", "no-referrer");
  return c.html(
    <LinkForm {...props} csrfToken={c.get("csrfToken")()} siteName={c.get("settings").siteName} />,
    status,
  );
}

export function oneTimeLinkPageApp(): Hono {
  const app = new Hono();

  app.get("/log-ind/link/:token", async function linkForm(c) {
    const token = c.req.param("token");
    const link = await findLink(c, token);
    const setup = needsTotpSetup(link) ? await totpSetup(token, link.user.email) : null;
    return showForm(c, { link, token, setup });
  });

  app.post("/log-ind/link/:token", async function linkRedeem(c) {
    const token = c.req.param("token");
    const db = c.get("db");
    const link = await findLink(c, token);
    const field = await formFields(c);
    const password = field("password");
    const errors: FieldError[] = [];
    if (password !== field("repeat")) {
      errors.push({ field: "repeat-password", message: "De to adgangskoder er ikke ens." });
    }
    let setup: TotpSetup | null = null;
    let secret: string | null = null;
    if (needsTotpSetup(link)) {
      secret = verifyTotpSecret(token, field(TOTP_SECRET_FIELD));
      setup = await totpSetup(token, link.user.email, secret ?? undefined);
      const code = field("code").replace(/\s+/g, "");
      if (!secret || totpCheck({ secret, code, lastStep: null, now: new Date() }).kind !== "accepted") {
        errors.push({ field: "totp-code", message: "Koden er forkert. Skriv den kode, appen viser nu." });
      }
    }
    if (errors.length > 0) return showForm(c, { link, token, setup, errors }, 422);

    try {
      await passwordLinkRedeemer({ db, token, password });
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      if (error.code !== "weak-password" || wantsJson(c)) throw fromAccountError(error);
      return showForm(
        c,
        { link, token, setup, errors: [{ field: "new-password", message: error.danish }] },
        422,
      );
    }
    const userId = link.user.id;
    if (secret) {
      await totpEnabler({
        db,
        userId,
        secret,
        code: field("code").replace(/\s+/g, ""),
        actor: userActor(userId),
      });
    } else if (link.user.totpEnabled) {
      // A reset does not replace the second factor: sign in with the new password and the app's code.
      return c.redirect("/log-ind?besked=adgangskode-sat", 303);
    }
    const session = await sessionCreator({
      db,
      userId,
      address: clientAddress(c),
      userAgent: c.req.header("user-agent") ?? null,
    });
    setSessionCookie(c, session, { secure: servedOverHttps(c.get("settings")) });
    return c.redirect("/konto?besked=velkommen", 303);
  });

  return app;
}
