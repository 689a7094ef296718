/**
 * @module The secretariat's answers to a suggested near-duplicate pair of persons (issue 16): "Slå
 * sammen", keeping one name and moving everything of the other to it, or "Ikke samme person", after which
 * the pair is not suggested again. Who may: an administrator, or the secretariat of a body both sat in
 * (domain's mayMergePersons). Every write is audited in its transaction.
 */
import type { Kysely } from "kysely";
import { mayMergePersons, type Viewer } from "../domain/index.js";
import {
  type Database,
  type DuplicatePerson,
  insertPersonMergeDismissal,
  mergePersonRecords,
  type PersonMergeCounts,
  personMergeRef,
} from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { AgendaRefused } from "./agenda-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

type Db = Kysely<Database>;

const FORBIDDEN =
  "Kun sekretariatet for et organ, som begge personer har siddet i, eller en administrator må slå dem sammen.";

export interface PersonPairProps extends SecretariatCommandProps {
  readonly personId: number;
  readonly otherPersonId: number;
}

async function livePerson(db: Db, personId: number): Promise<DuplicatePerson> {
  const person = await personMergeRef(db, personId);
  if (!person) throw new AgendaRefused("not-found", `Person ${personId} findes ikke.`);
  if (person.merged) {
    throw new AgendaRefused("already-merged", `${person.name} er allerede slået sammen med en anden person.`);
  }
  return person;
}

async function pairOf(
  db: Db,
  viewer: Viewer,
  props: PersonPairProps,
): Promise<[DuplicatePerson, DuplicatePerson]> {
  if (props.personId === props.otherPersonId)
    throw new AgendaRefused("invalid", "Vælg to forskellige personer.");
  const person = await livePerson(db, props.personId);
  const other = await livePerson(db, props.otherPersonId);
  if (!mayMergePersons(viewer, [person.bodyIds, other.bodyIds]))
    throw new AgendaRefused("forbidden", FORBIDDEN);
  return [person, other];
}

const personAudit = (p: DuplicatePerson) => ({
  id: p.id,
  name: p.name,
  party: p.party,
  municipality: p.municipality,
  meetings: p.meetings,
});

export interface PersonMergerProps extends SecretariatCommandProps {
  /** The person whose name is kept. */
  readonly keptId: number;
  /** The person merged into the kept one: their name becomes an alias, /person/{id} redirects. */
  readonly removedId: number;
}

/**
 * "Slå sammen": moves attendance, memberships, remarks and votes of `removedId` to `keptId`.
 * @example await personMerger({ db, viewer, actor, keptId: 7, removedId: 12 }) // { attendance: 1, ... }
 */
export function personMerger(props: PersonMergerProps): Promise<PersonMergeCounts> {
  const now = props.now ?? new Date();
  return props.db.transaction().execute(async (tx) => {
    const [kept, removed] = await pairOf(tx, props.viewer, {
      ...props,
      personId: props.keptId,
      otherPersonId: props.removedId,
    });
    const counts = await mergePersonRecords(tx, { keptId: kept.id, removedId: removed.id }, now);
    await auditAgenda(tx, props, {
      action: "person-merge",
      targetKind: "person",
      targetId: kept.id,
      before: { kept: personAudit(kept), removed: personAudit(removed) },
      after: { keptId: kept.id, alias: removed.name, moved: counts },
      at: now,
    });
    return counts;
  });
}

/**
 * "Ikke samme person": the pair is not suggested again.
 * @example await personDuplicateDismisser({ db, viewer, actor, personId: 7, otherPersonId: 12 })
 */
export async function personDuplicateDismisser(props: PersonPairProps): Promise<void> {
  const now = props.now ?? new Date();
  await props.db.transaction().execute(async (tx) => {
    const [person, other] = await pairOf(tx, props.viewer, props);
    const dismissed = await insertPersonMergeDismissal(
      tx,
      { personId: person.id, otherPersonId: other.id, userId: props.actor.userId },
      now,
    );
    if (!dismissed) return;
    await auditAgenda(tx, props, {
      action: "person-duplicate-dismiss",
      targetKind: "person-pair",
      targetId: `${Math.min(person.id, other.id)}-${Math.max(person.id, other.id)}`,
      before: null,
      after: { persons: [personAudit(person), personAudit(other)] },
      at: now,
    });
  });
}
