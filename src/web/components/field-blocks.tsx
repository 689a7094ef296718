/**
 * @module A field's text rendered from its blocks (ingest's recognise/blocks.ts): sub-headings as headings
 * below the field's own, lists as lists, and tables as tables with their header rows, so that a reader (and
 * a screen reader) meets item 2.8's distribution of training places as rows and columns, not as a run of
 * numbers.
 */
import type { FieldBlock, TableBlock } from "../../domain/index.js";
import { AnnexReferenceText } from "./annex-reference-text.js";
import type { AnnexReferenceTarget } from "./annex-references.js";
import { TextBlock } from "./text-block.js";

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A heading of `level`, h2 to h6. */
function Heading(props: { readonly level: HeadingLevel; readonly children: string }) {
  switch (props.level) {
    case 2:
      return <h2>{props.children}</h2>;
    case 3:
      return <h3>{props.children}</h3>;
    case 4:
      return <h4>{props.children}</h4>;
    case 5:
      return <h5>{props.children}</h5>;
    default:
      return <h6>{props.children}</h6>;
  }
}

/**
 * A table: column headers (and a group row above them) in <thead>; when the header leaves the first column
 * blank, that column holds each row's label and its cells become row headers.
 */
function Table(props: { readonly table: TableBlock }) {
  const { header, headerGroups, rows } = props.table;
  const rowLabels = header.length > 0 && header[0] === "";
  return (
    // Scrolls inside itself on a phone instead of widening the page; focusable so a keyboard can scroll it.
    <section class="table--responsive-scroll field-table" tabindex={0} aria-label="Tabel">
      <table class="table table--compact">
        {header.length > 0 ? (
          <thead>
            {headerGroups && headerGroups.length > 0 ? (
              <tr>
                {headerGroups.map((group) =>
                  group.text === "" ? (
                    <td colspan={group.span} />
                  ) : (
                    <th scope="colgroup" colspan={group.span}>
                      {group.text}
                    </th>
                  ),
                )}
              </tr>
            ) : null}
            <tr>{header.map((cell) => (cell === "" ? <td /> : <th scope="col">{cell}</th>))}</tr>
          </thead>
        ) : null}
        <tbody>
          {rows.map((row) => (
            <tr>
              {row.map((cell, column) =>
                column === 0 && rowLabels ? <th scope="row">{cell}</th> : <td>{cell}</td>,
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The blocks of one field. `headingLevel` is the level of the field's own heading: a block heading of
 * level 1 sits one below it, level 2 two below (h6 at most). With `annexes`, annex references in
 * paragraphs and list items link to the item's annexes; headings and table cells are left as they are.
 */
export function FieldBlocks(props: {
  readonly blocks: readonly FieldBlock[];
  readonly headingLevel: 2 | 3;
  readonly annexes?: AnnexReferenceTarget | undefined;
}) {
  return (
    <>
      {props.blocks.map((block) => {
        switch (block.type) {
          case "paragraph":
            return <TextBlock text={block.text} annexes={props.annexes} />;
          case "heading":
            return (
              <Heading level={Math.min(props.headingLevel + block.level, 6) as HeadingLevel}>
                {block.text}
              </Heading>
            );
          case "list":
            return block.ordered ? (
              <ol>
                {block.items.map((item) => (
                  <li>
                    <AnnexReferenceText text={item} annexes={props.annexes} />
                  </li>
                ))}
              </ol>
            ) : (
              <ul>
                {block.items.map((item) => (
                  <li>
                    <AnnexReferenceText text={item} annexes={props.annexes} />
                  </li>
                ))}
              </ul>
            );
          default:
            return <Table table={block} />;
        }
      })}
    </>
  );
}
