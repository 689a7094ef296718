/**
 * @module The secretariat's list of what is withheld from the public (issue 12, points 1 and 9), body by
 * body: closed items, annexes no meeting claims, pages with a CPR number. Each has a "Frigiv" button (a
 * POST form that says what releasing does), and an annex with a CPR finding a form to upload a redacted
 * copy. Lists, not tables, so nothing scrolls sideways on a phone.
 */
import { formatDanishDate, WITHHOLDING_LABELS } from "../../domain/index.js";
import type { WithheldEntry, WithheldGroup, WithheldThing } from "../../store/index.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { formatDanishDateTime } from "../components/format.js";
import { Layout } from "../layout.js";

/** The list's address; the forms post below it. */
export const WITHHELD_PATH = "/sekretariat/tilbageholdt";
/** The release form's field naming the thing, e.g. "item:12", "file:3", "page:3:2". */
export const THING_FIELD = "hvad";
/** The replace form's file field. */
export const COPY_FIELD = "kopi";

/** The thing in a form field: "item:12", "file:3", "page:3:2". */
export function thingValue(thing: WithheldThing): string {
  return thing.kind === "page" ? `page:${thing.fileId}:${thing.page}` : `${thing.kind}:${thing.id}`;
}

/** The thing a form field names; null when the field is malformed. */
export function thingFromValue(value: string): WithheldThing | null {
  const match = /^(item|file|page):([1-9]\d{0,9})(?::([1-9]\d{0,9}))?$/.exec(value);
  if (!match) return null;
  const [, kind, first, second] = match;
  if (kind === "page") return second ? { kind, fileId: Number(first), page: Number(second) } : null;
  if (second || (kind !== "item" && kind !== "file")) return null;
  return { kind, id: Number(first) };
}

/** Where the entry can be read by someone cleared to see it. */
function hrefOf(entry: WithheldEntry): string | null {
  const { thing } = entry;
  if (thing.kind === "item") return `/punkt/${thing.id}`;
  if (entry.annexId === null) return entry.meetingId === null ? null : `/moede/${entry.meetingId}`;
  return thing.kind === "page"
    ? `/bilag/${thing.fileId}?side=${thing.page}#side-${thing.page}`
    : `/bilag/${thing.id}`;
}

/** What pressing "Frigiv" does, in words, next to the button. */
function releaseWording(entry: WithheldEntry): string {
  switch (entry.thing.kind) {
    case "item":
      return "Frigiv gør punktets tekst offentlig, sammen med de bilag der er tilbageholdt af samme grund. Sider tilbageholdt for et CPR-nummer bliver tilbageholdt, til de frigives hver for sig.";
    case "file":
      return entry.annexId === null
        ? "Frigiv gør den indlæste originalfil offentlig til download, med alt hvad den indeholder."
        : "Frigiv gør bilaget offentligt på portalen, i søgningen og i de åbne data.";
    case "page":
      return "Frigiv gør siden offentlig, fordi fundet ikke er et CPR-nummer. Er det et CPR-nummer, så erstat bilaget med en anonymiseret kopi i stedet.";
  }
}

function EntryItem(props: {
  readonly entry: WithheldEntry;
  readonly csrfToken: string;
  /** True on the first CPR finding of an annex: its replace form is shown there, once. */
  readonly replaceForm: boolean;
  readonly index: string;
}) {
  const { entry, index } = props;
  const href = hrefOf(entry);
  const heading = entry.thing.kind === "item" ? `Punkt ${entry.title}` : entry.title;
  const descriptionId = `frigiv-${index}-tekst`;
  return (
    <li class="withheld-entry">
      <h3 class="h4">{href ? <a href={href}>{heading}</a> : heading}</h3>
      <p class="meeting-list__meta">
        <strong>{WITHHOLDING_LABELS[entry.reason]}</strong>
        {entry.date ? (
          <>
            {" · Møde "}
            <a href={`/moede/${entry.meetingId}`}>{formatDanishDate(entry.date)}</a>
          </>
        ) : (
          " · Intet møde"
        )}
        {entry.fileName && entry.thing.kind !== "item" ? ` · Fil ${entry.fileName}` : ""}
        {" · Tilbageholdt siden "}
        <time datetime={entry.since.toISOString()}>{formatDanishDateTime(entry.since)}</time>
      </p>
      <form action={`${WITHHELD_PATH}/frigiv`} method="post">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="hvad" value={thingValue(entry.thing)} />
        <p id={descriptionId}>{releaseWording(entry)}</p>
        <button class="button button-secondary" type="submit" aria-describedby={descriptionId}>
          Frigiv<span class="sr-only">{` ${heading}`}</span>
        </button>
      </form>
      {props.replaceForm && entry.annexId !== null ? (
        <form
          action={`${WITHHELD_PATH}/bilag/${entry.annexId}/erstat`}
          method="post"
          enctype="multipart/form-data"
        >
          <CsrfField token={props.csrfToken} />
          <div class="form-group">
            <label class="form-label" for={`kopi-${index}`}>
              Anonymiseret kopi<span class="sr-only">{` af ${entry.title}`}</span>
            </label>
            <span class="form-hint" id={`kopi-${index}-hint`}>
              PDF, Word (DOCX) eller tekst, højst 200 MB. Kopien erstatter hele bilaget, alle sider. Står der
              stadig et CPR-nummer i den, afvises den, og intet ændres.
            </span>
            <input
              class="form-input withheld-entry__file"
              id={`kopi-${index}`}
              name={COPY_FIELD}
              type="file"
              accept=".pdf,.docx,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={`kopi-${index}-hint`}
              required
            />
          </div>
          <button class="button button-secondary" type="submit">
            Erstat med anonymiseret kopi<span class="sr-only">{` af ${entry.title}`}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}

export interface WithheldPageProps {
  readonly groups: readonly WithheldGroup[];
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}

/** The list page; with `errors` it is the answer to a refused form. */
export function WithheldPage(props: WithheldPageProps) {
  const errors = props.errors ?? [];
  const total = props.groups.reduce((sum, g) => sum + g.entries.length, 0);
  return (
    <Layout
      title={errors.length > 0 ? "Fejl: Tilbageholdt" : "Tilbageholdt"}
      siteName={props.siteName}
      breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Sekretariat" }, { label: "Tilbageholdt" }]}
    >
      <h1>Tilbageholdt fra offentligheden</h1>
      <ErrorSummary errors={errors} />
      {props.notice ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.notice}</p>
          </div>
        </div>
      ) : null}
      <p>
        Lukkede punkter, bilag som intet møde har taget til sig, og sider med et CPR-nummer vises ikke for
        offentligheden, før sekretariatet har frigivet dem. Det du frigiver, kan alle læse og søge i med det
        samme, også i de åbne data. {total === 0 ? "Der er intet tilbageholdt." : null}
      </p>
      {props.groups.map((group, g) => {
        const seen = new Set<number>();
        return (
          <section aria-labelledby={`organ-${g}`}>
            <h2 id={`organ-${g}`}>{group.body?.name ?? "Intet organ"}</h2>
            {group.entries.length === 0 ? (
              <p>Intet er tilbageholdt.</p>
            ) : (
              <ul class="meeting-list">
                {group.entries.map((entry, i) => {
                  const first =
                    entry.reason === "cpr-number" && entry.annexId !== null && !seen.has(entry.annexId);
                  if (first && entry.annexId !== null) seen.add(entry.annexId);
                  return (
                    <EntryItem
                      entry={entry}
                      csrfToken={props.csrfToken}
                      replaceForm={first}
                      index={`${g}-${i}`}
                    />
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
