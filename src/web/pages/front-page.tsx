/** @module The front page: the bodies, the next and the latest meetings, the latest decisions. */
import { Hono } from "hono";
import { formatDanishDate } from "../../domain/index.js";
import { danishToday, getFrontPage } from "../../store/index.js";
import { teaser } from "../components/format.js";
import { MeetingList } from "../components/meeting-list.js";
import { UpcomingMeetings } from "../components/upcoming-meetings.js";
import { Layout } from "../layout.js";

export function frontPageApp(): Hono {
  const app = new Hono();
  app.get("/", async (c) => {
    const today = danishToday(c.get("now")());
    const data = await getFrontPage(c.get("readDb"), { viewer: c.get("viewer"), today });
    return c.html(
      <Layout
        title="Rådsinfo"
        siteName={c.get("settings").siteName}
        lastModified={data.lastModified}
        headerSearch={false}
        wide
      >
        <h1>Møder og beslutninger</h1>
        <p class="font-lead">
          Find dagsordener, referater, beslutninger og bilag fra kommunekontaktrådene og andre politiske
          organer.
        </p>
        <search class="front-search" aria-label="Søg på forsiden">
          <form action="/soeg" method="get">
            <label class="form-label" for="front-search-q">
              Søg i møder, punkter og bilag
            </label>
            <div class="front-search__row">
              <input class="form-input" id="front-search-q" name="q" type="search" />
              <button class="button button-primary" type="submit">
                Søg
              </button>
            </div>
          </form>
        </search>
        <div class="front-grid">
          <section aria-labelledby="organer">
            <h2 id="organer">Organer</h2>
            {data.bodies.length === 0 ? (
              <p>Der er endnu ikke indlæst nogen møder.</p>
            ) : (
              <ul class="body-list">
                {data.bodies.map((body) => (
                  <li>
                    <a href={`/organ/${body.id}`}>{body.name}</a>{" "}
                    <span class="meeting-list__meta">
                      {body.meetingCount === 0
                        ? "ingen møder endnu"
                        : `${body.meetingCount} ${body.meetingCount === 1 ? "møde" : "møder"}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="naeste-moeder">
            <h2 id="naeste-moeder">Kommende møder</h2>
            <UpcomingMeetings meetings={data.upcoming} announced={data.announced} />
          </section>
          <section aria-labelledby="seneste-moeder">
            <h2 id="seneste-moeder">Seneste møder</h2>
            <MeetingList meetings={data.latest} empty="Der er ingen afholdte møder endnu." />
          </section>
        </div>
        <section class="front-decisions" aria-labelledby="seneste-beslutninger">
          <h2 id="seneste-beslutninger">Seneste beslutninger</h2>
          <p class="front-decisions__note">
            Faste punkter som godkendelse af dagsorden og eventuelt er udeladt.
          </p>
          {data.decisions.length === 0 ? (
            <p>Der er ingen beslutninger endnu.</p>
          ) : (
            <ul class="decision-list">
              {data.decisions.map((d) => (
                <li>
                  <a href={`/punkt/${d.itemId}`}>
                    {d.number} {d.title}
                  </a>
                  <span class="meeting-list__meta">
                    {d.meeting.bodyName}, {formatDanishDate(d.meeting.date)}
                  </span>
                  <p>{teaser(d.decision)}</p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/beslutninger">Alle beslutninger</a> · <a href="/personer">Politikere og fremmøde</a>
          </p>
        </section>
      </Layout>,
    );
  });
  return app;
}
