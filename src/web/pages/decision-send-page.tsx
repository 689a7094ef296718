/**
 * @module The secretariat's page of one decision (issue 14), /sekretariat/moede/{id}/punkt/{itemId}/send:
 * the item and its decision, the form to send it on to the body's municipalities (all with an address,
 * or those ticked), what was already sent to whom and when, and the decision's follow-up tasks with the
 * form to add one. Also the meeting's list of decisions, /sekretariat/moede/{id}/beslutninger.
 */

import { formatDanishDate } from "../../domain/index.js";
import type {
  DecisionDispatchRow,
  DecisionItem,
  FollowUpRow,
  MunicipalityAddress,
} from "../../store/index.js";
import { FollowUpList } from "../components/follow-up-list.js";
import { CsrfField, ErrorSummary, type FieldError } from "../components/form-parts.js";
import { formatDanishDateTime } from "../components/format.js";
import { MeetingWorkNav } from "../components/meeting-work-nav.js";
import { FollowUpForm, type FollowUpFormValues } from "./follow-up-form.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";

export function decisionPaths(meetingId: number, itemId: number) {
  const base = `/sekretariat/moede/${meetingId}/punkt/${itemId}`;
  return { send: `${base}/send`, followUps: `${base}/opfoelgning` } as const;
}

export const municipalitiesPath = (bodyId: number) => `/sekretariat/organ/${bodyId}/kommuner`;

const JOB_STATE_LABELS: Readonly<Record<string, string>> = {
  queued: "i kø",
  running: "sendes",
  done: "sendt",
  failed: "mislykkedes",
};

export interface DecisionSendPageProps {
  readonly item: DecisionItem;
  readonly municipalities: readonly string[];
  readonly addresses: readonly MunicipalityAddress[];
  readonly dispatches: readonly DecisionDispatchRow[];
  readonly followUps: readonly FollowUpRow[];
  readonly today: string;
  readonly followUpValues: FollowUpFormValues;
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}

export function DecisionSendPage(props: DecisionSendPageProps) {
  const { item } = props;
  const errors = props.errors ?? [];
  const paths = decisionPaths(item.meetingId, item.id);
  const date = formatDanishDate(item.meetingDate);
  const address = new Map(props.addresses.map((a) => [a.municipality, a.email]));
  const sendable = !item.closed && item.decision !== null;
  return (
    <SecretariatLayout
      title={`Beslutning videre: ${item.number} ${item.title}`}
      siteName={props.siteName}
      errors={errors}
      crumbs={[
        { label: `Beslutninger ${date}`, href: `/sekretariat/moede/${item.meetingId}/beslutninger` },
        { label: `Punkt ${item.number}` },
      ]}
    >
      <h1>
        <span class="h1-context">{`${item.bodyName}, møde ${date}`}</span>
        {`${item.number} ${item.title}`}
      </h1>
      <ErrorSummary errors={errors} />
      <SuccessNotice text={props.notice} />
      <section aria-labelledby="beslutning">
        <h2 id="beslutning">Beslutning</h2>
        {item.decision ? (
          <p class="decision-text">{item.decision}</p>
        ) : (
          <p>Punktet har endnu ingen beslutning.</p>
        )}
        {item.closed ? (
          <p>Punktet er lukket: beslutningen sendes ikke videre og offentliggøres ikke.</p>
        ) : null}
        {item.concernsMunicipalities ? (
          <p>Mødedagens referat angiver, at beslutningen vedrører kommunerne.</p>
        ) : null}
      </section>
      {sendable ? (
        <section aria-labelledby="send">
          <h2 id="send">Send beslutningen til kommunerne</h2>
          <p>
            Hver valgt kommune får en mail med punktet og beslutningen som PDF.{" "}
            <a href={municipalitiesPath(item.bodyId)}>Kommunernes adresser</a>
          </p>
          <form action={paths.send} method="post">
            <CsrfField token={props.csrfToken} />
            <fieldset>
              <legend class="h4">Modtagere</legend>
              <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id="kommune-alle" name="alle" value="1" />
                <label class="form-label" for="kommune-alle">
                  Alle kommuner med adresse ({props.addresses.length})
                </label>
              </div>
              {props.municipalities.map((m, i) => {
                const email = address.get(m);
                return (
                  <div class="form-group-checkbox">
                    <input
                      class="form-checkbox"
                      type="checkbox"
                      id={`kommune-${i}`}
                      name="kommune"
                      value={m}
                      disabled={!email}
                    />
                    <label class="form-label" for={`kommune-${i}`}>
                      {m} <span class="meeting-list__meta">{email ?? "ingen adresse"}</span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
            <button class="button button-primary" type="submit">
              Send beslutningen
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="sendt">
        <h2 id="sendt">Sendt</h2>
        {props.dispatches.length === 0 ? (
          <p>Beslutningen er ikke sendt videre endnu.</p>
        ) : (
          <ul class="meeting-list">
            {props.dispatches.map((d) => (
              <li>
                <strong>{d.municipality} Kommune</strong>{" "}
                <span class="meeting-list__meta">
                  {[
                    d.email,
                    formatDanishDateTime(d.sentAt),
                    d.sentBy ? `af ${d.sentBy}` : null,
                    d.jobState ? (JOB_STATE_LABELS[d.jobState] ?? d.jobState) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="opfoelgning">
        <h2 id="opfoelgning">Opfølgning</h2>
        <FollowUpList
          tasks={props.followUps}
          today={props.today}
          showItem={false}
          showNotes
          editHref={(t) => `/sekretariat/opfoelgning/${t.id}`}
        />
        {item.decision ? (
          <>
            <h3>Ny opfølgningsopgave</h3>
            <FollowUpForm
              action={paths.followUps}
              values={props.followUpValues}
              municipalities={props.municipalities}
              csrfToken={props.csrfToken}
              submit="Opret opgaven"
            />
          </>
        ) : null}
      </section>
    </SecretariatLayout>
  );
}

export function MeetingDecisionsPage(props: {
  readonly meeting: { readonly id: number; readonly date: string; readonly bodyName: string };
  readonly items: readonly DecisionItem[];
  readonly sentCounts: ReadonlyMap<number, number>;
  readonly siteName: string;
}) {
  const date = formatDanishDate(props.meeting.date);
  return (
    <SecretariatLayout
      title={`Beslutninger ${props.meeting.bodyName} ${date}`}
      siteName={props.siteName}
      errors={[]}
      crumbs={[{ label: `Beslutninger ${date}` }]}
    >
      <h1>
        <span class="h1-context">{props.meeting.bodyName}</span>Beslutninger {date}
      </h1>
      <MeetingWorkNav meetingId={props.meeting.id} current="decisions" />
      {props.items.length === 0 ? (
        <p>Mødet har endnu ingen beslutninger.</p>
      ) : (
        <ul class="meeting-list">
          {props.items.map((item) => (
            <li>
              <a href={decisionPaths(item.meetingId, item.id).send}>
                <strong>{`${item.number} ${item.title}`}</strong>
              </a>
              <p class="meeting-list__meta">
                {[
                  item.closed ? "Lukket punkt" : null,
                  item.concernsMunicipalities ? "Vedrører kommunerne" : null,
                  `Sendt til ${props.sentCounts.get(item.id) ?? 0} kommuner`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </SecretariatLayout>
  );
}
