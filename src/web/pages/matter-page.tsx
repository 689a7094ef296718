/**
 * @module The matter page /sag/{id} (issue 14): a matter's title and the timeline of its items across
 * meetings and bodies (date, body, item number and title linked to the item page, the decision), drawn
 * once as a small SVG (its text alternative is the list beside it) and once as the list. Only what the
 * viewer may see reaches it (store's getMatter). For the secretariat the same page carries the forms to
 * link an item, take one out, and answer suggestions; and ItemMatters is the link from an item's page.
 */
import { formatDanishDate } from "../../domain/index.js";
import type { MatterSuggestion, MatterTimelineEntry, MatterView } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { teaser } from "../components/format.js";
import { WithheldMark } from "../components/withheld-mark.js";
import { Layout } from "../layout.js";
import { AlertSignupLink } from "./alert-pages.js";
import { SuccessNotice } from "./workspace-notice.js";
import { PostButton } from "./workspace-post-button.js";

/** What the secretariat sees and may do on the page. */
export interface MatterPageSecretariat {
  readonly csrfToken: string;
  readonly suggestions: readonly MatterSuggestion[];
  readonly notice: string | null;
  readonly errors: readonly FieldError[];
  readonly itemValue: string;
}

export const MATTER_ITEM_FIELD = "punkt";

/** "20. september 2024 – 19. september 2025", or the one date. */
function span(items: readonly MatterTimelineEntry[]): string {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return "";
  return first.date === last.date
    ? formatDanishDate(first.date)
    : `${formatDanishDate(first.date)} – ${formatDanishDate(last.date)}`;
}

const itemLabel = (item: MatterTimelineEntry | MatterSuggestion["item"]) =>
  `punkt ${item.number}, ${item.bodyName}, ${formatDanishDate(item.date)}`;

/**
 * The timeline as a picture: one dot per meeting on a line from the first year to the last, the years
 * written under it. Decorative beside the list, so it is named for what it shows and no more.
 */
export function MatterTimelineChart(props: { readonly items: readonly MatterTimelineEntry[] }) {
  const dates = props.items.map((i) => Date.parse(i.date));
  const firstYear = new Date(Math.min(...dates)).getUTCFullYear();
  const lastYear = new Date(Math.max(...dates)).getUTCFullYear() + 1;
  const start = Date.UTC(firstYear, 0, 1);
  const end = Date.UTC(lastYear, 0, 1);
  const width = 400;
  const x = (t: number) => 20 + ((t - start) / (end - start)) * (width - 40);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const meetings = [...new Set(props.items.map((i) => i.date))];
  return (
    <figure class="matter-chart">
      <svg
        viewBox={`0 0 ${width} 64`}
        width="100%"
        role="img"
        aria-labelledby="sag-tidslinje-titel"
        focusable="false"
      >
        <title id="sag-tidslinje-titel">{`Tidslinje: ${meetings.length} møder, ${span(props.items)}`}</title>
        <line x1="20" y1="28" x2={width - 20} y2="28" stroke="#545454" stroke-width="2" />
        {years.map((year) => (
          <g>
            <line
              x1={x(Date.UTC(year, 0, 1))}
              y1="22"
              x2={x(Date.UTC(year, 0, 1))}
              y2="34"
              stroke="#545454"
            />
            <text x={x(Date.UTC(year, 0, 1))} y="56" text-anchor="middle" font-size="13" fill="#1a1a1a">
              {String(year)}
            </text>
          </g>
        ))}
        {meetings.map((date) => (
          <circle cx={x(Date.parse(date))} cy="28" r="7" fill="#0059b3" stroke="#ffffff" stroke-width="2" />
        ))}
      </svg>
      <figcaption class="form-hint">Hvert punkt er et møde; forløbet står i listen herunder.</figcaption>
    </figure>
  );
}

