/**
 * @module A list of follow-up tasks (issue 14), as the secretariat's lists, the /kommune pages, the public
 * /opfoelgning list and an item's page show them: overdue first (the caller sorts, domain's
 * compareFollowUps), each with its state in words ("Overskredet" beats its status: text, not colour
 * alone), who it lies with, its deadline and the decision it follows up on. Cards, not a table, so that it
 * reads at 320 px.
 */
import { followUpStateLabel, formatDanishDate, isOverdue, responsibleLine } from "../../domain/index.js";
import type { FollowUpRow } from "../../store/index.js";

export interface FollowUpListProps {
  readonly tasks: readonly FollowUpRow[];
  /** The day, in Copenhagen, the list is read on. */
  readonly today: string;
  /** Show which decision each task follows up on (not on the item's own page). */
  readonly showItem?: boolean;
  /** The secretariat's link to change each task. */
  readonly editHref?: (task: FollowUpRow) => string;
  /** Show the secretariat's notes (never on public pages). */
  readonly showNotes?: boolean;
}

export function FollowUpList(props: FollowUpListProps) {
  if (props.tasks.length === 0) return <p>Ingen opfølgningsopgaver.</p>;
  return (
    <ul class="meeting-list follow-up-list">
      {props.tasks.map((task) => {
        const overdue = isOverdue(task, props.today);
        return (
          <li id={`opfoelgning-${task.id}`}>
            <p>
              {overdue ? (
                <>
                  <span class="withheld-mark">Overskredet</span>{" "}
                </>
              ) : null}
              <strong>{task.description}</strong>
            </p>
            <p class="meeting-list__meta">
              {[
                overdue ? null : followUpStateLabel(task, props.today),
                responsibleLine(task),
                task.dueDate ? `Frist ${formatDanishDate(task.dueDate)}` : "Ingen frist",
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {props.showItem !== false ? (
              <p class="meeting-list__meta">
                {`${task.bodyName}, ${formatDanishDate(task.meetingDate)}: `}
                <a href={`/punkt/${task.itemId}`}>{`punkt ${task.itemNumber} ${task.itemTitle}`}</a>
              </p>
            ) : null}
            {props.showNotes && task.notes ? <p class="meeting-list__meta">Noter: {task.notes}</p> : null}
            {props.editHref ? (
              <p>
                <a href={props.editHref(task)}>
                  Ret opgaven<span class="sr-only">{`: ${task.description}`}</span>
                </a>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
