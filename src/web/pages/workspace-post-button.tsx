/**
 * @module One button that POSTs a small form (its CSRF field and hidden fields): how the secretariat's
 * pages move and remove items and annexes without JavaScript. The hidden part of the label names what
 * the button acts on, so a screen reader's list of buttons says "Flyt op punkt 2.3", not "Flyt op".
 */
import { CsrfField } from "../components/form-parts.js";

export function PostButton(props: {
  readonly action: string;
  readonly csrfToken: string;
  readonly label: string;
  /** Read after the label by screen readers only: " punkt 2.3". */
  readonly what: string;
  readonly fields?: Readonly<Record<string, string>>;
}) {
  return (
    <form action={props.action} method="post">
      <CsrfField token={props.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button class="button button-secondary" type="submit">
        {props.label}
        <span class="sr-only">{props.what}</span>
      </button>
    </form>
  );
}
