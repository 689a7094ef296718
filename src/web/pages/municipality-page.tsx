/**
 * @module /kommune/{slug} (issue 14): what the KKRs decided that concerns one municipality, the decisions
 * sent to it, newest first, each linking to its item, and the follow-up tasks that lie with it; only what
 * the public may see (store's municipalityDecisions and publicFollowUps ask domain's policy). The slug is
 * domain's municipalitySlug ("laesoe" for Læsø); any other spelling of the name ("læsø", "Aalborg")
 * redirects to it. /kommune/{slug}.json is the same as JSON. /opfoelgning lists all public follow-ups.
 */
import { Hono } from "hono";
import {
  copenhagenDay,
  formatDanishDate,
  MUNICIPALITIES,
  municipalityOfSlug,
  municipalitySlug,
} from "../../domain/index.js";
import { municipalityDecisions, publicFollowUps } from "../../store/index.js";
import { cachedHtml } from "../cached-page.js";
import { FollowUpList } from "../components/follow-up-list.js";
import { notFound } from "../http-error.js";
import { Layout } from "../layout.js";
import { AlertSignupLink } from "./alert-pages.js";

function municipalityOf(raw: string) {
  const municipality = municipalityOfSlug(raw);
  if (!municipality) throw notFound("Kommunen");
  return municipality;
}

export function municipalityPageApp(): Hono {
  const app = new Hono();

  app.get("/kommune", (c) => {
    const settings = c.get("settings");
    return cachedHtml(
      c,
      <Layout
        title="Kommunerne"
        siteName={settings.siteName}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Kommuner" }]}
      >
        <h1>Kommunerne</h1>
        <p>Hvad KKR har besluttet og sendt videre til hver kommune.</p>
        <ul class="hit-list">
          {MUNICIPALITIES.map((m) => (
            <li>
              <a href={`/kommune/${municipalitySlug(m)}`}>{m}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get("/kommune/:slug", async (c) => {
    const raw = c.req.param("slug");
    const json = raw.endsWith(".json");
    const name = json ? raw.slice(0, -".json".length) : raw;
    const municipality = municipalityOf(name);
    const slug = municipalitySlug(municipality);
    if (name !== slug) return c.redirect(`/kommune/${slug}${json ? ".json" : ""}`, 301);
    const db = c.get("readDb");
    const today = copenhagenDay(c.get("now")());
    const [decisions, tasks] = await Promise.all([
      municipalityDecisions(db, municipality),
      publicFollowUps(db, { municipality }, today),
    ]);
    const settings = c.get("settings");
    if (json) {
      return c.json({
        municipality,
        slug,
        decisions: decisions.map((d) => ({
          item: `${settings.publicBaseUrl}/punkt/${d.itemId}`,
          number: d.number,
          title: d.title,
          decision: d.decision,
          body: d.bodyName,
          meetingDate: d.meetingDate,
          sentAt: d.sentAt.toISOString(),
        })),
        followUps: tasks.map((t) => ({
          item: `${settings.publicBaseUrl}/punkt/${t.itemId}`,
          description: t.description,
          status: t.status,
          dueDate: t.dueDate,
          overdue: t.status !== "done" && t.dueDate !== null && t.dueDate < today,
        })),
      });
    }
    return cachedHtml(
      c,
      <Layout
        title={`${municipality} Kommune`}
        siteName={settings.siteName}
        breadcrumbs={[
          { label: "Forside", href: "/" },
          { label: "Kommuner", href: "/kommune" },
          { label: municipality },
        ]}
        head={<link rel="alternate" type="application/json" href={`/kommune/${slug}.json`} />}
      >
        <h1>
          <span class="h1-context">Beslutninger sendt til</span>
          {municipality} Kommune
        </h1>
        <AlertSignupLink target={{ kind: "municipality", municipality }} />
        <section aria-labelledby="beslutninger">
          <h2 id="beslutninger">Beslutninger</h2>
          {decisions.length === 0 ? (
            <p>KKR har endnu ikke sendt beslutninger videre til {municipality} Kommune gennem Rådsinfo.</p>
          ) : (
            <ul class="meeting-list">
              {decisions.map((d) => (
                <li>
                  <p>
                    <a href={`/punkt/${d.itemId}`}>
                      <strong>{`${d.number} ${d.title}`}</strong>
                    </a>
                  </p>
                  <p class="meeting-list__meta">
                    {`${d.bodyName}, møde ${formatDanishDate(d.meetingDate)} · sendt ${formatDanishDate(d.sentAt.toISOString().slice(0, 10))}`}
                  </p>
                  <p>
                    <strong>Beslutning:</strong> {d.decision}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="opfoelgning">
          <h2 id="opfoelgning">Opfølgning hos {municipality} Kommune</h2>
          <FollowUpList tasks={tasks} today={today} />
        </section>
        <p>
          <a href={`/kommune/${slug}.json`}>Siden som JSON</a>
        </p>
      </Layout>,
    );
  });

  app.get("/opfoelgning", async (c) => {
    const today = copenhagenDay(c.get("now")());
    const tasks = await publicFollowUps(c.get("readDb"), {}, today);
    const settings = c.get("settings");
    return cachedHtml(
      c,
      <Layout
        title="Opfølgning på beslutninger"
        siteName={settings.siteName}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Opfølgning" }]}
      >
        <h1>Opfølgning på beslutninger</h1>
        <p>Opgaver, som KKR's beslutninger har givet, med frist og status. Overskredne frister står først.</p>
        <FollowUpList tasks={tasks} today={today} />
      </Layout>,
    );
  });
  return app;
}
