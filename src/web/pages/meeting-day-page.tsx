/**
 * @module The meeting-day screen at /sekretariat/moede/{id}/moededag (issue 14): what the secretariat
 * records at and right after a meeting. Attendance as a table of the body's members (til stede / afbud,
 * and for an absent member a substitute "Suppl. for", picked from the body's people or typed as a new
 * name), guests and officials one a line; under each item the decision, a vote, protocol remarks and who
 * did not take part (meeting-day-item.tsx); and "Marker mødet som afholdt". Plain forms, no JavaScript;
 * the tables stack at phone width (dkfds table--responsive-headers) and the page prints as a record.
 */

import {
  AGENDA_PHASE_LABELS,
  decisionPhrases,
  formatDanishDate,
  type MeetingRecord,
  type RecordPerson,
} from "../../domain/index.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { MeetingWorkNav } from "../components/meeting-work-nav.js";
import { meetingPaths } from "./agenda-builder-page.js";
import { type DecisionConflictView, MeetingDayItem } from "./meeting-day-item.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";

/** The paths of the meeting-day screen and its meeting-wide forms. */
export function meetingDayPaths(meetingId: number) {
  const base = `/sekretariat/moede/${meetingId}/moededag`;
  return { page: base, attendance: `${base}/fremmoede`, held: `${base}/afholdt` } as const;
}

/** One row of the attendance form. */
export interface AttendanceRow {
  readonly person: RecordPerson;
  readonly role: string | null;
  readonly absent: boolean;
  readonly substituteId: number | null;
  readonly substituteName: string;
}

/** The attendance form's values: from the record, or what was sent when refused. */
export interface AttendanceFormValues {
  readonly rows: readonly AttendanceRow[];
  /** One a line. */
  readonly guests: string;
  /** One a line: "Navn, note". */
  readonly officials: string;
}

/**
 * The form's rows: the body's members on the date, and anyone recorded present or absent who is not one
 * (so a save keeps them); everyone present until recorded otherwise.
 */
export function attendanceFormValues(record: MeetingRecord): AttendanceFormValues {
  const { attendance } = record;
  const substituteOf = new Map(attendance.substitutes.map((s) => [s.substituteFor.personId, s.person]));
  const absent = new Set(attendance.absent.map((a) => a.person.personId));
  const memberIds = new Set(record.members.map((m) => m.personId));
  const extra = [...attendance.present, ...attendance.absent]
    .map((a) => a.person)
    .filter((p) => !memberIds.has(p.personId));
  const row = (person: RecordPerson, role: string | null): AttendanceRow => ({
    person,
    role,
    absent: absent.has(person.personId),
    substituteId: substituteOf.get(person.personId)?.personId ?? null,
    substituteName: "",
  });
  return {
    rows: [...record.members.map((m) => row(m, m.role)), ...extra.map((p) => row(p, null))],
    guests: attendance.guests.map((g) => g.person.name).join("\n"),
    officials: attendance.officials
      .map((o) => (o.note ? `${o.person.name}, ${o.note}` : o.person.name))
      .join("\n"),
  };
}

/** Who may vote, remark or step aside: present members and substitutes; the members before attendance. */
export function participantsOf(record: MeetingRecord): RecordPerson[] {
  const { present, substitutes } = record.attendance;
  if (present.length === 0 && substitutes.length === 0) return [...record.members];
  return [...present.map((p) => p.person), ...substitutes.map((s) => s.person)];
}

export interface MeetingDayPageProps {
  readonly record: MeetingRecord;
  readonly attendance?: AttendanceFormValues;
  readonly conflict?: DecisionConflictView | null;
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}

