// Refreshes the agenda builder's PDF lines while a render job runs (issue 13). An enhancement only: the
// page is complete without it, and a reload shows the same lines. No inline script (the CSP forbids it).
(() => {
  const list = document.getElementById("render-lines");
  if (list?.dataset.busy !== "true") return;
  const url = list.dataset.statusUrl;
  if (!url) return;
  let tries = 0;
  async function refresh() {
    tries += 1;
    try {
      const res = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" });
      if (!res.ok) return;
      const status = await res.json();
      for (const line of status.lines) {
        const item = list.querySelector(`[data-render-kind="${line.kind}"]`);
        if (!item) continue;
        const text = item.querySelector(".render-line__text");
        if (text) text.textContent = line.text;
        const bar = item.querySelector("progress");
        if (bar && line.total) {
          bar.max = line.total;
          bar.value = line.done ?? 0;
        }
      }
      // Done: reload once, so the download links and the page's own lines are the server's.
      if (!status.busy) {
        // Without the ?besked= notice that said the jobs were started.
        if (window.location.search) window.location.replace(`${window.location.pathname}#pdf`);
        else window.location.reload();
        return;
      }
    } catch {
      // The next try may work; the page stays as the server drew it.
    }
    if (tries < 300) window.setTimeout(refresh, 1000);
  }
  window.setTimeout(refresh, 1000);
})();
