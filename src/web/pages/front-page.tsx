/** @module The front page: bodies and their latest meetings. */
import { Hono } from "hono";
import { formatDanishDate, isMeetingState, MEETING_STATE_LABELS } from "../../domain/index.js";
import { listBodies, listMeetings } from "../../store/index.js";
import { Layout } from "../layout.js";

export function frontPageApp(): Hono {
  const app = new Hono();
  app.get("/", async (c) => {
    const db = c.get("db");
    const [bodies, meetings] = await Promise.all([listBodies(db), listMeetings(db, { limit: 20 })]);
    return c.html(
      <Layout title="Rådsinfo" siteName={c.get("settings").siteName}>
        <h1>Møder og beslutninger</h1>
        <p class="font-lead">
          Find dagsordener, referater, beslutninger og bilag fra kommunekontaktrådene og andre politiske
          organer.
        </p>
        <h2>Organer</h2>
        {bodies.length === 0 ? (
          <p>Der er endnu ikke indlæst nogen møder.</p>
        ) : (
          <ul>
            {bodies.map((body) => (
              <li>
                <a href={`/organ/${body.id}`}>{body.name}</a> ({body.meetingCount}{" "}
                {body.meetingCount === 1 ? "møde" : "møder"})
              </li>
            ))}
          </ul>
        )}
        <h2>Seneste møder</h2>
        <ul class="meeting-list">
          {meetings.map((m) => (
            <li>
              <a href={`/moede/${m.id}`}>
                {m.bodyName}, {formatDanishDate(m.date)}
              </a>
              <br />
              <span class="small-text">
                {isMeetingState(m.state) ? MEETING_STATE_LABELS[m.state] : m.state} · {m.itemCount}{" "}
                {m.itemCount === 1 ? "punkt" : "punkter"}
              </span>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
  return app;
}
