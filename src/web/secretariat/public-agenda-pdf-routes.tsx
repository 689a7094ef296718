/**
 * @module The public PDFs of a sent agenda (issue 13): /moede/{id}/dagsorden.pdf and
 * /moede/{id}/bilagspakke.pdf, the public edition of the agenda as last sent (closed items as "Lukket
 * punkt", no closed or CPR-marked annexes), never the working copy's changes not yet sent. Before sending
 * there is nothing public: 404; while the render job makes the latest version's PDF: 503 "dannes" with
 * Retry-After, as a Danish page or JSON.
 */
import { Hono } from "hono";
import { draftMeeting, publicAgendaPdf } from "../../store/index.js";
import { notFound, portalError } from "../http-error.js";
import { idParam } from "../pages/route-params.js";

/** How long a visitor waits before asking again while a PDF is made (a pack of 300 pages takes seconds). */
const RETRY_SECONDS = 30;

export function publicAgendaPdfRoutes(): Hono {
  const app = new Hono();
  for (const [path, kind, what] of [
    ["dagsorden.pdf", "agenda", "Dagsordenens PDF"],
    ["bilagspakke.pdf", "annex-pack", "Bilagspakken"],
  ] as const) {
    app.get(`/moede/:id/${path}`, async function publicAgendaPdfRoute(c) {
      const meeting = await draftMeeting(c.get("readDb"), idParam(c));
      if (!meeting || meeting.phase === "planned" || meeting.phase === "agenda-draft") throw notFound(what);
      const found = await publicAgendaPdf(c.get("readDb"), meeting.id, kind);
      if (found.state === "unsent") throw notFound(what);
      if (found.state === "rendering") {
        throw portalError(
          "unavailable",
          `${what} dannes: den udsendte dagsorden (udgave ${found.versionNumber}) er ved at blive lavet som PDF. Prøv igen om lidt.`,
          new Date(Date.now() + RETRY_SECONDS * 1000),
        );
      }
      return c.body(found.pdf as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${kind === "agenda" ? "dagsorden" : "bilagspakke"}-${meeting.date}.pdf"`,
        "Cache-Control": "public, max-age=300",
        "Last-Modified": found.renderedAt.toUTCString(),
      });
    });
  }
  return app;
}
