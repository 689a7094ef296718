/**
 * @module Danish party letters (partibogstaver) and the names they stand for. A letter not in the table
 * (a local list) is shown as the letter alone: its name differs from municipality to municipality.
 */

/** The national parties' letters as the Ministry of the Interior assigns them. */
export const PARTY_NAMES: Readonly<Record<string, string>> = {
  A: "Socialdemokratiet",
  B: "Radikale Venstre",
  C: "Det Konservative Folkeparti",
  D: "Nye Borgerlige",
  F: "SF – Socialistisk Folkeparti",
  I: "Liberal Alliance",
  K: "Kristendemokraterne",
  M: "Moderaterne",
  O: "Dansk Folkeparti",
  V: "Venstre",
  Æ: "Danmarksdemokraterne",
  Ø: "Enhedslisten",
  Å: "Alternativet",
};

/**
 * A party as shown: "Socialdemokratiet (A)" for a national letter, the letter itself for a local list,
 * and a written-out name as it is.
 * @example partyLabel("A") // "Socialdemokratiet (A)"
 * @example partyLabel("L") // "L"
 */
export function partyLabel(party: string): string {
  const letter = party.trim().toLocaleUpperCase("da");
  const name = PARTY_NAMES[letter];
  return name ? `${name} (${letter})` : party.trim();
}