function AttendanceForm(props: {
  readonly record: MeetingRecord;
  readonly values: AttendanceFormValues;
  readonly csrfToken: string;
}) {
  const { record, values } = props;
  const paths = meetingDayPaths(record.meeting.id);
  return (
    <section aria-labelledby="fremmoede">
      <h2 id="fremmoede">Fremmøde</h2>
      <form action={paths.attendance} method="post">
        <CsrfField token={props.csrfToken} />
        <table class="table table--compact table--responsive-headers meeting-day__attendance">
          <caption class="sr-only">Medlemmer af {record.meeting.bodyName}</caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col">Fremmøde</th>
              <th scope="col">Suppl. for (ved afbud)</th>
            </tr>
          </thead>
          <tbody>
            {values.rows.map((r) => {
              const pid = r.person.personId;
              const others = record.people.filter((p) => p.personId !== pid);
              return (
                <tr>
                  <th scope="row" data-title="Medlem">
                    {r.person.name}
                    {r.person.party ? ` (${r.person.party})` : ""}
                    {r.role ? <span class="meeting-day__role">{r.role}</span> : null}
                  </th>
                  <td data-title="Fremmøde">
                    <fieldset class="meeting-day__choices">
                      <legend class="sr-only">{r.person.name}s fremmøde</legend>
                      <div class="form-group-radio">
                        <input
                          class="form-radio"
                          type="radio"
                          id={`status-${pid}-til-stede`}
                          name={`status-${pid}`}
                          value="present"
                          checked={!r.absent}
                        />
                        <label for={`status-${pid}-til-stede`}>Til stede</label>
                      </div>
                      <div class="form-group-radio">
                        <input
                          class="form-radio"
                          type="radio"
                          id={`status-${pid}-afbud`}
                          name={`status-${pid}`}
                          value="absent"
                          checked={r.absent}
                        />
                        <label for={`status-${pid}-afbud`}>Afbud</label>
                      </div>
                    </fieldset>
                  </td>
                  <td data-title="Suppl. for (ved afbud)">
                    <label class="form-label" for={`suppleant-${pid}`}>
                      Suppleant for {r.person.name}
                    </label>
                    <select class="form-select" id={`suppleant-${pid}`} name={`suppleant-${pid}`}>
                      <option value="">Ingen</option>
                      {others.map((p) => (
                        <option value={String(p.personId)} selected={p.personId === r.substituteId}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                    <label class="form-label" for={`suppleant-navn-${pid}`}>
                      eller ny suppleants navn
                    </label>
                    <input
                      class="form-input"
                      type="text"
                      id={`suppleant-navn-${pid}`}
                      name={`suppleant-navn-${pid}`}
                      value={r.substituteName}
                      maxlength={200}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div class="form-group">
          <label class="form-label" for="gaester">
            Gæster
          </label>
          <span class="form-hint" id="gaester-hint">
            Et navn pr. linje.
          </span>
          <textarea class="form-input" id="gaester" name="gaester" rows={2} aria-describedby="gaester-hint">
            {values.guests}
          </textarea>
        </div>
        <div class="form-group">
          <label class="form-label" for="embedsfolk">
            Embedsfolk
          </label>
          <span class="form-hint" id="embedsfolk-hint">
            Et navn pr. linje, evt. efterfulgt af komma og titel: "Lone Lund, KKR-sekretariatet".
          </span>
          <textarea
            class="form-input"
            id="embedsfolk"
            name="embedsfolk"
            rows={3}
            aria-describedby="embedsfolk-hint"
          >
            {values.officials}
          </textarea>
        </div>
        <button class="button button-primary" type="submit">
          Gem fremmøde
        </button>
      </form>
    </section>
  );
}

export function MeetingDayPage(props: MeetingDayPageProps) {
  const { record } = props;
  const { meeting } = record;
  const errors = props.errors ?? [];
  const paths = meetingDayPaths(meeting.id);
  const date = formatDanishDate(meeting.date);
  const participants = participantsOf(record);
  const phrases = decisionPhrases(meeting.bodyName);
  const times = [meeting.startTime, meeting.endTime].filter(Boolean).join("–");
  return (
    <SecretariatLayout
      title={`Mødedag ${meeting.bodyName} ${date}`}
      siteName={props.siteName}
      errors={errors}
      crumbs={[{ label: `Dagsorden ${date}`, href: meetingPaths(meeting.id).builder }, { label: "Mødedag" }]}
      head={<link rel="stylesheet" href="/static/meeting-day.css" />}
    >
      <h1>
        <span class="h1-context">
          {meeting.bodyName} {date}
        </span>{" "}
        Mødedag
      </h1>
      <MeetingWorkNav meetingId={meeting.id} current="meeting-day" />
      <ErrorSummary errors={errors} />
      <SuccessNotice text={props.notice} />
      <dl class="facts">
        <dt>Status</dt>
        <dd>{AGENDA_PHASE_LABELS[meeting.phase]}</dd>
        {times ? (
          <>
            <dt>Tid</dt>
            <dd>kl. {times}</dd>
          </>
        ) : null}
        {meeting.location ? (
          <>
            <dt>Sted</dt>
            <dd>{meeting.location}</dd>
          </>
        ) : null}
      </dl>
      <p>
        Det, du registrerer her, er en arbejdskopi: det bliver først offentligt, når referatet offentliggøres.
      </p>
      <AttendanceForm
        record={record}
        values={props.attendance ?? attendanceFormValues(record)}
        csrfToken={props.csrfToken}
      />
      <section aria-labelledby="punkter">
        <h2 id="punkter">Beslutninger</h2>
        <ol class="nobullet-list meeting-day__items">
          {record.items.map((item) => (
            <MeetingDayItem
              item={item}
              phrases={phrases}
              participants={participants}
              conflict={props.conflict ?? null}
              csrfToken={props.csrfToken}
            />
          ))}
        </ol>
      </section>
      <section aria-labelledby="afholdt">
        <h2 id="afholdt">Mødet er afholdt</h2>
        {meeting.phase === "agenda-sent" ? (
          <form action={paths.held} method="post">
            <CsrfField token={props.csrfToken} />
            <p>Når mødet er slut: markér det som afholdt. Du kan stadig rette protokollen bagefter.</p>
            <button class="button button-primary" type="submit">
              Marker mødet som afholdt
            </button>
          </form>
        ) : (
          <p>Mødet er markeret som afholdt.</p>
        )}
      </section>
    </SecretariatLayout>
  );
}
