/**
 * @module The meeting page: facts, attendance (who substituted whom), the agenda by section with each item
 * anchored as #punkt-{number}, annexes, original files and the previous and next meeting.
 */
import { Hono } from "hono";
import { formatDanishDate } from "../../domain/index.js";
import {
  type AgendaEntryView,
  type AttendeeView,
  agendaRenderings,
  getMeetingPage,
  type MeetingPageData,
  minutesRenderings,
} from "../../store/index.js";
import { cachedHtml } from "../cached-page.js";
import { AnnexList } from "../components/annex-list.js";
import {
  formatFileSize,
  formatTimeRange,
  meetingStateLabel,
  municipalityLabel,
  teaser,
} from "../components/format.js";
import { WithheldMark } from "../components/withheld-mark.js";
import { notFound } from "../http-error.js";
import { Layout } from "../layout.js";
import { idParam } from "./route-params.js";

interface Section {
  readonly number: string | null;
  readonly title: string | null;
  readonly items: AgendaEntryView[];
}

/** Groups items by section in agenda order; a section heading is shown once. */
function sections(items: readonly AgendaEntryView[]): Section[] {
  const result: Section[] = [];
  for (const item of items) {
    const last = result.at(-1);
    if (last && last.number === item.sectionNumber) last.items.push(item);
    else result.push({ number: item.sectionNumber, title: item.sectionTitle, items: [item] });
  }
  return result;
}

function Attendee(props: { readonly a: AttendeeView }) {
  const { a } = props;
  const details = [a.party ? `(${a.party})` : null, municipalityLabel(a.municipality)]
    .filter(Boolean)
    .join(" ");
  return (
    <li>
      <a href={`/person/${a.personId}`}>{a.name}</a>
      {details ? ` ${details}` : null}
      {a.substituteForName ? (
        <>
          {", suppleant for "}
          {a.substituteForPersonId !== null ? (
            <a href={`/person/${a.substituteForPersonId}`}>{a.substituteForName}</a>
          ) : (
            a.substituteForName
          )}
        </>
      ) : null}
    </li>
  );
}

function Agenda(props: { readonly items: readonly AgendaEntryView[] }) {
  return (
    <>
      {sections(props.items).map((section) => (
        <section class="agenda-section">
          {section.title ? <h3>{`${section.number ?? ""}. ${section.title}`.replace(/^\. /, "")}</h3> : null}
          <ol class="agenda">
            {section.items.map((item) =>
              item.closed ? (
                <li id={`punkt-${item.number}`} class="agenda__item agenda__item--closed">
                  <span class="agenda__number">{item.number}</span> {item.title}
                </li>
              ) : (
                <li id={`punkt-${item.number}`} class="agenda__item">
                  <span class="agenda__number">{item.number}</span>{" "}
                  <a href={`/punkt/${item.id}`}>{item.title}</a>
                  <WithheldMark withheld={item.withheld} />
                  {item.decision ? (
                    <p class="agenda__decision">
                      <strong>Beslutning:</strong> {teaser(item.decision, 160)}
                    </p>
                  ) : null}
                </li>
              ),
            )}
          </ol>
        </section>
      ))}
    </>
  );
}

function MeetingNav(props: { readonly data: MeetingPageData }) {
  const { previous, next, previousDate, nextDate } = props.data;
  if (!previous && !next && !previousDate && !nextDate) return null;
  return (
    <nav class="meeting-nav" aria-label="Forrige og næste møde">
      {previous ? (
        <a rel="prev" href={`/moede/${previous.id}`}>
          ← Forrige møde: {formatDanishDate(previous.date)}
        </a>
      ) : previousDate ? (
        <span>Forrige møde: {formatDanishDate(previousDate)}</span>
      ) : (
        <span />
      )}
      {next ? (
        <a rel="next" href={`/moede/${next.id}`}>
          Næste møde: {formatDanishDate(next.date)} →
        </a>
      ) : nextDate ? (
        <span>Næste møde: {formatDanishDate(nextDate)}</span>
      ) : null}
    </nav>
  );
}

