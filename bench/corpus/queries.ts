/**
 * @module A mixed, deterministic set of search queries over the corpus vocabulary, the way people type:
 * common and rare single words, two words, quoted phrases, word beginnings of compounds ("klima"),
 * misspellings, and exclusions ("-word").
 */
import { createRng } from "./prng.js";
import type { WordModel } from "./word-model.js";

export function benchmarkQueries(model: WordModel, count = 200, seed = "queries-1"): string[] {
  const rng = createRng(seed);
  const vocab = model.vocabulary;
  const common = vocab.slice(0, 300);
  const rare = vocab.slice(500, 5000);
  const long = vocab.filter((w) => w.length >= 10).slice(0, 2000);
  const word = (list: readonly string[]) => rng.pick(list.length > 0 ? list : vocab);
  const queries: string[] = [];
  while (queries.length < count) {
    const r = rng.next();
    let q: string;
    if (r < 0.35) q = word(common);
    else if (r < 0.55) q = word(rare);
    else if (r < 0.7) q = `${word(common)} ${word(rare)}`;
    else if (r < 0.8) {
      const sentence = model.sentence(rng).split(" ");
      const at = rng.int(0, Math.max(0, sentence.length - 2));
      q = `"${sentence
        .slice(at, at + 2)
        .join(" ")
        .replace(/[^\p{L}\p{N} -]/gu, "")}"`;
    } else if (r < 0.9) q = word(long).slice(0, rng.int(5, 7));
    else if (r < 0.95) {
      const w = word(long);
      const i = rng.int(1, w.length - 2);
      q = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    } else q = `${word(common)} -${word(common)}`;
    if (q.replace(/[^\p{L}]/gu, "").length >= 3) queries.push(q);
  }
  return queries;
}
