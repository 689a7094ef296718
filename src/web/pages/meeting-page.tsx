/**
 * @module The meeting page: facts (place, time, whether it shows the agenda or the minutes), attendance
 * (who substituted whom), the agenda by section with each item anchored as #punkt-{number}, the annex
 * packs with their documents, original files, the previous and next meeting, and the meeting as a
 * calendar event (/moede/{id}/kalender.ics).
 */
import { Hono } from "hono";
import { formatDanishDate } from "../../domain/index.js";
import {
  type AgendaEntryView,
  type AttendeeView,
  agendaRenderings,
  getMeetingPage,
  type MeetingPackView,
  type MeetingPageData,
  minutesRenderings,
  type OriginalView,
} from "../../store/index.js";
import { cachedHtml } from "../cached-page.js";
import { AnnexList } from "../components/annex-list.js";
import {
  documentKindNoun,
  formatFileSize,
  formatTimeRange,
  meetingDateLabel,
  meetingStateLabel,
  municipalityLabel,
  teaser,
} from "../components/format.js";
import { WithheldMark } from "../components/withheld-mark.js";
import { renderMeetingIcs } from "../feeds/meeting-ics.js";
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

/** "TXT, 108 sider, 1,2 MB": what a download is before it is fetched. */
function originalMeta(file: OriginalView): string {
  const format = file.format === "text" ? "TXT" : file.format.toUpperCase();
  return `${format}, ${file.pages} ${file.pages === 1 ? "side" : "sider"}, ${formatFileSize(file.byteSize)}`;
}

function OriginalLink(props: { readonly file: OriginalView }) {
  const { file } = props;
  const noun = documentKindNoun(file.kind);
  return (
    <li>
      {file.downloadable ? (
        <a href={`/bilag/${file.id}/original`}>{`Hent ${noun}`}</a>
      ) : (
        <span>{`${noun[0]?.toUpperCase()}${noun.slice(1)}`}</span>
      )}
      <span class="meeting-list__meta">
        {file.downloadable
          ? originalMeta(file)
          : "Kan ikke hentes, fordi filen rummer indhold, der ikke er offentligt"}
      </span>
    </li>
  );
}

/** One annex pack under its meeting: its date, what it holds, and its documents by their own titles. */
function Pack(props: { readonly pack: MeetingPackView; readonly dateLabel: string; readonly index: number }) {
  const { pack } = props;
  const id = `bilagspakke-${props.index + 1}`;
  const count = pack.documents.length;
  return (
    <section class="annex-pack" aria-labelledby={id}>
      <h3 id={id}>{`Bilagspakke til mødet ${props.dateLabel}`}</h3>
      <p class="meeting-list__meta">
        {[count > 0 ? `${count} bilag` : null, pack.original ? originalMeta(pack.original) : null]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <AnnexList
        files={pack.documents}
        empty="Bilagene i pakken offentliggøres, når mødets dagsorden eller referat foreligger, så det kan ses, om de hører til lukkede punkter."
      />
      {pack.original ? (
        <ul class="annex-list">
          <OriginalLink file={pack.original} />
        </ul>
      ) : null}
    </section>
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
    const data = await getMeetingPage(c.get("readDb"), idParam(c), c.get("viewer"));
    if (!data) throw notFound("Mødet");
    // An agenda written here and sent has its public PDFs (closed items as "Lukket punkt"); a planned
    // meeting's renderings are drafts.
    const pdfs =
      data.state === "planned"
        ? []
        : (await agendaRenderings(c.get("readDb"), data.id)).filter((r) => r.edition === "public");
    // Minutes written here: their public edition once published (the meeting is then minutes-approved).
    const minutesPdf =
      data.state === "minutes-approved"
        ? (await minutesRenderings(c.get("readDb"), data.id)).find((r) => r.edition === "public")
        : undefined;
    const date = meetingDateLabel(data.date, data.dateEstimated);
    const present = data.attendance.filter((a) => a.status === "present");
    const absent = data.attendance.filter((a) => a.status === "absent");
    const time = formatTimeRange(data.startTime, data.endTime);
    // A pack's own file is offered under the pack; the rest (minutes, agenda) under "Originalfiler".
    const records = data.originals.filter((o) => !data.packs.some((p) => p.original?.id === o.id));
    const loose = data.annexes.filter((a) => !data.packs.some((p) => p.documents.some((d) => d.id === a.id)));
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
          <dd>
            {date}
            {data.dateEstimated ? (
              <>
                {" "}
                <span class="meeting-list__meta">
                  (anslået ud fra datoerne i bilagene; mødets dagsorden og referat er ikke offentliggjort her)
                </span>
              </>
            ) : null}
          </dd>
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
          {data.record ? (
            <>
              <dt>Siden viser</dt>
              <dd>{data.record === "minutes" ? "Referat" : "Dagsorden"}</dd>
            </>
          ) : null}
        </dl>
        <ul class="follow-links">
          <li>
            <a href={`/moede/${data.id}/kalender.ics`} type="text/calendar">
              Tilføj til kalender
            </a>
          </li>
          {data.record !== null || data.annexes.length > 0 || pdfs.length > 0 || minutesPdf ? (
            <li>
              <a href={`/moede/${data.id}/hele-moedet.pdf`} rel="nofollow">
                Hent hele mødet (PDF)
              </a>
            </li>
          ) : null}
        </ul>
        <section aria-labelledby="dagsorden">
          <h2 id="dagsorden">{data.record === "minutes" ? "Referat" : "Dagsorden"}</h2>
          {data.items.length > 0 ? (
            <Agenda items={data.items} />
          ) : data.record === null && data.packs.length > 0 ? (
            <p>Mødet kendes kun fra dets bilag: dagsorden og referat er ikke offentliggjort her.</p>
          ) : (
            <p>Dagsordenen er ikke offentliggjort endnu.</p>
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
          {data.packs.map((pack, index) => (
            <Pack pack={pack} dateLabel={date} index={index} />
          ))}
          {loose.length > 0 || data.packs.length === 0 ? (
            <AnnexList files={loose} empty="Mødet har ingen bilag." />
          ) : null}
          {records.length > 0 ? (
            <>
              <h3>Originalfiler</h3>
              <ul class="annex-list">
                {records.map((file) => (
                  <OriginalLink file={file} />
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <MeetingNav data={data} />
      </Layout>,
    );
  });
  app.get("/moede/:id/kalender.ics", async (c) => {
    const data = await getMeetingPage(c.get("readDb"), idParam(c), c.get("viewer"));
    if (!data) throw notFound("Mødet");
    const ics = renderMeetingIcs(
      {
        id: data.id,
        bodyName: data.body.name,
        date: data.date,
        dateEstimated: data.dateEstimated,
        startTime: data.startTime,
        endTime: data.endTime,
        location: data.location,
        modified: data.lastModified,
      },
      c.get("settings").publicBaseUrl,
    );
    return c.body(ics, 200, {
      "cache-control": "public, max-age=300",
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="moede-${data.id}.ics"`,
    });
  });
  return app;
}