export function meetingPageApp(): Hono {
  const app = new Hono();
  app.get("/moede/:id", async (c) => {
    const data = await getMeetingPage(c.get("db"), idParam(c), c.get("viewer"));
    if (!data) throw notFound("Mødet");
    // An agenda written here and sent has its public PDFs (closed items as "Lukket punkt"); a planned
    // meeting's renderings are drafts.
    const pdfs =
      data.state === "planned"
        ? []
        : (await agendaRenderings(c.get("db"), data.id)).filter((r) => r.edition === "public");
    // Minutes written here: their public edition once published (the meeting is then minutes-approved).
    const minutesPdf =
      data.state === "minutes-approved"
        ? (await minutesRenderings(c.get("db"), data.id)).find((r) => r.edition === "public")
        : undefined;
    const date = formatDanishDate(data.date);
    const present = data.attendance.filter((a) => a.status === "present");
    const absent = data.attendance.filter((a) => a.status === "absent");
    const time = formatTimeRange(data.startTime, data.endTime);
    return cachedHtml(
      c,
      <Layout
        title={`${data.body.name}, ${date}`}
        siteName={c.get("settings").siteName}
        lastModified={data.lastModified}
        breadcrumbs={[
          { label: "Forside", href: "/" },
          { label: data.body.name, href: `/organ/${data.body.id}` },
          { label: `Møde ${date}` },
        ]}
      >
        <h1>
          <span class="h1-context">{data.body.name}</span> Møde {date}
        </h1>
        <dl class="facts">
          <dt>Dato</dt>
          <dd>{date}</dd>
          {time ? (
            <>
              <dt>Tidspunkt</dt>
              <dd>{time}</dd>
            </>
          ) : null}
          {data.location ? (
            <>
              <dt>Sted</dt>
              <dd>{data.location}</dd>
            </>
          ) : null}
          <dt>Status</dt>
          <dd>{meetingStateLabel(data.state)}</dd>
        </dl>
        <section aria-labelledby="dagsorden">
          <h2 id="dagsorden">Dagsorden</h2>
          {data.items.length === 0 ? (
            <p>Dagsordenen er ikke offentliggjort endnu.</p>
          ) : (
            <Agenda items={data.items} />
          )}
        </section>
        <section aria-labelledby="deltagere">
          <h2 id="deltagere">Deltagere</h2>
          {data.attendance.length === 0 ? (
            <p>Der er ikke registreret fremmøde.</p>
          ) : (
            <div class="attendance">
              <div>
                <h3>{`Til stede (${present.length})`}</h3>
                <ul>
                  {present.map((a) => (
                    <Attendee a={a} />
                  ))}
                </ul>
              </div>
              <div>
                <h3>{`Afbud (${absent.length})`}</h3>
                {absent.length === 0 ? (
                  <p>Ingen afbud.</p>
                ) : (
                  <ul>
                    {absent.map((a) => (
                      <Attendee a={a} />
                    ))}
                  </ul>
                )}
              </div>
            </div>
          )}
        </section>
        {pdfs.length > 0 || minutesPdf ? (
          <section aria-labelledby="pdf">
            <h2 id="pdf">Som PDF</h2>
            <ul class="annex-list">
              {pdfs.map((r) => (
                <li>
                  <a href={`/moede/${data.id}/${r.kind === "agenda" ? "dagsorden" : "bilagspakke"}.pdf`}>
                    {r.kind === "agenda" ? "Dagsorden (PDF)" : "Bilagspakke (PDF)"}
                  </a>
                  <span class="meeting-list__meta">
                    {`${r.pageCount} ${r.pageCount === 1 ? "side" : "sider"}, ${formatFileSize(r.byteSize)}`}
                  </span>
                </li>
              ))}
              {minutesPdf ? (
                <li>
                  <a href={`/moede/${data.id}/referat.pdf`}>Referat (PDF)</a>
                  <span class="meeting-list__meta">
                    {`${minutesPdf.pageCount} ${minutesPdf.pageCount === 1 ? "side" : "sider"}, ${formatFileSize(minutesPdf.byteSize)}`}
                  </span>
                </li>
              ) : null}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="bilag">
          <h2 id="bilag">Bilag</h2>
          <AnnexList files={data.annexes} empty="Mødet har ingen bilag." />
          {data.originals.length > 0 ? (
            <>
              <h3>Originalfiler</h3>
              <ul class="annex-list">
                {data.originals.map((file) => (
                  <li>
                    {file.downloadable ? (
                      <a href={`/bilag/${file.id}/original`} download={file.fileName}>
                        {`Hent ${file.fileName}`}
                      </a>
                    ) : (
                      <span>{file.fileName}</span>
                    )}
                    <span class="meeting-list__meta">
                      {file.downloadable
                        ? formatFileSize(file.byteSize)
                        : "Kan ikke hentes, fordi filen indeholder lukkede punkter"}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <MeetingNav data={data} />
      </Layout>,
    );
  });
  return app;
}
