/**
 * @module The person page: memberships, meetings attended and missed with the rate, items naming them;
 * a merged person's address redirects to the person kept (issue 16).
 */
import { Hono } from "hono";
import { formatDanishDate, partyLabel } from "../../domain/index.js";
import { getPersonPage, mergedPersonTarget } from "../../store/index.js";
import { formatPercent, municipalityLabel, roleLabel } from "../components/format.js";
import { TextBlock } from "../components/text-block.js";
import { notFound } from "../http-error.js";
import { Layout } from "../layout.js";
import { idParam } from "./route-params.js";

/** Says, in words, that what follows is not public (personal data for the body's secretariat). */
function WithheldNote() {
  return <span class="withheld-mark">Kun for sekretariatet · ikke offentligt</span>;
}

export function personPageApp(): Hono {
  const app = new Hono();
  app.get("/person/:id", async (c) => {
    const personId = idParam(c);
    const data = await getPersonPage(c.get("readDb"), personId, c.get("viewer"));
    if (!data) {
      // A person merged into another (issue 16): their old address leads to the person kept, for good.
      const kept = await mergedPersonTarget(c.get("readDb"), personId);
      if (kept !== null) return c.redirect(`/person/${kept}`, 301);
      throw notFound("Personen");
    }
    const intro = [
      data.party ? `Parti: ${partyLabel(data.party)}` : null,
      municipalityLabel(data.municipality),
    ]
      .filter(Boolean)
      .join(" · ");
    return c.html(
      <Layout
        title={data.name}
        siteName={c.get("settings").siteName}
        lastModified={data.lastModified}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: data.name }]}
      >
        <h1>{data.name}</h1>
        {intro ? <p class="font-lead">{intro}</p> : null}
        {data.aliases.length > 0 ? <p>{`Også skrevet: ${data.aliases.join(", ")}`}</p> : null}
        {data.privateNote ? (
          <section aria-labelledby="kontakt" class="private-note">
            <h2 id="kontakt">
              Kontaktoplysninger <WithheldNote />
            </h2>
            <TextBlock text={data.privateNote} />
          </section>
        ) : null}
        <section aria-labelledby="medlemskaber">
          <h2 id="medlemskaber">Medlemskaber</h2>
          {data.memberships.length === 0 ? (
            <p>Der er ikke registreret medlemskaber.</p>
          ) : (
            <ul>
              {data.memberships.map((m) => (
                <li>
                  <a href={`/organ/${m.bodyId}`}>{m.organizationName}</a>
                  {`: ${roleLabel(m.role)}`}
                  {m.party ? `, ${partyLabel(m.party)}` : ""}
                  {m.startDate ? ` fra ${formatDanishDate(m.startDate)}` : ""}
                  {m.endDate ? ` til ${formatDanishDate(m.endDate)}` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="fremmoede">
          <h2 id="fremmoede">Fremmøde</h2>
          {data.rate === null && data.substituted === 0 ? (
            <p>Der er ikke registreret fremmøde.</p>
          ) : (
            <>
              {data.rate !== null ? (
                <p>
                  {`Deltog i ${data.attended} af ${data.attended + data.missed} ${data.attended + data.missed === 1 ? "møde" : "møder"} (${formatPercent(data.rate)}). Afbud: ${data.missed}.`}
                </p>
              ) : null}
              {data.substituted > 0 ? (
                <p>
                  {`Mødte som suppleant ${data.substituted === 1 ? "1 gang" : `${data.substituted} gange`}; det tæller ikke med i fremmødeprocenten.`}
                </p>
              ) : null}
              <div class="table--responsive-scroll">
                <table class="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">Møde</th>
                      <th scope="col">Organ</th>
                      <th scope="col">Fremmøde</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.attendance.map((a) => (
                      <tr>
                        <th scope="row">
                          <a href={`/moede/${a.meetingId}`}>{formatDanishDate(a.date)}</a>
                        </th>
                        <td>{a.bodyName}</td>
                        <td>
                          {a.status === "present" ? "Til stede" : "Afbud"}
                          {a.substituteForName ? `, suppleant for ${a.substituteForName}` : ""}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
        <section aria-labelledby="punkter">
          <h2 id="punkter">Punkter, hvor personen er nævnt</h2>
          {data.items.length === 0 ? (
            <p>Personen er ikke nævnt i nogen offentlige punkter.</p>
          ) : (
            <ul class="meeting-list">
              {data.items.map((item) => (
                <li>
                  <a href={`/punkt/${item.id}`}>{`${item.number} ${item.title}`}</a>
                  <span class="meeting-list__meta">{`${item.bodyName}, ${formatDanishDate(item.date)}`}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </Layout>,
    );
  });
  return app;
}
