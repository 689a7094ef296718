/**
 * @module Form parts of the account pages, as Det Fælles Designsystem draws them: the hidden CSRF field,
 * the error summary that opens a failed form (focused, linking to each field), and a labelled text field
 * whose error is tied to it by aria-describedby.
 */
import type { Child } from "hono/jsx";
import { CSRF_FIELD } from "../middleware/csrf.js";

/** The hidden field every POST form carries; `token` from `c.var.csrfToken()`. */
export function CsrfField(props: { readonly token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

export interface FieldError {
  /** The id of the field the error is about, or null for the form as a whole. */
  readonly field: string | null;
  readonly message: string;
}

/**
 * The error summary at the top of a failed form. It is the first thing read: `autofocus` moves focus to
 * it without script (WCAG 3.3.1), and each line links to its field.
 */
export function ErrorSummary(props: { readonly errors: readonly FieldError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div
      class="alert alert-error error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      autofocus
      id="error-summary"
    >
      <div class="alert-body">
        <h2 class="alert-heading" id="error-summary-title">
          {props.errors.length === 1 ? "Der er en fejl" : "Der er fejl"}
        </h2>
        <ul class="nobullet-list">
          {props.errors.map((e) => (
            <li>{e.field ? <a href={`#${e.field}`}>{e.message}</a> : e.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export interface TextFieldProps {
  readonly id: string;
  readonly name?: string;
  readonly label: string;
  readonly type?: "text" | "email" | "password";
  readonly value?: string;
  readonly autocomplete?: string;
  readonly hint?: string;
  readonly error?: string | null;
  readonly required?: boolean;
  readonly inputmode?: "numeric" | "email" | "text";
  readonly pattern?: string;
  readonly maxlength?: number;
  readonly children?: Child;
}

export function TextField(props: TextFieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={props.error ? "form-group form-error" : "form-group"}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <span class="form-hint" id={hintId ?? undefined}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="form-error-message" id={errorId ?? undefined}>
          <span class="sr-only">Fejl: </span>
          {props.error}
        </span>
      ) : null}
      <input
        class="form-input"
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        pattern={props.pattern}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
