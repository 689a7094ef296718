/**
 * @module /konto, the signed-in user's own page: who they are and which roles they hold, change the
 * password (knowing the current one), and set up two-factor sign-in with a QR code drawn on the server.
 */
import { type Context, Hono } from "hono";
import {
  AccountError,
  type AccountUser,
  passwordChanger,
  sessionCreator,
  totpEnabler,
  userActor,
} from "../../accounts/index.js";
import { ROLE_LABELS, roleRequiresTotp } from "../../domain/index.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { servedOverHttps } from "../context.js";
import { wantsJson } from "../error-pages.js";
import { fromAccountError } from "../http-error.js";
import { Layout } from "../layout.js";
import { signedIn } from "../middleware/require-user.js";
import { setSessionCookie } from "../middleware/session.js";
import { clientAddress, formFields } from "./form-input.js";
import {
  TOTP_SECRET_FIELD,
  type TotpSetup,
  TotpSetupFields,
  totpSetup,
  verifyTotpSecret,
} from "./totp-setup.js";

const NOTICES: Readonly<Record<string, string>> = {
  velkommen: "Din adgangskode er gemt, og du er logget ind.",
  adgangskode: "Din adgangskode er ændret. Du er logget ud alle andre steder.",
  totrin: "Totrinsbekræftelse er slået til. Næste gang du logger ind, skal du bruge koden fra appen.",
};

interface AccountPageProps {
  readonly user: AccountUser;
  readonly csrfToken: string;
  readonly siteName: string;
  /** The two-factor setup to show; null when two-factor is on and no new setup was asked for. */
  readonly setup: TotpSetup | null;
  readonly errors?: readonly FieldError[];
  readonly notice?: string | null;
}

