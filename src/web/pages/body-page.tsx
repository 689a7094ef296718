/** @module The body page: members now, meetings by year, attendance over the meetings, feeds. */
import { Hono } from "hono";
import { getBodyPage, type MeetingRef } from "../../store/index.js";
import { bodyAttendanceRates } from "../../store/read/attendance-queries.js";
import { AnnexList } from "../components/annex-list.js";
import { AttendanceChart } from "../components/attendance-chart.js";
import { formatPercent, roleLabel } from "../components/format.js";
import { MeetingList } from "../components/meeting-list.js";
import { notFound } from "../http-error.js";
import { Layout } from "../layout.js";
import { AlertSignupLink } from "./alert-pages.js";
import { idParam } from "./route-params.js";

function byYear(meetings: readonly MeetingRef[]): [string, MeetingRef[]][] {
  const years = new Map<string, MeetingRef[]>();
  for (const m of meetings) {
    const year = m.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), m]);
  }
  return [...years.entries()];
}

export function bodyPageApp(): Hono {
  const app = new Hono();
  app.get("/organ/:id", async (c) => {
    const data = await getBodyPage(c.get("readDb"), idParam(c), c.get("viewer"));
    if (!data) throw notFound("Organet");
    const rates = await bodyAttendanceRates(c.get("readDb"), data.id);
    const feeds = (
      <>
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${data.name}: møder og beslutninger (RSS)`}
          href={`/organ/${data.id}/feed.rss`}
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${data.name}: møder og beslutninger (Atom)`}
          href={`/organ/${data.id}/feed.atom`}
        />
      </>
    );
    return c.html(
      <Layout
        title={data.name}
        siteName={c.get("settings").siteName}
        head={feeds}
        lastModified={data.lastModified}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: data.name }]}
      >
        <h1>{data.name}</h1>
        <ul class="follow-links">
          <li>
            <a href={`/organ/${data.id}/feed.rss`}>Nyhedsfeed (RSS)</a>
          </li>
          <li>
            <a href={`/organ/${data.id}/feed.atom`}>Nyhedsfeed (Atom)</a>
          </li>
          <li>
            <a href={`/organ/${data.id}/moeder.ics`}>Mødekalender (ICS)</a>
          </li>
        </ul>
        <AlertSignupLink target={{ kind: "body", bodyId: data.id }} />
        <section aria-labelledby="medlemmer">
          <h2 id="medlemmer">Medlemmer</h2>
          {data.members.length === 0 ? (
            <p>Der er ikke registreret medlemmer.</p>
          ) : (
            <div class="table--responsive-scroll">
              <table class="table table--compact table--stack-phone">
                <thead>
                  <tr>
                    <th scope="col">Navn</th>
                    <th scope="col">Parti</th>
                    <th scope="col">Kommune</th>
                    <th scope="col">Rolle</th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.map((m) => (
                    <tr>
                      <th scope="row">
                        <a href={`/person/${m.personId}`}>{m.name}</a>
                      </th>
                      <td data-title="Parti">{m.party ?? ""}</td>
                      <td data-title="Kommune">{m.municipality ?? ""}</td>
                      <td data-title="Rolle">{roleLabel(m.role)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section aria-labelledby="fremmoede">
          <h2 id="fremmoede">Fremmøde</h2>
          <AttendanceChart id="fremmoede-chart" meetings={data.attendance} />
          {rates.length > 0 ? (
            <>
              <h3 id="fremmoede-personer">Fremmøde pr. person</h3>
              <p>Møder som suppleant tælles for sig og indgår ikke i fremmødeprocenten.</p>
              <div class="table--responsive-scroll">
                <table class="table table--compact table--stack-phone" aria-labelledby="fremmoede-personer">
                  <thead>
                    <tr>
                      <th scope="col">Navn</th>
                      <th scope="col">Deltog</th>
                      <th scope="col">Afbud</th>
                      <th scope="col">Fremmøde</th>
                      <th scope="col">Som suppleant</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rates.map((r) => (
                      <tr>
                        <th scope="row">
                          <a href={`/person/${r.personId}`}>{r.name}</a>
                        </th>
                        <td data-title="Deltog">{r.present}</td>
                        <td data-title="Afbud">{r.absent}</td>
                        <td data-title="Fremmøde">{r.rate === null ? "–" : formatPercent(r.rate)}</td>
                        <td data-title="Som suppleant">{r.substituted}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </section>
        <section aria-labelledby="moeder">
          <h2 id="moeder">Møder</h2>
          {data.meetings.length === 0 ? <p>Der er ingen møder endnu.</p> : null}
          {byYear(data.meetings).map(([year, meetings]) => (
            <>
              <h3>{year}</h3>
              <MeetingList meetings={meetings} showBody={false} empty="" />
            </>
          ))}
        </section>
        {data.documents.length > 0 ? (
          <section aria-labelledby="dokumenter">
            <h2 id="dokumenter">Andre dokumenter</h2>
            <p>Bilag og dokumenter, der ikke er knyttet til et bestemt møde.</p>
            <AnnexList files={data.documents} empty="" />
          </section>
        ) : null}
        <section aria-labelledby="data">
          <h2 id="data">Hent data</h2>
          <p>Punkter med beslutninger, fremmøde og personer som regneark eller JSON.</p>
          <ul class="follow-links">
            <li>
              <a href={`/organ/${data.id}/eksport.csv`}>Punkter og beslutninger (CSV)</a>
            </li>
            <li>
              <a href={`/organ/${data.id}/eksport.csv?tabel=deltagere`}>Fremmøde (CSV)</a>
            </li>
            <li>
              <a href={`/organ/${data.id}/eksport.csv?tabel=personer`}>Personer (CSV)</a>
            </li>
            <li>
              <a href={`/organ/${data.id}/eksport.json`}>Alt i ét (JSON)</a>
            </li>
          </ul>
        </section>
      </Layout>,
    );
  });
  return app;
}
