/**
 * @module For the next agenda's builder (issue 14): the body's follow-up tasks not done whose deadline
 * falls by the meeting's date, overdue first, so the secretariat can put them on the agenda. An async
 * component reading the store and the clock from the request's context: the builder adds one line.
 */
import { tryGetContext } from "hono/context-storage";
import { copenhagenDay } from "../../domain/index.js";
import { listFollowUps } from "../../store/index.js";
import { FollowUpList } from "./follow-up-list.js";

export async function DueFollowUps(props: {
  readonly meeting: { readonly bodyId: number; readonly date: string };
}) {
  const c = tryGetContext();
  if (!c) return null;
  const today = copenhagenDay(c.get("now")());
  const tasks = await listFollowUps(
    c.get("db"),
    { bodyIds: [props.meeting.bodyId], dueBy: props.meeting.date },
    today,
  );
  return (
    <section aria-labelledby="opfoelgning-frist">
      <h2 id="opfoelgning-frist">Opfølgning med frist inden mødet</h2>
      {tasks.length === 0 ? (
        <p>Ingen opfølgningsopgaver har frist inden mødet.</p>
      ) : (
        <FollowUpList tasks={tasks} today={today} editHref={(t) => `/sekretariat/opfoelgning/${t.id}`} />
      )}
    </section>
  );
}
