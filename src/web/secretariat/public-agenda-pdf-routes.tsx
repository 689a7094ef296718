/**
 * @module The public PDFs of a sent agenda (issue 13): /moede/{id}/dagsorden.pdf and
 * /moede/{id}/bilagspakke.pdf, the public edition the render jobs made when it was sent (closed items as
 * "Lukket punkt", no closed or CPR-marked annexes). Before sending there is nothing public: 404.
 */
import { Hono } from "hono";
import { agendaRenderingPdf, draftMeeting } from "../../store/index.js";
import { notFound } from "../http-error.js";
import { idParam } from "../pages/route-params.js";

export function publicAgendaPdfRoutes(): Hono {
  const app = new Hono();
  for (const [path, kind, what] of [
    ["dagsorden.pdf", "agenda", "Dagsordenens PDF"],
    ["bilagspakke.pdf", "annex-pack", "Bilagspakken"],
  ] as const) {
    app.get(`/moede/:id/${path}`, async function publicAgendaPdf(c) {
      const meeting = await draftMeeting(c.get("db"), idParam(c));
      if (!meeting || meeting.phase === "planned" || meeting.phase === "agenda-draft") throw notFound(what);
      const rendering = await agendaRenderingPdf(c.get("db"), meeting.id, kind, "public");
      if (!rendering) throw notFound(what);
      return c.body(rendering.pdf as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${kind === "agenda" ? "dagsorden" : "bilagspakke"}-${meeting.date}.pdf"`,
        "Cache-Control": "public, max-age=300",
        "Last-Modified": rendering.renderedAt.toUTCString(),
      });
    });
  }
  return app;
}
