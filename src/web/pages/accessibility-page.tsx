/**
 * @module The accessibility statement (tilgængelighedserklæring) that the Danish web accessibility law
 * (lov nr. 692 af 8. juni 2018) asks of a public site: compliance status, what is not accessible and why,
 * how and when the statement was made, a contact, and the way to complain to Digitaliseringsstyrelsen.
 * It follows the headings of Digitaliseringsstyrelsen's model statement.
 */
import { Hono } from "hono";
import { formatDanishDate } from "../../domain/index.js";
import { Layout } from "../layout.js";

/** When the statement was assessed and written; change it when the site is assessed again. */
export const STATEMENT_DATE = "2026-12-02";

/** Digitaliseringsstyrelsen's complaint page for the accessibility of public websites. */
const COMPLAINT_URL = "https://www.was.digst.dk/";

export function accessibilityPageApp(): Hono {
  const app = new Hono();
  app.get("/tilgaengelighed", (c) => {
    const { siteName, contactEmail } = c.get("settings");
    return c.html(
      <Layout
        title="Tilgængelighedserklæring"
        siteName={siteName}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Tilgængelighedserklæring" }]}
      >
        <h1>Tilgængelighedserklæring</h1>
        <p class="font-lead">
          {`${siteName} skal kunne bruges af alle. Erklæringen gælder for hele ${siteName} og følger lov om tilgængelighed af offentlige organers websteder og mobilapplikationer, der stiller krav om WCAG 2.1 på niveau AA.`}
        </p>
        <h2>Overensstemmelsesstatus</h2>
        <p>
          Webstedet er <strong>delvist i overensstemmelse</strong> med kravene, fordi nogle originalfiler ikke
          er tilgængelige (se nedenfor). Sider, formularer, søgning og de dokumenter, {siteName} selv danner,
          overholder kravene.
        </p>
        <h2>Sådan er løsningen lavet</h2>
        <ul>
          <li>Siderne er bygget med Det Fælles Designsystem og virker uden JavaScript.</li>
          <li>Alle sider kan bruges med tastatur og skærmlæser, og de kan forstørres til 400 %.</li>
          <li>Sider kan læses på mobil uden vandret rulning og udskrives.</li>
          <li>Grafer har en tekstbeskrivelse og vises også som tabel.</li>
          <li>
            Dagsordener, referater og bilagspakker, som sekretariatet danner her, er mærkede PDF-filer på
            dansk.
          </li>
        </ul>
        <h2>Indhold, der ikke er tilgængeligt</h2>
        <ul>
          <li>
            Originalfiler (PDF, Word og tekst) offentliggøres, som organerne har modtaget dem, og er ikke
            altid tilgængelige. Teksten fra hvert bilag vises derfor også side for side på bilagets side.
          </li>
          <li>
            Skannede sider uden tekst læses med tekstgenkendelse (OCR). Teksten kan indeholde fejl og er
            mærket som genkendt tekst.
          </li>
          <li>Tekst udtrukket af PDF-filer kan indeholde enkelte fejl i orddeling og opstilling.</li>
        </ul>
        <h2>Udarbejdelse af erklæringen</h2>
        <p>
          Erklæringen er udarbejdet den{" "}
          <time datetime={STATEMENT_DATE}>{formatDanishDate(STATEMENT_DATE)}</time> på grundlag af en egen
          vurdering: hver sidetype testes automatisk med axe-core for alvorlige og kritiske fejl, på
          telefonbredde (320 px) og på skærm, og siderne er gennemgået med tastatur.
        </p>
        <h2>Feedback og kontaktoplysninger</h2>
        {contactEmail ? (
          <p>
            Oplever du problemer med tilgængeligheden, eller har du brug for et dokument i en tilgængelig
            form, så skriv til <a href={`mailto:${contactEmail}`}>{contactEmail}</a>. Du får svar inden for 14
            dage.
          </p>
        ) : (
          <p>
            Oplever du problemer med tilgængeligheden, eller har du brug for et dokument i en tilgængelig
            form, så skriv til sekretariatet for det organ, hvis materiale du læser.
          </p>
        )}
        <h2>Håndhævelsesprocedure</h2>
        <p>
          Får du ikke et tilfredsstillende svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn
          med offentlige organers websteder: <a href={COMPLAINT_URL}>was.digst.dk</a>.
        </p>
      </Layout>,
    );
  });
  return app;
}
