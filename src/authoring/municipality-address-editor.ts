/**
 * @module The secretariat sets where its body sends decisions for each of its municipalities (issue 14):
 * one e-mail address per municipality of the body's region, or none. Audited.
 */
import { bodyMunicipalities, mayEditAgenda } from "../domain/index.js";
import { setMunicipalityAddress } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { FollowUpRefused } from "./follow-up-refusal.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface MunicipalityAddressEditorProps extends SecretariatCommandProps {
  readonly bodyId: number;
  /** Municipality → address ("" or null removes it). Municipalities not named are left as they are. */
  readonly addresses: Readonly<Record<string, string | null>>;
}

/** A plain address: one @, no spaces or angle brackets. */
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * Sets the addresses; refuses the whole change when one is not an address or not the body's municipality.
 * @example await municipalityAddressEditor({ db, viewer, actor, bodyId: 1, addresses: { Aalborg: "kommune@aalborg.dk" } })
 */
export async function municipalityAddressEditor(
  props: MunicipalityAddressEditorProps,
): Promise<{ readonly changed: number }> {
  const now = props.now ?? new Date();
  const body = await props.db
    .selectFrom("body")
    .select(["id", "name"])
    .where("id", "=", props.bodyId)
    .executeTakeFirst();
  if (!body) throw new FollowUpRefused("not-found", `Organ ${props.bodyId} findes ikke.`);
  if (!mayEditAgenda(props.viewer, body.id))
    throw new FollowUpRefused(
      "forbidden",
      `Kun ${body.name}s sekretariat eller en administrator må ændre kommunernes adresser.`,
    );
  const own = bodyMunicipalities(body.name);
  const wanted: [string, string | null][] = [];
  for (const [municipality, given] of Object.entries(props.addresses)) {
    if (!(own as readonly string[]).includes(municipality))
      throw new FollowUpRefused("invalid", `${municipality} er ikke en af ${body.name}s kommuner.`);
    const email = given?.trim() || null;
    if (email !== null && (email.length > 254 || !EMAIL.test(email)))
      throw new FollowUpRefused(
        "invalid",
        `Adressen til ${municipality} Kommune er ikke en e-mailadresse: ${email}`,
      );
    wanted.push([municipality, email]);
  }
  return props.db.transaction().execute(async (tx) => {
    let changed = 0;
    for (const [municipality, email] of wanted) {
      const before = await setMunicipalityAddress(tx, { bodyId: body.id, municipality, email, now });
      if ((before?.email ?? null) === email) continue;
      changed++;
      await auditAgenda(tx, props, {
        action: "municipality-address-set",
        targetKind: "body",
        targetId: body.id,
        before: { municipality, email: before?.email ?? null },
        after: { municipality, email },
        at: now,
      });
    }
    return { changed };
  });
}
