/**
 * @module Signing in and out (issue 12): /log-ind asks for e-mail, password and, when the account has
 * two-factor sign-in, the 6-digit code; each refusal answers its status with a Danish message in an error
 * summary (429 with Retry-After when throttled). /log-ud (POST, with CSRF) ends the session.
 */
import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { AccountError, loginAttempt, sessionEnder } from "../../accounts/index.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { servedOverHttps } from "../context.js";
import { wantsJson } from "../error-pages.js";
import { fromAccountError } from "../http-error.js";
import { Layout } from "../layout.js";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../middleware/session.js";
import { clientAddress, formFields, safeReturnTo } from "./form-input.js";

/** Notices /log-ind shows after a redirect: ?besked=logget-ud and the like. */
const NOTICES: Readonly<Record<string, string>> = {
  "logget-ud": "Du er logget ud.",
  "adgangskode-sat": "Din adgangskode er gemt. Log ind med den nye adgangskode.",
};

interface LoginFormProps {
  readonly csrfToken: string;
  readonly email?: string;
  readonly returnTo: string;
  readonly errors?: readonly FieldError[];
  readonly notice?: string | null;
  readonly siteName: string;
}

/** Which field an account refusal is about, so the summary links to it. */
function fieldOf(error: AccountError): string | null {
  if (error.code.startsWith("totp-") && error.code !== "totp-not-set-up") return "code";
  if (error.code === "invalid-credentials") return "password";
  return null;
}

function LoginForm(props: LoginFormProps) {
  const errors = props.errors ?? [];
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message ?? null;
  return (
    <Layout
      title={errors.length > 0 ? "Fejl: Log ind" : "Log ind"}
      siteName={props.siteName}
      breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Log ind" }]}
    >
      <h1>Log ind</h1>
      <ErrorSummary errors={errors} />
      {props.notice ? (
        <div class="alert alert-success account-notice" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.notice}</p>
          </div>
        </div>
      ) : null}
      <p>For medlemmer og sekretariater. Alt offentligt materiale kan læses uden at logge ind.</p>
      <form class="account-form" action="/log-ind" method="post" novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="til" value={props.returnTo} />
        <TextField
          id="email"
          label="E-mail"
          type="email"
          value={props.email ?? ""}
          autocomplete="username"
          error={errorOf("email")}
          required
        />
        <TextField
          id="password"
          label="Adgangskode"
          type="password"
          autocomplete="current-password"
          error={errorOf("password")}
          required
        />
        <TextField
          id="code"
          label="Kode fra autentificeringsapp"
          hint="6 cifre. Kun hvis din konto har totrinsbekræftelse."
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9 ]*"
          maxlength={7}
          error={errorOf("code")}
        />
        <button class="button button-primary" type="submit">
          Log ind
        </button>
      </form>
    </Layout>
  );
}

function showForm(
  c: Context,
  props: Omit<LoginFormProps, "csrfToken" | "siteName">,
  status: 200 | 400 | 401 | 403 | 429 = 200,
) {
  return c.html(
    <LoginForm {...props} csrfToken={c.get("csrfToken")()} siteName={c.get("settings").siteName} />,
    status,
  );
}

export function loginPageApp(): Hono {
  const app = new Hono();

  app.get("/log-ind", function loginForm(c) {
    c.header("Cache-Control", "no-store");
    return showForm(c, {
      returnTo: safeReturnTo(c.req.query("til")),
      notice: NOTICES[c.req.query("besked") ?? ""] ?? null,
    });
  });

  app.post("/log-ind", async function login(c) {
    c.header("Cache-Control", "no-store");
    const field = await formFields(c);
    const email = field("email").trim();
    const returnTo = safeReturnTo(field("til"));
    const missing: FieldError[] = [];
    if (!email) missing.push({ field: "email", message: "Skriv din e-mail." });
    if (!field("password")) missing.push({ field: "password", message: "Skriv din adgangskode." });
    if (missing.length > 0) return showForm(c, { email, returnTo, errors: missing }, 400);
    try {
      const { session } = await loginAttempt({
        db: c.get("db"),
        email,
        password: field("password"),
        totpCode: field("code").replace(/\s+/g, "") || null,
        address: clientAddress(c),
        userAgent: c.req.header("user-agent") ?? null,
      });
      // A session this browser had before ends: a new sign-in gets a new token (no session fixation).
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous) await sessionEnder({ db: c.get("db"), token: previous });
      setSessionCookie(c, session, { secure: servedOverHttps(c.get("settings")) });
      return c.redirect(returnTo, 303);
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      if (wantsJson(c)) throw fromAccountError(error);
      if (error.retryAfter) {
        c.header(
          "Retry-After",
          String(Math.max(1, Math.ceil((error.retryAfter.getTime() - Date.now()) / 1000))),
        );
      }
      const status = error.status === 429 || error.status === 403 ? error.status : 401;
      return showForm(
        c,
        { email, returnTo, errors: [{ field: fieldOf(error), message: error.danish }] },
        status,
      );
    }
  });

  app.post("/log-ud", async function logout(c) {
    const session = c.get("session");
    if (session) await sessionEnder({ db: c.get("db"), token: session.token });
    clearSessionCookie(c, { secure: servedOverHttps(c.get("settings")) });
    return c.redirect("/log-ind?besked=logget-ud", 303);
  });

  return app;
}
