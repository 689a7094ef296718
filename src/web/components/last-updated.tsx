/** @module The "Senest opdateret" line at the foot of a page's content. */
import { formatDanishDateTime } from "./format.js";

export function LastUpdated(props: { readonly at: Date | null }) {
  if (!props.at) return null;
  return (
    <p class="last-updated">
      Senest opdateret <time datetime={props.at.toISOString()}>{formatDanishDateTime(props.at)}</time>
    </p>
  );
}
