/** @module What machine a run was on, for results.json and the table's heading. */
import { cpus, loadavg, totalmem } from "node:os";

export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /**
   * One-minute load average when the run started and ended: on a shared machine other work competes for
   * the two cores, and every latency of the run should be read with this beside it.
   */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

/** The one-minute load average now, to one decimal. */
export function loadNow(): number {
  return Math.round((loadavg()[0] ?? 0) * 10) / 10;
}

export function machineInfo(loadAtStart: number): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { start: loadAtStart, end: loadNow() },
  };
}
