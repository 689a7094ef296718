/**
 * @module The form of a follow-up task (issue 14), to create one under a decision or change one: what,
 * who (the secretariat, a municipality of the body, an organisation), deadline, status, notes. Its values
 * come from the form as strings and go to the commands as domain's FollowUpInput.
 */
import {
  FOLLOW_UP_STATUS_LABELS,
  FOLLOW_UP_STATUSES,
  type FollowUpInput,
  isFollowUpStatus,
  isResponsibleKind,
  RESPONSIBLE_KIND_LABELS,
  RESPONSIBLE_KINDS,
} from "../../domain/index.js";
import type { FollowUpRow } from "../../store/index.js";
import { CsrfField, TextField } from "../components/form-parts.js";

/** The form's values as typed. */
export interface FollowUpFormValues {
  readonly description: string;
  readonly responsibleKind: string;
  readonly municipality: string;
  readonly responsible: string;
  readonly dueDate: string;
  readonly status: string;
  readonly notes: string;
}

export const EMPTY_FOLLOW_UP: FollowUpFormValues = {
  description: "",
  responsibleKind: "secretariat",
  municipality: "",
  responsible: "",
  dueDate: "",
  status: "open",
  notes: "",
};

export function followUpFormValues(row: FollowUpRow): FollowUpFormValues {
  return {
    description: row.description,
    responsibleKind: row.responsibleKind,
    municipality: row.municipality ?? "",
    responsible: row.responsible ?? "",
    dueDate: row.dueDate ?? "",
    status: row.status,
    notes: row.notes ?? "",
  };
}

/** The values of a posted form. */
export function followUpValuesOfForm(field: (name: string) => string): FollowUpFormValues {
  return {
    description: field("opgave"),
    responsibleKind: field("ansvarlig_type"),
    municipality: field("kommune"),
    responsible: field("ansvarlig"),
    dueDate: field("frist"),
    status: field("status") || "open",
    notes: field("noter"),
  };
}

/** The command's input; an unknown kind or status is left for domain's check to refuse. */
export function followUpInputOf(values: FollowUpFormValues): FollowUpInput {
  return {
    description: values.description,
    responsibleKind: isResponsibleKind(values.responsibleKind) ? values.responsibleKind : "secretariat",
    municipality: values.municipality.trim() || null,
    responsible: values.responsible.trim() || null,
    dueDate: values.dueDate.trim() || null,
    status: isFollowUpStatus(values.status) ? values.status : "open",
    notes: values.notes.trim() || null,
  };
}

export function FollowUpForm(props: {
  readonly action: string;
  readonly values: FollowUpFormValues;
  readonly municipalities: readonly string[];
  readonly csrfToken: string;
  readonly submit: string;
  readonly revision?: number;
}) {
  const v = props.values;
  return (
    <form action={props.action} method="post" class="follow-up-form">
      <CsrfField token={props.csrfToken} />
      {props.revision !== undefined ? (
        <input type="hidden" name="revision" value={String(props.revision)} />
      ) : null}
      <div class="form-group">
        <label class="form-label" for="opgave">
          Opgave
        </label>
        <textarea class="form-input" id="opgave" name="opgave" rows={3} required maxlength={2000}>
          {v.description}
        </textarea>
      </div>
      <fieldset>
        <legend class="form-label">Hvem har opgaven</legend>
        {RESPONSIBLE_KINDS.map((kind) => (
          <div class="form-group-radio">
            <input
              class="form-radio"
              type="radio"
              id={`ansvarlig-${kind}`}
              name="ansvarlig_type"
              value={kind}
              checked={v.responsibleKind === kind}
            />
            <label class="form-label" for={`ansvarlig-${kind}`}>
              {RESPONSIBLE_KIND_LABELS[kind]}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="form-group">
        <label class="form-label" for="kommune">
          Kommune (når en kommune har opgaven)
        </label>
        <select class="form-select" id="kommune" name="kommune">
          <option value="">Ingen</option>
          {props.municipalities.map((m) => (
            <option value={m} selected={v.municipality === m}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="ansvarlig"
        label="Ansvarlig person, enhed eller organisation"
        hint="Skal udfyldes, når en organisation har opgaven."
        value={v.responsible}
        maxlength={200}
      />
      <div class="form-group">
        <label class="form-label" for="frist">
          Frist
        </label>
        <input class="form-input" type="date" id="frist" name="frist" value={v.dueDate} />
      </div>
      <div class="form-group">
        <label class="form-label" for="status">
          Status
        </label>
        <select class="form-select" id="status" name="status">
          {FOLLOW_UP_STATUSES.map((s) => (
            <option value={s} selected={v.status === s}>
              {FOLLOW_UP_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="form-label" for="noter">
          Noter (kun for sekretariatet)
        </label>
        <textarea class="form-input" id="noter" name="noter" rows={3} maxlength={4000}>
          {v.notes}
        </textarea>
      </div>
      <button class="button button-primary" type="submit">
        {props.submit}
      </button>
    </form>
  );
}
