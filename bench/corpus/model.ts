/** @module The word model trained on the seeds, built once per process (training takes about a second). */
import { seedFiles } from "../seeds.js";
import { trainingSentences } from "./training-text.js";
import { trainWordModel, type WordModel } from "./word-model.js";

const cache = new Map<string, WordModel>();

/** The model trained on the seed files in `seedsDir` (../shared/seeds). */
export function seedWordModel(seedsDir: string): WordModel {
  let model = cache.get(seedsDir);
  if (!model) {
    model = trainWordModel(trainingSentences(seedFiles(seedsDir)));
    cache.set(seedsDir, model);
  }
  return model;
}
