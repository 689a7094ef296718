/** @module A list of annexes as links to their pages, with item number, annex number and pages. */
import type { FileRef } from "../../store/index.js";
import { pageRangeLabel } from "./format.js";

export function annexLabel(file: FileRef): string {
  const prefix = [file.itemNumber, file.annexNumber !== null ? `Bilag ${file.annexNumber}` : null]
    .filter(Boolean)
    .join(" ");
  return prefix ? `${prefix}: ${file.title}` : file.title;
}

export function AnnexList(props: { readonly files: readonly FileRef[]; readonly empty: string }) {
  if (props.files.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="annex-list">
      {props.files.map((file) => {
        const pages = pageRangeLabel(file.pageStart, file.pageEnd);
        return (
          <li>
            <a href={`/bilag/${file.id}`}>{annexLabel(file)}</a>
            {/* Pages of the document itself; the imported file's internal name is no reader's business. */}
            {pages ? <span class="meeting-list__meta">{pages}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
