/**
 * @module The headed fields of an open item in reading order, with the decision set apart in its own
 * box so a reader who only wants the outcome finds it at once.
 */
import type { ItemBlocks, ItemFieldKey } from "../../domain/index.js";
import type { ItemFieldsView } from "../../store/index.js";
import type { AnnexReferenceTarget } from "./annex-references.js";
import { FieldBlocks } from "./field-blocks.js";
import { TextBlock } from "./text-block.js";

const FIELDS: readonly { readonly key: Exclude<ItemFieldKey, "beslutning">; readonly label: string }[] = [
  { key: "resume", label: "Resumé" },
  { key: "baggrund", label: "Baggrund" },
  { key: "indstilling", label: "Indstilling" },
  { key: "sagsforloeb", label: "Sagsforløb" },
  { key: "sagsfremstilling", label: "Sagsfremstilling" },
];

export function ItemFields(props: {
  readonly fields: ItemFieldsView;
  /** The fields' structure where ingest found more than paragraphs; plain text elsewhere. */
  readonly blocks?: ItemBlocks;
  readonly headingLevel?: 2 | 3;
  /** Where the text's annex references link; without it they stay plain text. */
  readonly annexes?: AnnexReferenceTarget | undefined;
}) {
  const level = props.headingLevel ?? 2;
  const Body = (p: { readonly field: ItemFieldKey; readonly text: string }) => {
    const blocks = props.blocks?.[p.field];
    return blocks && blocks.length > 0 ? (
      <FieldBlocks blocks={blocks} headingLevel={level} annexes={props.annexes} />
    ) : (
      <TextBlock text={p.text} annexes={props.annexes} />
    );
  };
  const Heading = (p: { readonly children: string; readonly id?: string }) =>
    level === 2 ? <h2 id={p.id}>{p.children}</h2> : <h3 id={p.id}>{p.children}</h3>;
  const { fields } = props;
  return (
    <>
      {fields.beslutning ? (
        <section class="decision" aria-labelledby="beslutning">
          <Heading id="beslutning">Beslutning</Heading>
          <Body field="beslutning" text={fields.beslutning} />
        </section>
      ) : null}
      {FIELDS.map(({ key, label }) => {
        const text = fields[key];
        return text ? (
          <section class="item-field">
            <Heading>{label}</Heading>
            <Body field={key} text={text} />
          </section>
        ) : null;
      })}
      {fields.notes ? (
        <section class="item-field">
          <Heading>Bemærkninger</Heading>
          <TextBlock text={fields.notes} annexes={props.annexes} />
        </section>
      ) : null}
    </>
  );
}
