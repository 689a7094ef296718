// Refreshes an import's table (/sekretariat/import/{batch}, issue 17) while its files are imported. An
// enhancement only: the page is complete without it, and "Opdater" shows the same. It fetches the page
// itself and takes the rows and the progress line from it; the progress line is a status region, so a
// screen reader hears "3 af 5 filer færdige" as it changes, not the whole table. No inline script (CSP).
(() => {
  const status = document.getElementById("import-status");
  if (status?.dataset.busy !== "true") return;
  let tries = 0;
  async function refresh() {
    tries += 1;
    try {
      const res = await fetch(window.location.href, {
        headers: { accept: "text/html" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!res.ok) return;
      const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
      const rows = document.getElementById("import-rows");
      const freshRows = fresh.getElementById("import-rows");
      if (rows && freshRows) rows.replaceChildren(...freshRows.childNodes);
      const text = document.getElementById("import-progress-text");
      const freshText = fresh.getElementById("import-progress-text");
      if (text && freshText && text.textContent !== freshText.textContent) {
        text.textContent = freshText.textContent;
      }
      const bar = document.getElementById("import-progress-bar");
      const freshBar = fresh.getElementById("import-progress-bar");
      if (bar && freshBar) {
        bar.max = freshBar.max;
        bar.value = freshBar.value;
      }
      const freshStatus = fresh.getElementById("import-status");
      if (freshStatus?.dataset.busy !== "true") {
        status.dataset.busy = "false";
        return;
      }
    } catch {
      // The next try may work; the page stays as the server drew it.
    }
    if (tries < 600) window.setTimeout(refresh, 2000);
  }
  window.setTimeout(refresh, 2000);
})();
