/**
 * @module The secretariat's way through one meeting (issues 13 and 14): agenda, meeting day, minutes,
 * decisions sent on, and the public page, as one row of links on each of those pages, the current one
 * marked, so the next step is always one click away.
 */

/** The secretariat's pages of a meeting, in the order of the work. */
export type MeetingWorkPage = "agenda" | "meeting-day" | "minutes" | "decisions";

const PAGES: readonly { readonly page: MeetingWorkPage; readonly label: string; readonly path: string }[] = [
  { page: "agenda", label: "Dagsorden", path: "dagsorden" },
  { page: "meeting-day", label: "Mødedag: fremmøde og beslutninger", path: "moededag" },
  { page: "minutes", label: "Referat", path: "referat" },
  { page: "decisions", label: "Beslutninger sendt videre", path: "beslutninger" },
];

export function MeetingWorkNav(props: { readonly meetingId: number; readonly current: MeetingWorkPage }) {
  return (
    <nav class="meeting-work-nav" aria-label="Mødets sider for sekretariatet">
      {PAGES.map(({ page, label, path }) =>
        page === props.current ? (
          <a href={`/sekretariat/moede/${props.meetingId}/${path}`} aria-current="page">
            {label}
          </a>
        ) : (
          <a href={`/sekretariat/moede/${props.meetingId}/${path}`}>{label}</a>
        ),
      )}
      <a href={`/moede/${props.meetingId}`}>Mødets offentlige side</a>
    </nav>
  );
}
