/**
 * @module A word-level Markov chain (order 2) trained at run time on the seeds' sentences. It writes new
 * Danish-looking sentences in the seeds' vocabulary and register, and refuses to emit a sentence that is in
 * the training text, so no seed sentence is ever copied into the corpus.
 */
import type { Rng } from "./prng.js";

export interface WordModel {
  /** A new sentence of at least `minWords` words, never one of the training sentences. */
  sentence(rng: Rng, minWords?: number, maxWords?: number): string;
  /** A short heading-like phrase (an item or annex title): 3 to `maxWords` words, capitalised, no end mark. */
  title(rng: Rng, maxWords?: number): string;
  /** Words of the vocabulary by frequency, most frequent first (for search queries). */
  readonly vocabulary: readonly string[];
}

/** Word id 0 marks the end of a sentence. */
const END = 0;
/** Share of steps that use the order-1 chain. */
const BACKOFF = 0.15;

/**
 * Trains the model. Words are interned to ids and states are numbers, so a 1M-item corpus (about 300
 * million words) is generated in minutes rather than in an hour of string keys.
 * @example const model = trainWordModel(trainingSentences(seedFiles(dir))); model.sentence(createRng("x"));
 */
export function trainWordModel(sentences: readonly string[]): WordModel {
  const words: string[] = [""];
  const ids = new Map<string, number>();
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = words.length;
      words.push(word);
      ids.set(word, id);
    }
    return id;
  };
  const lists = new Map<number, number[]>();
  const lists1 = new Map<number, number[]>();
  const starts: number[] = [];
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  const interned = sentences.map((sentence) => {
    seen.add(sentence);
    const tokens = sentence.split(" ");
    for (const token of tokens) {
      const bare = token.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
      if (bare.length >= 4 && /^\p{L}+$/u.test(bare)) counts.set(bare, (counts.get(bare) ?? 0) + 1);
    }
    return tokens.map(idOf);
  });
  // A state is two word ids in one small integer (a * n + b): V8 hashes small integers fast, where a key
  // past 2^31 would be a boxed double and make generation several times slower.
  const n = words.length;
  for (const t of interned) {
    if (t.length < 3) continue;
    starts.push(t[0]! * n + t[1]!);
    for (let i = 2; i <= t.length; i++) {
      const key = t[i - 2]! * n + t[i - 1]!;
      const list = lists.get(key);
      const next = t[i] ?? END;
      if (list) list.push(next);
      else lists.set(key, [next]);
      const list1 = lists1.get(t[i - 1]!);
      if (list1) list1.push(next);
      else lists1.set(t[i - 1]!, [next]);
    }
  }
  const table = new Map<number, Int32Array>();
  for (const [key, list] of lists) table.set(key, Int32Array.from(list));
  const table1 = new Map<number, Int32Array>();
  for (const [key, list] of lists1) table1.set(key, Int32Array.from(list));
  const vocabulary = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);

  const walk = (rng: Rng, maxWords: number): number[] => {
    const start = starts[Math.floor(rng.next() * starts.length)]!;
    let a = Math.floor(start / n);
    let b = start % n;
    const out = [a, b];
    while (out.length < maxWords) {
      // Now and then only the last word decides: on the seeds' small text, an order-2 chain alone mostly
      // walks back along one seed sentence, and a copied sentence is refused.
      const options = rng.next() < BACKOFF ? table1.get(b) : table.get(a * n + b);
      if (!options) break;
      const next = options[Math.floor(rng.next() * options.length)]!;
      if (next === END) break;
      out.push(next);
      a = b;
      b = next;
    }
    return out;
  };
  const text = (ids: readonly number[]) => ids.map((id) => words[id]).join(" ");

  return {
    vocabulary,
    sentence(rng, minWords = 6, maxWords = 40) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const ids = walk(rng, maxWords);
        if (ids.length < minWords) continue;
        let s = text(ids);
        if (!/[.!?]$/.test(s)) s = `${s.replace(/[,;:–-]+$/, "")}.`;
        if (seen.has(s)) continue;
        return s;
      }
      // Twenty copies or fragments in a row: join two fragments, which no training sentence is.
      const joined = `${text(walk(rng, 12)).replace(/[.!?,;:]+$/, "")}, og ${text(walk(rng, 12)).replace(/^\p{Lu}/u, (c) => c.toLowerCase())}`;
      return /[.!?]$/.test(joined) ? joined : `${joined}.`;
    },
    title(rng, maxWords = 8) {
      const s = text(walk(rng, rng.int(3, maxWords)))
        .replace(/[.!?,;:–-]+$/, "")
        .replace(/^[^\p{L}\p{N}]+/u, "");
      return s.charAt(0).toUpperCase() + s.slice(1);
    },
  };
}
