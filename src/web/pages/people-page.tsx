/**
 * @module /personer: the persons of each body by party, with party names ("Socialdemokratiet (A)"),
 * attendance in their own seat and their appearances as a substitute, and names that may be another
 * spelling of someone else's flagged for the secretariat.
 */
import { Hono } from "hono";
import { partyLabel } from "../../domain/index.js";
import { getPeopleOverview, type PersonInBody } from "../../store/index.js";
import { formatPercent, municipalityLabel, roleLabel } from "../components/format.js";
import { badRequest } from "../http-error.js";
import { Layout } from "../layout.js";
import { boundedInt, MAX_ROW_ID } from "../request-params.js";

/** A party parameter: a letter or a local list's short name, nothing that is not a word. */
const PARTY_PARAM = /^[\p{L}\p{N} .&-]{1,40}$/u;

export function peoplePageApp(): Hono {
  const app = new Hono();
  app.get("/personer", async (c) => {
    const bodyId = boundedInt(c.req.query("organ"), "organ", 1, MAX_ROW_ID);
    const party = c.req.query("parti") || undefined;
    if (party !== undefined && !PARTY_PARAM.test(party))
      throw badRequest("parti skal være et partibogstav, fx A.");
    const data = await getPeopleOverview(c.get("readDb"), {
      ...(bodyId !== undefined ? { bodyId } : {}),
      ...(party !== undefined ? { party } : {}),
    });
    return c.html(
      <Layout
        title="Personer"
        siteName={c.get("settings").siteName}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Personer" }]}
      >
        <h1>Personer</h1>
        <p class="font-lead">
          Medlemmer og suppleanter i organerne, efter parti. Fremmødet tæller kun møder på personens egen
          plads; møder som suppleant for et andet medlem står for sig.
        </p>
        <search aria-label="Filtrér personer">
          <form action="/personer" method="get" class="people-filter">
            <div class="form-group">
              <label class="form-label" for="personer-organ">
                Organ
              </label>
              <select class="form-select" id="personer-organ" name="organ">
                <option value="">Alle organer</option>
                {data.bodyChoices.map((b) => (
                  <option value={String(b.id)} selected={bodyId === b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-group">
              <label class="form-label" for="personer-parti">
                Parti
              </label>
              <select class="form-select" id="personer-parti" name="parti">
                <option value="">Alle partier</option>
                {data.parties.map((p) => (
                  <option value={p} selected={party === p}>
                    {partyLabel(p)}
                  </option>
                ))}
              </select>
            </div>
            <button class="button button-primary" type="submit">
              Vis personer
            </button>
          </form>
        </search>
        {data.bodies.length === 0 ? <p>Ingen personer passer til filteret.</p> : null}
        {data.bodies.map((body) => (
          <section aria-labelledby={`organ-${body.bodyId}`}>
            <h2 id={`organ-${body.bodyId}`}>
              <a href={`/organ/${body.bodyId}`}>{body.bodyName}</a>
            </h2>
            {byParty(body.persons).map(([partyKey, persons]) => (
              <>
                <h3>{partyKey === null ? "Uden parti" : partyLabel(partyKey)}</h3>
                <div class="table--responsive-scroll">
                  <table class="table table--compact people-table">
                    <thead>
                      <tr>
                        <th scope="col">Navn</th>
                        <th scope="col">Kommune</th>
                        <th scope="col">Rolle</th>
                        <th scope="col">Fremmøde</th>
                      </tr>
                    </thead>
                    <tbody>
                      {persons.map((p) => (
                        <PersonRow person={p} />
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ))}
          </section>
        ))}
      </Layout>,
    );
  });
  return app;
}

/** Persons grouped by party, national letters in the table's order first, no party last. */
function byParty(persons: readonly PersonInBody[]): [string | null, PersonInBody[]][] {
  const groups = new Map<string | null, PersonInBody[]>();
  for (const p of persons) {
    const group = groups.get(p.party) ?? [];
    group.push(p);
    groups.set(p.party, group);
  }
  return [...groups].sort(([a], [b]) =>
    a === null ? 1 : b === null ? -1 : partyLabel(a).localeCompare(partyLabel(b), "da"),
  );
}

function PersonRow(props: { readonly person: PersonInBody }) {
  const p = props.person;
  return (
    <tr>
      <th scope="row">
        <a href={`/person/${p.personId}`}>{p.name}</a>
        {p.nearDuplicates.length > 0 ? (
          <span class="people-near">
            {"Måske samme person som "}
            {p.nearDuplicates.map((d, i) => (
              <>
                {i > 0 ? ", " : ""}
                <a href={`/person/${d.personId}`}>{d.name}</a>
              </>
            ))}
          </span>
        ) : null}
      </th>
      <td>{municipalityLabel(p.municipality) ?? ""}</td>
      <td>{p.roles.map(roleLabel).join(", ")}</td>
      <td>{attendanceText(p)}</td>
    </tr>
  );
}

/** "3 af 4 møder (75 %)", and a substitute's appearances as such, never as a rate. */
function attendanceText(p: PersonInBody): string {
  const parts: string[] = [];
  const seat = p.attended + p.missed;
  if (p.rate !== null)
    parts.push(`${p.attended} af ${seat} ${seat === 1 ? "møde" : "møder"} (${formatPercent(p.rate)})`);
  if (p.substituted > 0) parts.push(`suppleant ${p.substituted === 1 ? "1 gang" : `${p.substituted} gange`}`);
  if (parts.length === 0) return "Intet registreret";
  const text = parts.join("; ");
  return text.charAt(0).toLocaleUpperCase("da") + text.slice(1);
}
