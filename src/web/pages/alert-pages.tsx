/**
 * @module Alerts by e-mail (issue 16), without script: /besked asks for an address (CSRF as every
 * anonymous form), /besked/bekraeft/TOKEN confirms after a button press, /afmeld/TOKEN unsubscribes.
 * A GET of a mailed link only shows a button, so a link scanner that opens it changes nothing; a POST to
 * /afmeld/TOKEN is RFC 8058's one-click unsubscribe and needs no CSRF token (the token is the proof).
 */
import { type Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import {
  ALERT_SUBSCRIBE_PATH,
  AlertError,
  alertConfirmer,
  alertLinkFinder,
  alertSubscriber,
  alertTargetPhrase,
  alertUnsubscriber,
  alertUnsubscribeUrl,
} from "../../alerts/index.js";
import { municipalityOfSlug } from "../../domain/index.js";
import { type AlertTarget, alertTargetName } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { fromAlertError, notFound } from "../http-error.js";
import { Layout } from "../layout.js";
import { formFields } from "./form-input.js";

/**
 * The target a form or query names: organ (a body's id), sag (a matter's id), q (a search), kommune (a
 * municipality's name); null when none or not a number where one is needed.
 */
export function alertTargetOf(field: (name: string) => string): AlertTarget | null {
  const id = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : null);
  const bodyId = id(field("organ"));
  if (bodyId !== null) return { kind: "body", bodyId };
  const matterId = id(field("sag"));
  if (matterId !== null) return { kind: "matter", matterId };
  if (field("q").trim()) return { kind: "search", query: field("q").trim() };
  // Any spelling the municipality pages take ("laesoe", "læsø"), stored as the one name ("Læsø").
  const municipality = field("kommune").trim() ? municipalityOfSlug(field("kommune").trim()) : null;
  if (municipality) return { kind: "municipality", municipality };
  return null;
}

/** The hidden fields that carry a target through the form. */
function TargetFields(props: { readonly target: AlertTarget }) {
  const { target } = props;
  switch (target.kind) {
    case "body":
      return <input type="hidden" name="organ" value={String(target.bodyId)} />;
    case "matter":
      return <input type="hidden" name="sag" value={String(target.matterId)} />;
    case "search":
      return <input type="hidden" name="q" value={target.query} />;
    case "municipality":
      return <input type="hidden" name="kommune" value={target.municipality} />;
  }
}

/**
 * The small form a public page carries ("Få besked på e-mail"): a GET to /besked, so the page itself
 * sets no cookie and stays cacheable; the subscribe page then asks again with its CSRF token.
 */
export function AlertSignupLink(props: { readonly target: AlertTarget }) {
  return (
    <form class="alert-signup" action={ALERT_SUBSCRIBE_PATH} method="get">
      <TargetFields target={props.target} />
      <button class="button button-secondary" type="submit">
        Få besked på e-mail
      </button>
    </form>
  );
}

