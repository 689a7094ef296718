/** @module English plurals for the command's output: "1 file", "2 files". */

/**
 * @example plural(1, "warning"); // "1 warning"
 * @example plural(3, "match", "matches"); // "3 matches"
 */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? noun : many}`;
}
