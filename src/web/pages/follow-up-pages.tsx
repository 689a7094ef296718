/**
 * @module The secretariat's follow-up pages (issue 14): the list at /sekretariat/opfoelgning, filtered by
 * body and municipality, overdue first; one task's form at /sekretariat/opfoelgning/{id} (a stale save
 * shows the other's change); and a body's municipality addresses at /sekretariat/organ/{id}/kommuner.
 */
import { formatDanishDate, MUNICIPALITIES } from "../../domain/index.js";
import type { FollowUpRow, MunicipalityAddress, SecretariatBody } from "../../store/index.js";
import { FollowUpList } from "../components/follow-up-list.js";
import { CsrfField, ErrorSummary, type FieldError, TextField } from "../components/form-parts.js";
import { decisionPaths } from "./decision-send-page.js";
import { FollowUpForm, type FollowUpFormValues } from "./follow-up-form.js";
import { SecretariatLayout } from "./workspace-layout.js";
import { SuccessNotice } from "./workspace-notice.js";

export const FOLLOW_UPS_PATH = "/sekretariat/opfoelgning";

export function FollowUpListPage(props: {
  readonly tasks: readonly FollowUpRow[];
  readonly today: string;
  readonly bodies: readonly SecretariatBody[];
  readonly bodyId: number | null;
  readonly municipality: string | null;
  readonly siteName: string;
}) {
  return (
    <SecretariatLayout
      title="Opfølgning"
      siteName={props.siteName}
      errors={[]}
      crumbs={[{ label: "Opfølgning" }]}
    >
      <h1>Opfølgning</h1>
      <p>Opgaver på beslutninger, overskredne frister først. I dag er {formatDanishDate(props.today)}.</p>
      <form action={FOLLOW_UPS_PATH} method="get" class="follow-up-filter">
        <div class="form-group">
          <label class="form-label" for="organ">
            Organ
          </label>
          <select class="form-select" id="organ" name="organ">
            <option value="">Alle</option>
            {props.bodies.map((b) => (
              <option value={String(b.id)} selected={b.id === props.bodyId}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="kommune">
            Kommune
          </label>
          <select class="form-select" id="kommune" name="kommune">
            <option value="">Alle</option>
            {MUNICIPALITIES.map((m) => (
              <option value={m} selected={m === props.municipality}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <button class="button button-secondary" type="submit">
          Vis
        </button>
      </form>
      <FollowUpList
        tasks={props.tasks}
        today={props.today}
        showNotes
        editHref={(t) => `${FOLLOW_UPS_PATH}/${t.id}`}
      />
    </SecretariatLayout>
  );
}

export function FollowUpEditPage(props: {
  readonly task: FollowUpRow;
  readonly values: FollowUpFormValues;
  readonly municipalities: readonly string[];
  /** After a refused stale save: the task as the other save left it. */
  readonly conflict: FollowUpRow | null;
  readonly today: string;
  readonly csrfToken: string;
  readonly siteName: string;
  readonly errors: readonly FieldError[];
}) {
  const { task } = props;
  return (
    <SecretariatLayout
      title={`Opfølgning: ${task.description}`}
      siteName={props.siteName}
      errors={props.errors}
      crumbs={[{ label: "Opfølgning", href: FOLLOW_UPS_PATH }, { label: "Ret opgave" }]}
    >
      <h1>
        <span class="h1-context">
          <a href={decisionPaths(task.meetingId, task.itemId).send}>
            {`${task.bodyName}, ${formatDanishDate(task.meetingDate)}, punkt ${task.itemNumber} ${task.itemTitle}`}
          </a>
        </span>
        Ret opfølgningsopgave
      </h1>
      <ErrorSummary errors={props.errors} />
      {props.conflict ? (
        <section aria-labelledby="anden-aendring" class="alert alert-warning">
          <div class="alert-body">
            <h2 id="anden-aendring" class="alert-heading">
              Den anden ændring
            </h2>
            <FollowUpList tasks={[props.conflict]} today={props.today} showItem={false} showNotes />
            <p class="alert-text">
              Formularen nedenfor har dine værdier; gem igen for at skrive dem over den anden ændring.
            </p>
          </div>
        </section>
      ) : null}
      <FollowUpForm
        action={`${FOLLOW_UPS_PATH}/${task.id}`}
        values={props.values}
        municipalities={props.municipalities}
        csrfToken={props.csrfToken}
        revision={(props.conflict ?? task).revision}
        submit="Gem opgaven"
      />
    </SecretariatLayout>
  );
}

export function MunicipalityAddressesPage(props: {
  readonly body: SecretariatBody;
  readonly municipalities: readonly string[];
  readonly addresses: readonly MunicipalityAddress[];
  readonly values?: Readonly<Record<string, string>>;
  readonly csrfToken: string;
  readonly siteName: string;
  readonly notice?: string | null;
  readonly errors?: readonly FieldError[];
}) {
  const errors = props.errors ?? [];
  const stored = new Map(props.addresses.map((a) => [a.municipality, a.email]));
  return (
    <SecretariatLayout
      title={`Kommunernes adresser, ${props.body.name}`}
      siteName={props.siteName}
      errors={errors}
      crumbs={[{ label: "Kommunernes adresser" }]}
    >
      <h1>
        <span class="h1-context">{props.body.name}</span>Kommunernes adresser
      </h1>
      <ErrorSummary errors={errors} />
      <SuccessNotice text={props.notice} />
      {props.municipalities.length === 0 ? (
        <p>Organets navn nævner ingen region, så det har ingen kommuner at sende beslutninger til.</p>
      ) : (
        <form action={`/sekretariat/organ/${props.body.id}/kommuner`} method="post">
          <CsrfField token={props.csrfToken} />
          <p>Den e-mailadresse, hver kommune får KKR's beslutninger på. Tom: ingen adresse.</p>
          {props.municipalities.map((m, i) => (
            <TextField
              id={`adresse-${i}`}
              name={`adresse:${m}`}
              label={`${m} Kommune`}
              type="email"
              autocomplete="off"
              value={props.values?.[m] ?? stored.get(m) ?? ""}
            />
          ))}
          <button class="button button-primary" type="submit">
            Gem adresserne
          </button>
        </form>
      )}
    </SecretariatLayout>
  );
}