function SimplePage(props: { readonly c: Context; readonly title: string; readonly children: Child }) {
  return (
    <Layout
      title={props.title}
      siteName={props.c.get("settings").siteName}
      breadcrumbs={[{ label: "Forside", href: "/" }, { label: props.title }]}
    >
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

function SubscribeForm(props: {
  readonly c: Context;
  readonly target: AlertTarget;
  readonly targetName: string;
  readonly email?: string;
  readonly errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const phrase = alertTargetPhrase(props.target, props.targetName);
  return (
    <Layout
      title={errors.length > 0 ? "Fejl: Få besked på e-mail" : "Få besked på e-mail"}
      siteName={props.c.get("settings").siteName}
      breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Få besked på e-mail" }]}
    >
      <h1>Få besked på e-mail</h1>
      <ErrorSummary errors={errors} />
      <p>
        Få en e-mail om {phrase}, når der kommer nye offentlige møder, punkter eller beslutninger. Vi sender
        højst én e-mail i døgnet, og du kan altid afmelde dig med linket i e-mailen.
      </p>
      <form class="account-form" action={ALERT_SUBSCRIBE_PATH} method="post" novalidate>
        <CsrfField token={props.c.get("csrfToken")()} />
        <TargetFields target={props.target} />
        <TextField
          id="email"
          label="E-mail"
          type="email"
          value={props.email ?? ""}
          autocomplete="email"
          hint="Vi sender en e-mail med et link, som du skal åbne for at bekræfte."
          error={errors.find((e) => e.field === "email")?.message ?? null}
          required
        />
        <button class="button button-primary" type="submit">
          Tilmeld
        </button>
      </form>
    </Layout>
  );
}

/** The target's name, or 404 when the body or matter does not exist. */
async function nameOf(
  c: Context,
  target: AlertTarget | null,
): Promise<{ target: AlertTarget; name: string }> {
  const name = target ? await alertTargetName(c.get("db"), target) : null;
  if (!target || name === null || name === "") throw notFound("Det, du vil have besked om,");
  return { target, name };
}

/** A stale or unknown link: a Danish page with the refusal's status. */
function refusal(error: unknown): never {
  if (error instanceof AlertError) throw fromAlertError(error);
  throw error;
}

/** @example app.route("/", alertPagesApp()) */
export function alertPagesApp(): Hono {
  const app = new Hono();

  app.get(ALERT_SUBSCRIBE_PATH, async function alertSubscribeForm(c) {
    c.header("Cache-Control", "no-store");
    const { target, name } = await nameOf(
      c,
      alertTargetOf((n) => c.req.query(n) ?? ""),
    );
    return c.html(<SubscribeForm c={c} target={target} targetName={name} />);
  });

  app.post(ALERT_SUBSCRIBE_PATH, async function alertSubscribe(c) {
    c.header("Cache-Control", "no-store");
    const field = await formFields(c);
    const { target, name } = await nameOf(c, alertTargetOf(field));
    const email = field("email").trim();
    try {
      await alertSubscriber({ db: c.get("db"), email, target, baseUrl: c.get("settings").publicBaseUrl });
    } catch (error) {
      if (error instanceof AlertError && error.code === "invalid-email") {
        const errors = [{ field: "email", message: error.danish }];
        return c.html(
          <SubscribeForm c={c} target={target} targetName={name} email={email} errors={errors} />,
          400,
        );
      }
      refusal(error);
    }
    // The same answer for a new, pending or confirmed address: the page tells no one what another follows.
    return c.html(
      <SimplePage c={c} title="Tjek din e-mail">
        <p>
          Vi har sendt en e-mail til {email} med et link. Åbn linket for at bekræfte, at du vil have besked om{" "}
          {alertTargetPhrase(target, name)}. Før da sender vi ingen beskeder.
        </p>
      </SimplePage>,
    );
  });

  app.get("/besked/bekraeft/:token", async function alertConfirmForm(c) {
    c.header("Cache-Control", "no-store");
    const token = c.req.param("token");
    const found = await alertLinkFinder({ db: c.get("db"), purpose: "confirm", token }).catch(refusal);
    const phrase = alertTargetPhrase(found.subscription.target, found.targetName ?? "");
    return c.html(
      <SimplePage c={c} title="Bekræft din tilmelding">
        <p>
          Tryk på knappen for at få besked på e-mail til {found.subscription.email} om {phrase}.
        </p>
        <form action={`/besked/bekraeft/${token}`} method="post">
          <CsrfField token={c.get("csrfToken")()} />
          <button class="button button-primary" type="submit">
            Bekræft tilmelding
          </button>
        </form>
      </SimplePage>,
    );
  });

  app.post("/besked/bekraeft/:token", async function alertConfirm(c) {
    c.header("Cache-Control", "no-store");
    const confirmed = await alertConfirmer({ db: c.get("db"), token: c.req.param("token") }).catch(refusal);
    const phrase = alertTargetPhrase(confirmed.subscription.target, confirmed.targetName ?? "");
    const unsubscribe = alertUnsubscribeUrl(c.get("settings").publicBaseUrl, confirmed.unsubscribeToken);
    return c.html(
      <SimplePage c={c} title="Din tilmelding er bekræftet">
        <p>
          Du får nu besked på e-mail om {phrase}, højst én gang i døgnet, når der er nyt. Hver e-mail har et
          link til at afmelde.
        </p>
        <p>
          <a href={unsubscribe}>Afmeld beskeden</a>
        </p>
      </SimplePage>,
    );
  });

  app.get("/afmeld/:token", async function alertUnsubscribeForm(c) {
    c.header("Cache-Control", "no-store");
    const token = c.req.param("token");
    const found = await alertLinkFinder({ db: c.get("db"), purpose: "unsubscribe", token }).catch(refusal);
    const phrase = alertTargetPhrase(found.subscription.target, found.targetName ?? "");
    if (found.subscription.unsubscribed) {
      return c.html(
        <SimplePage c={c} title="Du er afmeldt">
          <p>Du får ikke længere besked om {phrase}.</p>
        </SimplePage>,
      );
    }
    return c.html(
      <SimplePage c={c} title="Afmeld besked på e-mail">
        <p>
          Tryk på knappen for at stoppe beskederne til {found.subscription.email} om {phrase}.
        </p>
        <form action={`/afmeld/${token}`} method="post">
          <button class="button button-primary" type="submit">
            Afmeld
          </button>
        </form>
      </SimplePage>,
    );
  });

  // RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" here, without cookies or a token of ours.
  app.post("/afmeld/:token", async function alertUnsubscribe(c) {
    c.header("Cache-Control", "no-store");
    const ended = await alertUnsubscriber({ db: c.get("db"), token: c.req.param("token") }).catch(refusal);
    return c.html(
      <SimplePage c={c} title="Du er afmeldt">
        <p>
          Du får ikke længere besked om {alertTargetPhrase(ended.subscription.target, ended.targetName ?? "")}
          .
        </p>
      </SimplePage>,
    );
  });

  return app;
}
