/**
 * @module The public follow-up tasks of one item, for the item page (issue 14): an async component that
 * reads the store and the app's clock from the request's context, so the page adds one line:
 * `<ItemFollowUps itemId={item.id} />`. Shows only what the public may see (store's publicFollowUps:
 * domain's mayShowFollowUps, never a closed item's), and nothing at all when there is none.
 */
import { tryGetContext } from "hono/context-storage";
import { copenhagenDay } from "../../domain/index.js";
import { publicFollowUps } from "../../store/index.js";
import { FollowUpList } from "./follow-up-list.js";

export async function ItemFollowUps(props: { readonly itemId: number }) {
  const c = tryGetContext();
  if (!c) return null;
  const today = copenhagenDay(c.get("now")());
  const tasks = await publicFollowUps(c.get("readDb"), { itemId: props.itemId }, today);
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="opfoelgning">
      <h2 id="opfoelgning">Opfølgning</h2>
      <FollowUpList tasks={tasks} today={today} showItem={false} />
    </section>
  );
}
