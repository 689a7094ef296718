/** @module The date as the KL template's running header writes it ("KKR Nordjylland | 20-09-2024"). */

/**
 * "2024-09-20" -> "20-09-2024"; anything else is returned as it is.
 *
 * @example
 * headerDate("2024-09-20"); // "20-09-2024"
 */
export function headerDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}
