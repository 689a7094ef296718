/**
 * @module The field data of municipal and regional layouts on the item page: the headed fields beyond the
 * six ("Økonomi", "Sagen afgøres af", ...) under their own headings in document order, the decisions of
 * other bodies or days each with body and date, and the case's earlier treatments as a small table.
 */
import { formatDanishDate } from "../../domain/index.js";
import type { ItemExtras } from "../../store/index.js";
import type { AnnexReferenceTarget } from "./annex-references.js";
import { FieldBlocks } from "./field-blocks.js";
import { TextBlock } from "./text-block.js";

/** "Beslutning i Økonomiudvalget, 12. marts 2024"; without a body or a date, what is known. */
export function decisionLabel(decision: {
  readonly body: string | null;
  readonly date: string | null;
}): string {
  const where = decision.body ? `Beslutning i ${decision.body}` : "Beslutning";
  return decision.date ? `${where}, ${formatDanishDate(decision.date)}` : where;
}

/**
 * Renders the extras of an open item. The decision that is already the item's Beslutning (shown set apart
 * above) is not repeated among the others.
 */
export function ItemExtraFields(props: {
  readonly extras: ItemExtras;
  readonly beslutning: string | null;
  /** Where the text's annex references link; without it they stay plain text. */
  readonly annexes?: AnnexReferenceTarget | undefined;
}) {
  const { extraFields, decisions, caseHistory } = props.extras;
  const otherDecisions = decisions.filter((decision) => decision.text !== props.beslutning);
  return (
    <>
      {extraFields.map((field) =>
        field.text.trim() ? (
          <section class="item-field">
            <h2>{field.heading}</h2>
            {field.blocks && field.blocks.length > 0 ? (
              <FieldBlocks blocks={field.blocks} headingLevel={2} annexes={props.annexes} />
            ) : (
              <TextBlock text={field.text} annexes={props.annexes} />
            )}
          </section>
        ) : null,
      )}
      {otherDecisions.length > 0 ? (
        <section class="item-field" aria-labelledby="beslutninger-i-sagen">
          <h2 id="beslutninger-i-sagen">Beslutninger i sagen</h2>
          {otherDecisions.map((decision) => (
            <>
              <h3>{decisionLabel(decision)}</h3>
              {decision.blocks && decision.blocks.length > 0 ? (
                <FieldBlocks blocks={decision.blocks} headingLevel={3} annexes={props.annexes} />
              ) : (
                <TextBlock text={decision.text} annexes={props.annexes} />
              )}
            </>
          ))}
        </section>
      ) : null}
      {caseHistory.length > 0 ? (
        <section class="item-field" aria-labelledby="sagens-behandlinger">
          <h2 id="sagens-behandlinger">Sagens behandlinger</h2>
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">Udvalg</th>
                <th scope="col">Dato</th>
                <th scope="col">Punkt</th>
              </tr>
            </thead>
            <tbody>
              {caseHistory.map((entry) => (
                <tr>
                  <td>{entry.body}</td>
                  <td>{entry.date ? formatDanishDate(entry.date) : ""}</td>
                  <td>{entry.itemNumber ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
