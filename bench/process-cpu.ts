/**
 * @module CPU time of other processes on this machine (the PostgreSQL server's backends), from /proc, so
 * a benchmark can say how a cost splits between this process and the database.
 */
import { readFile } from "node:fs/promises";

/** Linux counts process CPU time in clock ticks of 1/100 s. */
const MS_PER_TICK = 10;

/** User and system CPU time of `pid` in ms, or null where /proc cannot tell (another machine, gone). */
export async function processCpuMs(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th
    // field of the line, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}
