// Follows the job that gathers a whole meeting into one PDF (issue 16). An enhancement only: without it
// the page has a link to look again. No inline script (the CSP forbids it) and no timed reload of the
// page (WCAG 2.2.1): the page is fetched in the background and only its progress line is swapped in.
(() => {
  const box = document.getElementById("meeting-whole-progress");
  if (box?.dataset.busy !== "true") return;
  let tries = 0;
  async function look() {
    tries += 1;
    try {
      const res = await fetch(window.location.href, { headers: { accept: "text/html" }, cache: "no-store" });
      if (res.ok) {
        const fresh = new DOMParser()
          .parseFromString(await res.text(), "text/html")
          .getElementById("meeting-whole-progress");
        if (fresh?.dataset.busy !== "true") {
          // Ready or failed: the server's page says which, and starts the download when ready.
          window.location.reload();
          return;
        }
        const line = box.querySelector(".render-line__text");
        const freshLine = fresh.querySelector(".render-line__text");
        if (line && freshLine) line.textContent = freshLine.textContent;
        const bar = box.querySelector("progress");
        const freshBar = fresh.querySelector("progress");
        if (bar && freshBar) {
          bar.max = freshBar.max;
          bar.value = freshBar.value;
        }
      }
    } catch {
      // The next look may work; the page stays as the server drew it.
    }
    if (tries < 300) window.setTimeout(look, 1500);
  }
  window.setTimeout(look, 1500);
})();
