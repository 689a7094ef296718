/**
 * @module A meeting date from a file's name ("bilag-2026-03-20.pdf", "Bilag 20.03.2026.pdf",
 * "dagsorden_20032026.pdf"): an annex pack whose own text names no date is linked to its meeting by it.
 */

/**
 * The one valid calendar date the file name holds, ISO; null when it holds none or several different.
 * @example dateFromFileName("KKR bilag 20-03-2026.pdf") // "2026-03-20"
 */
export function dateFromFileName(fileName: string): string | null {
  const found = new Set<string>();
  const name = fileName.replace(/\.[A-Za-z0-9]+$/, "");
  for (const m of name.matchAll(/(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/g))
    add(found, m[1]!, m[2]!, m[3]!);
  for (const m of name.matchAll(/(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})(?!\d)/g))
    add(found, m[3]!, m[2]!, m[1]!);
  for (const m of name.matchAll(/(?<!\d)(\d{2})(\d{2})(20\d{2})(?!\d)/g)) add(found, m[3]!, m[2]!, m[1]!);
  return found.size === 1 ? [...found][0]! : null;
}

function add(found: Set<string>, year: string, month: string, day: string): void {
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1) return;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return;
  found.add(`${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}
