/** @module A progress counter on stderr for long benchmark steps; stdout keeps only the figures. */

export interface Progress {
  /** Sets the count done so far; redraws at most every 200 ms. */
  update(done: number): void;
  /** Draws the final count and ends the line. */
  done(): void;
}

/**
 * Draws "label: 1,234 / 10,000 (12 %)" in place on a terminal, or a line every few seconds when stderr
 * is a file, so a log of a background run still shows that it moves.
 * @example const p = progress("load 100k", 100_000); p.update(500); p.done();
 */
export function progress(label: string, total: number | null): Progress {
  const tty = process.stderr.isTTY === true;
  const every = tty ? 200 : 5000;
  const start = performance.now();
  let last = 0;
  let current = 0;
  const draw = (final: boolean) => {
    const percent = total ? ` (${Math.floor((current / total) * 100)} %)` : "";
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    const text = `${label}: ${current.toLocaleString("en")}${total ? ` / ${total.toLocaleString("en")}` : ""}${percent} ${seconds} s`;
    if (tty) process.stderr.write(`\r\x1b[K${text}${final ? "\n" : ""}`);
    else process.stderr.write(`${text}\n`);
  };
  return {
    update(done: number) {
      current = done;
      const now = performance.now();
      if (now - last >= every) {
        last = now;
        draw(false);
      }
    },
    done() {
      draw(true);
    },
  };
}

/** One status line on stderr: which benchmark step starts now. */
export function step(text: string): void {
  process.stderr.write(`· ${text}\n`);
}
