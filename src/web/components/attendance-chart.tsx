/**
 * @module Attendance over a body's meetings as a server-rendered SVG bar chart (members present,
 * substitutes and absences stacked), with a title and description for screen readers and the same
 * figures as a table below. The figure over a bar is members present of members: a substitute stands in
 * for an absent member and is counted apart (issue 14), so a full bar of substitutes is not full attendance.
 */
import { formatDanishDate } from "../../domain/index.js";
import type { MeetingAttendanceCount } from "../../store/index.js";

const BAR = 48;
const GAP = 16;
const HEIGHT = 160;
const AXIS = 28;
// Colours with at least 3:1 contrast to white and to each other's neighbour (WCAG 1.4.11).
const PRESENT = "#005f1e";
const SUBSTITUTE = "#0059b3";
const ABSENT = "#b51d09";

function shortDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${Number(day)}.${Number(month)}.${year?.slice(2)}`;
}

export function AttendanceChart(props: {
  readonly id: string;
  readonly meetings: readonly MeetingAttendanceCount[];
}) {
  const { meetings } = props;
  if (meetings.length === 0) return <p>Der er ikke registreret fremmøde endnu.</p>;
  const max = Math.max(...meetings.map((m) => m.present + m.substitutes + m.absent), 1);
  const width = meetings.length * (BAR + GAP) + GAP;
  const scale = (n: number) => (n / max) * (HEIGHT - 20);
  const totalPresent = meetings.reduce((sum, m) => sum + m.present, 0);
  const totalAll = meetings.reduce((sum, m) => sum + m.present + m.absent, 0);
  const totalSubstitutes = meetings.reduce((sum, m) => sum + m.substitutes, 0);
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure class="attendance-chart">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${HEIGHT + AXIS}`}
        width={width}
        height={HEIGHT + AXIS}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>Fremmøde pr. møde</title>
        <desc id={descId}>
          {`Søjler for ${meetings.length} møder: grøn er medlemmer til stede, blå er suppleanter, rød er afbud, og tallet over søjlen er medlemmer til stede ud af alle medlemmer. I alt ${totalPresent} af ${totalAll} medlemmer fremmødte og ${totalSubstitutes} ${totalSubstitutes === 1 ? "suppleant" : "suppleanter"}.`}
        </desc>
        <line x1="0" y1={HEIGHT} x2={width} y2={HEIGHT} stroke="#747474" />
        {meetings.map((m, index) => {
          const x = GAP + index * (BAR + GAP);
          const presentHeight = scale(m.present);
          const substituteHeight = scale(m.substitutes);
          const absentHeight = scale(m.absent);
          const top = HEIGHT - presentHeight - substituteHeight - absentHeight;
          return (
            <g>
              <rect x={x} y={HEIGHT - presentHeight} width={BAR} height={presentHeight} fill={PRESENT} />
              <rect
                x={x}
                y={HEIGHT - presentHeight - substituteHeight}
                width={BAR}
                height={substituteHeight}
                fill={SUBSTITUTE}
              />
              <rect x={x} y={top} width={BAR} height={absentHeight} fill={ABSENT} />
              <text x={x + BAR / 2} y={top - 4} text-anchor="middle" font-size="12">
                {`${m.present}/${m.present + m.absent}`}
              </text>
              <text x={x + BAR / 2} y={HEIGHT + 16} text-anchor="middle" font-size="11">
                {shortDate(m.date)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="legend legend--present">Til stede</span>{" "}
        <span class="legend legend--substitute">Suppleant</span>{" "}
        <span class="legend legend--absent">Afbud</span>
      </figcaption>
      <details class="chart-table">
        <summary>Vis fremmødet som tabel</summary>
        <table class="table table--compact">
          <caption class="sr-only">Fremmøde pr. møde</caption>
          <thead>
            <tr>
              <th scope="col">Møde</th>
              <th scope="col">Til stede</th>
              <th scope="col">Suppleanter</th>
              <th scope="col">Afbud</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr>
                <th scope="row">
                  <a href={`/moede/${m.meetingId}`}>{formatDanishDate(m.date)}</a>
                </th>
                <td>{m.present}</td>
                <td>{m.substitutes}</td>
                <td>{m.absent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
