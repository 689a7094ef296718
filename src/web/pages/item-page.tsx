/**
 * @module The item page, a stable URL per agenda item: the fields with the decision set apart (their "./."
 * and "bilag" linked to the item's annexes), annexes, case number, its follow-up tasks, the same case at
 * other meetings, the matters it belongs to, and the source page ("side 25 i referatet") linked to where it
 * can be read. A closed item shows "Lukket punkt" and nothing about its matter.
 */
import { Hono } from "hono";
import { formatDanishDate } from "../../domain/index.js";
import { getItemPage, mattersOfItem } from "../../store/index.js";
import { cachedHtml } from "../cached-page.js";
import { AnnexList } from "../components/annex-list.js";
import {
  annexReferenceTarget,
  ITEM_ANNEX_SECTION_ID,
  mentionsAnnex,
} from "../components/annex-references.js";
import { danishList } from "../components/format.js";
import { ItemExtraFields } from "../components/item-extras.js";
import { ItemFields } from "../components/item-fields.js";
import { ItemFollowUps } from "../components/item-follow-ups.js";
import { ItemSourceLine } from "../components/item-source.js";
import { WithheldMark } from "../components/withheld-mark.js";
import { notFound } from "../http-error.js";
import { Layout } from "../layout.js";
import { ItemMatters } from "./matter-page.js";
import { idParam } from "./route-params.js";

export function itemPageApp(): Hono {
  const app = new Hono();
  app.get("/punkt/:id", async (c) => {
    const data = await getItemPage(c.get("readDb"), idParam(c), c.get("viewer"));
    if (!data) throw notFound("Punktet");
    const { item, meeting } = data;
    const date = formatDanishDate(meeting.date);
    const meetingHref = `/moede/${meeting.id}`;
    const crumbs = [
      { label: "Forside", href: "/" },
      { label: meeting.bodyName, href: `/organ/${meeting.bodyId}` },
      { label: `Møde ${date}`, href: meetingHref },
      { label: `Punkt ${item.number}` },
    ];
    const settings = c.get("settings");
    if (item.closed) {
      return cachedHtml(
        c,
        <Layout title={item.title} siteName={settings.siteName} breadcrumbs={crumbs}>
          <h1>
            <span class="h1-context">{`${meeting.bodyName}, møde ${date}, punkt ${item.number}`}</span>
            {item.title}
          </h1>
          <p>
            Lukkede punkter offentliggøres ikke.{" "}
            <a href={`${meetingHref}#punkt-${item.number}`}>Til mødets dagsorden</a>
          </p>
        </Layout>,
      );
    }
    const matters = await mattersOfItem(c.get("readDb"), item.id, c.get("viewer"));
    const annexTarget = annexReferenceTarget(data.annexes);
    const itemText = [
      ...Object.values(item.fields),
      ...data.extras.extraFields.map((field) => field.text),
      ...data.extras.decisions.map((decision) => decision.text),
    ];
    // "Punktet har ingen bilag" under a text that says "vedlagt som bilag" would contradict it: the annexes
    // exist but are closed, withheld or not imported.
    const noAnnexes = itemText.some((text) => text !== null && mentionsAnnex(text))
      ? "Teksten henviser til bilag, men de er ikke offentliggjort her."
      : "Punktet har ingen bilag.";
    return cachedHtml(
      c,
      <Layout
        title={`${item.number} ${item.title}`}
        siteName={settings.siteName}
        breadcrumbs={crumbs}
        lastModified={data.lastModified}
        head={<link rel="canonical" href={`${settings.publicBaseUrl}/punkt/${item.id}`} />}
      >
        <h1>
          <span class="h1-context">
            <a href={`${meetingHref}#punkt-${item.number}`}>{`${meeting.bodyName}, møde ${date}`}</a>
            {item.sectionTitle ? ` · ${item.sectionNumber ?? ""} ${item.sectionTitle}` : ""}
          </span>
          {`${item.number} ${item.title}`}
          <WithheldMark withheld={item.withheld} />
        </h1>
        <dl class="facts">
          {data.caseNumber ? (
            <>
              <dt>Sagsnummer</dt>
              <dd>{data.caseNumber}</dd>
            </>
          ) : null}
          {data.extras.notParticipating.length > 0 ? (
            <>
              <dt>Deltog ikke i behandlingen</dt>
              <dd>{danishList(data.extras.notParticipating)}</dd>
            </>
          ) : null}
        </dl>
        {data.source ? <ItemSourceLine source={data.source} /> : null}
        <ItemFields fields={item.fields} blocks={item.blocks} annexes={annexTarget} />
        <ItemExtraFields extras={data.extras} beslutning={item.fields.beslutning} annexes={annexTarget} />
        <ItemFollowUps itemId={item.id} />
        <section aria-labelledby={ITEM_ANNEX_SECTION_ID}>
          <h2 id={ITEM_ANNEX_SECTION_ID}>Bilag</h2>
          <AnnexList files={data.annexes} empty={noAnnexes} />
        </section>
        {data.sameCase.length > 0 ? (
          <section aria-labelledby="samme-sag">
            <h2 id="samme-sag">Samme sag på andre møder</h2>
            <ul class="meeting-list">
              {data.sameCase.map((other) => (
                <li>
                  <a href={`/punkt/${other.id}`}>{`${other.number} ${other.title}`}</a>
                  <span class="meeting-list__meta">
                    {`${other.meeting.bodyName}, ${formatDanishDate(other.meeting.date)}`}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <ItemMatters matters={matters} />
        {data.previousItem || data.nextItem ? (
          <nav class="meeting-nav" aria-label="Forrige og næste punkt">
            {data.previousItem ? (
              <a rel="prev" href={`/punkt/${data.previousItem.id}`}>
                {`← ${data.previousItem.number} ${data.previousItem.title}`}
              </a>
            ) : (
              <span />
            )}
            {data.nextItem ? (
              <a rel="next" href={`/punkt/${data.nextItem.id}`}>
                {`${data.nextItem.number} ${data.nextItem.title} →`}
              </a>
            ) : null}
          </nav>
        ) : null}
      </Layout>,
    );
  });
  return app;
}
