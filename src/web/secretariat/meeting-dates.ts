/**
 * @module The dates a year-plan form lists, one a line, as ISO: "2027-03-12", or the Danish way
 * "12-03-2027", "12.03.2027", "12/3 2027". What is not a date is given back as written, for one Danish
 * line in the form's error.
 */

/**
 * @example meetingDates("2027-03-12\n12.06.2027\n\nfoo") // { dates: ["2027-03-12", "2027-06-12"], bad: ["foo"] }
 */
export function meetingDates(text: string): { readonly dates: string[]; readonly bad: string[] } {
  const dates: string[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/[\n,;]+/)) {
    const line = raw.trim();
    if (line === "") continue;
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(line);
    const danish = /^(\d{1,2})[-./](\d{1,2})[-./ ]\s*(\d{4})$/.exec(line);
    const parts = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : null;
    if (!parts) {
      bad.push(line);
      continue;
    }
    const [year, month, day] = parts.map((p) => Number(p));
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const check = new Date(`${date}T12:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) bad.push(line);
    else dates.push(date);
  }
  return { dates, bad };
}
