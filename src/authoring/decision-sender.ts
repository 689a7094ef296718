/**
 * @module "Send beslutningen videre" (issue 14): the secretariat picks recipients among its body's
 * municipalities (all, or some), and Rådsinfo renders each a decision letter (the item and its decision
 * as a PDF extract), queues one `send-mail` job per municipality with the letter attached, records a
 * decision_dispatch row per letter (what, to whom, when, by whom) and audits, all in one transaction: the
 * mails exist exactly when the record does. Only an open item with a decision is sent.
 */
import { bodyMunicipalities, formatDanishDate } from "../domain/index.js";
import { enqueueMail } from "../jobs/enqueue.js";
import { insertDecisionDispatch, municipalityAddresses } from "../store/index.js";
import { auditAgenda } from "./agenda-command.js";
import { secretariatItem } from "./decision-item.js";
import { FollowUpRefused } from "./follow-up-refusal.js";
import { decisionLetterFileName, renderDecisionLetterPdf } from "./render/decision-letter-pdf.js";
import type { SecretariatCommandProps } from "./secretariat-command.js";

export interface DecisionSenderProps extends SecretariatCommandProps {
  readonly itemId: number;
  /** The municipalities to send to; "all" for every one of the body's that has an address. */
  readonly municipalities: "all" | readonly string[];
  /** The portal's public address, for the letter's link to the item: "https://raadsinfo.example.dk". */
  readonly baseUrl?: string | null;
}

export interface DecisionSent {
  readonly itemId: number;
  readonly dispatches: readonly {
    readonly id: number;
    readonly municipality: string;
    readonly email: string;
    readonly jobId: number;
  }[];
}

/**
 * Sends an item's decision to the chosen municipalities.
 * @example await decisionSender({ db, viewer, actor, itemId: 42, municipalities: ["Aalborg", "Hjørring"] })
 */
export async function decisionSender(props: DecisionSenderProps): Promise<DecisionSent> {
  const now = props.now ?? new Date();
  const item = await secretariatItem(props.db, props.viewer, props.itemId);
  if (item.closed)
    throw new FollowUpRefused(
      "closed-item",
      "Et lukket punkts beslutning sendes ikke videre til kommunerne.",
    );
  if (!item.decision)
    throw new FollowUpRefused(
      "no-decision",
      `Punkt ${item.number} har endnu ingen beslutning at sende videre.`,
    );
  const own = bodyMunicipalities(item.bodyName);
  const addresses = new Map(
    (await municipalityAddresses(props.db, item.bodyId)).map((a) => [a.municipality, a.email]),
  );
  let chosen: string[];
  if (props.municipalities === "all") {
    chosen = own.filter((m) => addresses.has(m));
  } else {
    chosen = [...new Set(props.municipalities)];
    const stranger = chosen.find((m) => !(own as readonly string[]).includes(m));
    if (stranger !== undefined)
      throw new FollowUpRefused("invalid", `${stranger} er ikke en af ${item.bodyName}s kommuner.`);
    const missing = chosen.filter((m) => !addresses.has(m));
    if (missing.length > 0)
      throw new FollowUpRefused(
        "invalid",
        `${missing.map((m) => `${m} Kommune`).join(", ")} har ingen adresse til beslutninger endnu; tilføj den under Kommunernes adresser.`,
      );
  }
  if (chosen.length === 0)
    throw new FollowUpRefused("invalid", "Vælg mindst én kommune med en adresse at sende beslutningen til.");
  const itemUrl = props.baseUrl ? `${props.baseUrl.replace(/\/$/, "")}/punkt/${item.id}` : null;
  const letterOf = (municipality: string) => ({
    body: item.bodyName,
    meetingDate: item.meetingDate,
    municipality,
    item: {
      number: item.number,
      title: item.title,
      caseNumber: item.caseNumber,
      indstilling: item.indstilling,
      sagsfremstilling: item.sagsfremstilling,
    },
    decision: item.decision as string,
    itemUrl,
  });
  // Rendered before the transaction: the engine's time is not spent holding it open.
  const letters = chosen.map((municipality) => ({
    municipality,
    email: addresses.get(municipality) as string,
    pdf: renderDecisionLetterPdf(letterOf(municipality)),
  }));
  const date = formatDanishDate(item.meetingDate);
  const dispatches = await props.db.transaction().execute(async (tx) => {
    const made: { id: number; municipality: string; email: string; jobId: number }[] = [];
    for (const letter of letters) {
      const jobId = await enqueueMail(tx, {
        to: letter.email,
        subject: `Beslutning fra ${item.bodyName} ${date}: ${item.number} ${item.title}`,
        text: letterMailText(
          item.bodyName,
          date,
          letter.municipality,
          item.number,
          item.title,
          item.decision as string,
          itemUrl,
        ),
        attachments: [
          {
            filename: decisionLetterFileName(letterOf(letter.municipality)),
            contentType: "application/pdf",
            contentBase64: Buffer.from(letter.pdf).toString("base64"),
          },
        ],
      });
      const id = await insertDecisionDispatch(tx, {
        itemId: item.id,
        municipality: letter.municipality,
        email: letter.email,
        now,
        actor: props.actor,
        jobId,
        letterPdf: letter.pdf,
      });
      made.push({ id, municipality: letter.municipality, email: letter.email, jobId });
    }
    await auditAgenda(tx, props, {
      action: "decision-send",
      targetKind: "agenda_item",
      targetId: item.id,
      before: null,
      after: {
        to: made.map((d) => ({ municipality: d.municipality, email: d.email })),
        decision: item.decision,
      },
      at: now,
    });
    return made;
  });
  return { itemId: item.id, dispatches };
}

function letterMailText(
  body: string,
  date: string,
  municipality: string,
  number: string,
  title: string,
  decision: string,
  itemUrl: string | null,
): string {
  return [
    `Til ${municipality} Kommune`,
    "",
    `${body} behandlede på mødet ${date} punkt ${number} ${title} og traf denne beslutning:`,
    "",
    decision,
    "",
    "Punktet og beslutningen står i det vedhæftede brev (PDF).",
    ...(itemUrl ? [`Punktet på Rådsinfo: ${itemUrl}`] : []),
    "",
    "Venlig hilsen",
    `${body}s sekretariat`,
  ].join("\n");
}