function AccountPage(props: AccountPageProps) {
  const errors = props.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message ?? null;
  const { user } = props;
  const totpNeeded = user.roles.some((r) => roleRequiresTotp(r.role));
  return (
    <Layout
      title={errors.length > 0 ? "Fejl: Konto" : "Konto"}
      siteName={props.siteName}
      breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Konto" }]}
    >
      <h1>Konto</h1>
      <ErrorSummary errors={errors} />
      {props.notice ? (
        <div class="alert alert-success account-notice" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.notice}</p>
          </div>
        </div>
      ) : null}
      <dl class="account-facts">
        <dt>Navn</dt>
        <dd>{user.name}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Roller</dt>
        <dd>
          {user.roles.length === 0 ? (
            "Ingen"
          ) : (
            <ul class="nobullet-list">
              {user.roles.map((r) => (
                <li>
                  {ROLE_LABELS[r.role]}
                  {r.bodyName ? `, ${r.bodyName}` : ""}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Skift adgangskode</h2>
        <form class="account-form" action="/konto/adgangskode" method="post" novalidate>
          <CsrfField token={props.csrfToken} />
          <TextField
            id="current-password"
            name="current"
            label="Nuværende adgangskode"
            type="password"
            autocomplete="current-password"
            error={errorOf("current-password")}
            required
          />
          <TextField
            id="new-password"
            name="password"
            label="Ny adgangskode"
            hint="Mindst 12 tegn. En sætning af flere ord er let at huske og svær at gætte."
            type="password"
            autocomplete="new-password"
            error={errorOf("new-password")}
            required
          />
          <TextField
            id="repeat-password"
            name="repeat"
            label="Gentag den nye adgangskode"
            type="password"
            autocomplete="new-password"
            error={errorOf("repeat-password")}
            required
          />
          <button class="button button-primary" type="submit">
            Skift adgangskode
          </button>
        </form>
      </section>

      <section aria-labelledby="totp-heading">
        <h2 id="totp-heading">Totrinsbekræftelse</h2>
        {user.totpEnabled ? (
          <p>
            Totrinsbekræftelse er slået til.{" "}
            {props.setup ? (
              "Scan koden nedenfor for at skifte til en ny app."
            ) : (
              <a href="/konto?totrin=ny#totp-heading">Skift til en ny app</a>
            )}
          </p>
        ) : (
          <p>
            {totpNeeded
              ? "Din rolle kræver totrinsbekræftelse."
              : "Med totrinsbekræftelse skal du bruge en kode fra din telefon, når du logger ind."}
          </p>
        )}
        {props.setup ? (
          <form class="account-form" action="/konto/totrin" method="post" novalidate>
            <CsrfField token={props.csrfToken} />
            <TotpSetupFields setup={props.setup} error={errorOf("totp-code")} />
            <button class="button button-primary" type="submit">
              Slå totrinsbekræftelse til
            </button>
          </form>
        ) : null}
      </section>
    </Layout>
  );
}

function signedInUser(c: Context): AccountUser {
  const user = c.get("user");
  // signedIn() ran first; this is for the type.
  if (!user) throw new Error("/konto without a user");
  return user;
}

/** The key the setup's hidden secret is signed with: this browser's session token. */
function setupKey(c: Context): string {
  return c.get("session")?.token ?? "";
}

async function showPage(
  c: Context,
  options: {
    setup?: TotpSetup | null;
    errors?: readonly FieldError[];
    notice?: string | null;
    wantSetup?: boolean;
  },
  status: 200 | 401 | 422 = 200,
) {
  const user = signedInUser(c);
  const setup =
    options.setup ??
    (!user.totpEnabled || options.wantSetup ? await totpSetup(setupKey(c), user.email) : null);
  c.header("Cache-Control", "private, no-store");
  return c.html(
    <AccountPage
      user={user}
      csrfToken={c.get("csrfToken")()}
      siteName={c.get("settings").siteName}
      setup={setup}
      errors={options.errors ?? []}
      notice={options.notice ?? null}
    />,
    status,
  );
}

export function accountPageApp(): Hono {
  const app = new Hono();
  app.use("/konto", signedIn());
  app.use("/konto/*", signedIn());

  app.get("/konto", function accountPage(c) {
    return showPage(c, {
      notice: NOTICES[c.req.query("besked") ?? ""] ?? null,
      wantSetup: c.req.query("totrin") === "ny",
    });
  });

  app.post("/konto/adgangskode", async function passwordChange(c) {
    const user = signedInUser(c);
    const db = c.get("db");
    const field = await formFields(c);
    if (field("password") !== field("repeat")) {
      return showPage(
        c,
        { errors: [{ field: "repeat-password", message: "De to nye adgangskoder er ikke ens." }] },
        422,
      );
    }
    try {
      await passwordChanger({
        db,
        userId: user.id,
        currentPassword: field("current"),
        newPassword: field("password"),
        actor: userActor(user.id),
      });
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      if (wantsJson(c)) throw fromAccountError(error);
      const fieldId = error.code === "invalid-credentials" ? "current-password" : "new-password";
      const message =
        error.code === "invalid-credentials" ? "Den nuværende adgangskode er forkert." : error.danish;
      return showPage(c, { errors: [{ field: fieldId, message }] }, error.status === 401 ? 401 : 422);
    }
    // passwordChanger ended every session of the user, this one too: sign this browser in again.
    const session = await sessionCreator({
      db,
      userId: user.id,
      address: clientAddress(c),
      userAgent: c.req.header("user-agent") ?? null,
    });
    setSessionCookie(c, session, { secure: servedOverHttps(c.get("settings")) });
    return c.redirect("/konto?besked=adgangskode", 303);
  });

  app.post("/konto/totrin", async function totpEnable(c) {
    const user = signedInUser(c);
    const field = await formFields(c);
    const secret = verifyTotpSecret(setupKey(c), field(TOTP_SECRET_FIELD));
    const retry = await totpSetup(setupKey(c), user.email, secret ?? undefined);
    const wrong = () =>
      showPage(
        c,
        {
          setup: retry,
          errors: [{ field: "totp-code", message: "Koden er forkert. Skriv den kode, appen viser nu." }],
        },
        422,
      );
    if (!secret) return wrong();
    try {
      await totpEnabler({
        db: c.get("db"),
        userId: user.id,
        secret,
        code: field("code").replace(/\s+/g, ""),
        actor: userActor(user.id),
      });
    } catch (error) {
      if (error instanceof AccountError && error.code === "totp-invalid" && !wantsJson(c)) return wrong();
      throw error instanceof AccountError ? fromAccountError(error) : error;
    }
    return c.redirect("/konto?besked=totrin", 303);
  });

  return app;
}
