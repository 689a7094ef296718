/** @module The accessibility statement (tilgængelighedserklæring) that a Danish public site must publish. */
import { Hono } from "hono";
import { Layout } from "../layout.js";

export function accessibilityPageApp(): Hono {
  const app = new Hono();
  app.get("/tilgaengelighed", (c) =>
    c.html(
      <Layout
        title="Tilgængelighedserklæring"
        siteName={c.get("settings").siteName}
        breadcrumbs={[{ label: "Forside", href: "/" }, { label: "Tilgængelighedserklæring" }]}
      >
        <h1>Tilgængelighedserklæring</h1>
        <p class="font-lead">
          {`${c.get("settings").siteName} skal kunne bruges af alle. Løsningen er bygget efter lov om tilgængelighed af offentlige organers websteder og mobilapplikationer og sigter mod at overholde WCAG 2.1 på niveau AA.`}
        </p>
        <h2>Sådan er løsningen lavet</h2>
        <ul>
          <li>Siderne er bygget med Det Fælles Designsystem og virker uden JavaScript.</li>
          <li>Alle sider kan bruges med tastatur og skærmlæser, og de kan forstørres til 400 %.</li>
          <li>Sider kan læses på mobil og udskrives.</li>
          <li>Grafer har en tekstbeskrivelse og vises også som tabel.</li>
          <li>Hver sidetype testes automatisk med axe-core for alvorlige og kritiske fejl.</li>
        </ul>
        <h2>Kendte begrænsninger</h2>
        <ul>
          <li>
            Originalfiler (PDF, Word og tekst) offentliggøres, som organerne har modtaget dem, og er ikke
            altid tilgængelige. Teksten fra hvert bilag vises derfor også side for side på bilagets side.
          </li>
          <li>Tekst udtrukket af PDF-filer kan indeholde enkelte fejl i orddeling og opstilling.</li>
        </ul>
        <h2>Kontakt og klage</h2>
        <p>
          Oplever du problemer med tilgængeligheden, så skriv til sekretariatet for det organ, hvis materiale
          du læser. Får du ikke et tilfredsstillende svar, kan du klage til Digitaliseringsstyrelsen, som
          fører tilsyn med offentlige organers websteder.
        </p>
      </Layout>,
    ),
  );
  return app;
}