function TimelineList(props: {
  readonly matterId: number;
  readonly items: readonly MatterTimelineEntry[];
  readonly secretariat: MatterPageSecretariat | null;
}) {
  return (
    <ol class="meeting-list matter-timeline">
      {props.items.map((item) => (
        <li>
          <span class="meeting-list__meta">
            {`${formatDanishDate(item.date)} · `}
            <a href={`/moede/${item.meetingId}#punkt-${item.number}`}>{item.bodyName}</a>
          </span>{" "}
          <a href={`/punkt/${item.id}`}>{`${item.number} ${item.title}`}</a>
          <WithheldMark withheld={item.withheld} />
          {item.decision ? (
            <p class="agenda__decision">
              <strong>Beslutning:</strong> {teaser(item.decision, 240)}
            </p>
          ) : null}
          {props.secretariat ? (
            <PostButton
              action={`/sag/${props.matterId}/punkter/${item.id}/fjern`}
              csrfToken={props.secretariat.csrfToken}
              label="Fjern fra sagen"
              what={` ${itemLabel(item)}`}
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** One suggestion's two items and its buttons (used here and on /sekretariat/sager). */
export function SuggestionCard(props: {
  readonly suggestion: MatterSuggestion;
  readonly csrfToken: string;
  /** Where the buttons send the viewer back to. */
  readonly back: string;
}) {
  const { item, other, score, sameCaseNumber } = props.suggestion;
  const fields = { punkt: String(item.id), andet: String(other.id), tilbage: props.back };
  const what = ` ${item.number} ${item.title} og ${other.number} ${other.title}`;
  return (
    <li class="matter-suggestion">
      <ul class="nobullet-list">
        {[item, other].map((i) => (
          <li>
            <span class="meeting-list__meta">{`${formatDanishDate(i.date)} · ${i.bodyName}`}</span>{" "}
            <a href={`/punkt/${i.id}`}>{`${i.number} ${i.title}`}</a>
            {i.matterIds.length > 0 ? (
              <>
                {" (i "}
                <a href={`/sag/${i.matterIds[0]}`}>{`sag ${i.matterIds[0]}`}</a>
                {")"}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="form-hint">
        {`Titlerne ligner hinanden ${score >= 0.8 ? "meget" : "delvis"}`}
        {sameCaseNumber ? ", og punkterne har samme sagsnummer." : "."}
      </p>
      <div class="matter-suggestion__answers">
        <PostButton
          action="/sekretariat/sager/forslag/saml"
          csrfToken={props.csrfToken}
          label="Ja, samme sag"
          what={what}
          fields={fields}
        />
        <PostButton
          action="/sekretariat/sager/forslag/afvis"
          csrfToken={props.csrfToken}
          label="Nej, ikke samme sag"
          what={what}
          fields={fields}
        />
      </div>
    </li>
  );
}

function SecretariatTools(props: { readonly matterId: number; readonly secretariat: MatterPageSecretariat }) {
  const { secretariat } = props;
  const error = secretariat.errors.find((e) => e.field === MATTER_ITEM_FIELD)?.message ?? null;
  return (
    <>
      <section aria-labelledby="sag-tilfoej">
        <h2 id="sag-tilfoej">Tilføj et punkt til sagen</h2>
        <form action={`/sag/${props.matterId}/punkter`} method="post">
          <CsrfField token={secretariat.csrfToken} />
          <TextField
            id={MATTER_ITEM_FIELD}
            label="Punktets id eller adresse"
            hint="Fx 42 eller /punkt/42: id'et står i adressen på punktets side."
            value={secretariat.itemValue}
            error={error}
            required
          />
          <button class="button button-primary" type="submit">
            Tilføj punktet
          </button>
        </form>
      </section>
      {secretariat.suggestions.length > 0 ? (
        <section aria-labelledby="sag-forslag">
          <h2 id="sag-forslag">Hører disse punkter til samme sag?</h2>
          <ol class="nobullet-list matter-suggestions">
            {secretariat.suggestions.map((s) => (
              <SuggestionCard
                suggestion={s}
                csrfToken={secretariat.csrfToken}
                back={`/sag/${props.matterId}`}
              />
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

export function MatterPage(props: {
  readonly matter: MatterView;
  readonly siteName: string;
  readonly publicBaseUrl: string;
  readonly secretariat: MatterPageSecretariat | null;
}) {
  const { matter, secretariat } = props;
  const bodies = [...new Set(matter.items.map((i) => i.bodyName))];
  const errors = secretariat?.errors ?? [];
  return (
    <Layout
      title={errors.length > 0 ? `Fejl: Sag: ${matter.title}` : `Sag: ${matter.title}`}
      siteName={props.siteName}
      breadcrumbs={[
        { label: "Forside", href: "/" },
        ...(secretariat ? [{ label: "Sager", href: "/sekretariat/sager" }] : []),
        { label: matter.title },
      ]}
      lastModified={matter.modified}
      head={
        <>
          <link rel="canonical" href={`${props.publicBaseUrl}/sag/${matter.id}`} />
          <link rel="stylesheet" href="/static/matter.css" />
        </>
      }
    >
      <ErrorSummary errors={errors} />
      <SuccessNotice text={secretariat?.notice} />
      <h1>
        <span class="h1-context">{`Sag på tværs af møder · ${bodies.join(", ")}`}</span>
        {matter.title}
      </h1>
      <p>{`${matter.items.length} ${matter.items.length === 1 ? "punkt" : "punkter"}, ${span(matter.items)}.`}</p>
      <MatterTimelineChart items={matter.items} />
      <AlertSignupLink target={{ kind: "matter", matterId: matter.id }} />
      <section aria-labelledby="sag-forloeb">
        <h2 id="sag-forloeb">Forløb</h2>
        <TimelineList matterId={matter.id} items={matter.items} secretariat={secretariat} />
      </section>
      {secretariat ? <SecretariatTools matterId={matter.id} secretariat={secretariat} /> : null}
    </Layout>
  );
}

/**
 * The matters an item belongs to, for the item page (store's mattersOfItem gives them as the viewer may
 * see them); nothing when none.
 * @example <ItemMatters matters={await mattersOfItem(db, item.id, viewer)} />
 */
export function ItemMatters(props: {
  readonly matters: readonly { readonly id: number; readonly title: string }[];
}) {
  if (props.matters.length === 0) return null;
  return (
    <section aria-labelledby="punkt-sager">
      <h2 id="punkt-sager">Sagen på tværs af møder</h2>
      <ul class="meeting-list">
        {props.matters.map((m) => (
          <li>
            <a href={`/sag/${m.id}`}>{m.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
