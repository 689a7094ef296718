/** @module Maps the system to an OParl System object (OParl 1.1 §3 "oparl:System"), the API's entry point. */
import { DATA_LICENSE, dateTime, OPARL_VERSION, type OparlObject, oparlType } from "./oparl-json.js";
import type { OparlUrls } from "./urls.js";

export interface SystemFacts {
  readonly name: string;
  readonly created: Date;
  readonly modified: Date;
}

export function mapSystem(facts: SystemFacts, urls: OparlUrls): OparlObject {
  return {
    id: urls.system(),
    type: oparlType("System"),
    oparlVersion: OPARL_VERSION,
    body: urls.bodies(),
    name: facts.name,
    license: DATA_LICENSE,
    website: urls.web("/"),
    created: dateTime(facts.created),
    modified: dateTime(facts.modified),
  };
}
