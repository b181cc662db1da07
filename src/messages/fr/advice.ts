import type { StageKind } from "../../domain/stages.ts";
import type { Catalog } from "../catalog.ts";

// The stage's name, and the agreement of its participle (« la mise en demeure envoyée », « le préavis envoyé »).
const stageNames: Record<StageKind, [string, string]> = {
  first: ["première relance", "e"],
  second: ["deuxième relance", "e"],
  final: ["mise en demeure", "e"],
  suspension: ["préavis de suspension", ""],
};
/** « 1 ajout au périmètre (le 20 nov. 2026) », « 3 ajouts au périmètre depuis le 2 juin 2026 (dernier le 20 nov. 2026) ». */
const tally = (p: { count: number; since: string; last: string }, one: string, many: string, dernier: string) =>
  p.count === 1 ? `1 ${one} (le ${p.last})` : `${p.count} ${many} depuis le ${p.since} (${dernier} le ${p.last})`;
const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

export const advice: Catalog["advice"] = {
  noPattern: "Rien d'alarmant : des soucis ponctuels, ça arrive.",
  reminders: {
    none: "aucune relance enregistrée pour l'instant",
    last: (p) => {
      const [name, e] = stageNames[p.kind];
      return p.date ? `${name} envoyé${e} le ${p.date}` : `${name} enregistré${e} comme envoyé${e}`;
    },
  },
  latePayment: (p) =>
    [
      ...(p.invoice ? [p.invoice] : []),
      p.dated === "due" ? `échue le ${p.date}` : `signalé le ${p.date}`,
      ...(p.days === null
        ? []
        : [
            p.closed
              ? `impayée pendant ${jours(p.days)}`
              : p.unpaid
                ? `impayée depuis ${jours(p.days)}`
                : `payée avec ${jours(p.days)} de retard`,
          ]),
      ...(p.closed ? [`${p.closed.kind === "write-off" ? "passée en perte" : "annulée"} le ${p.closed.date}`] : []),
    ].join(", "),
  suspend: (p) =>
    `${p.number} reste impayée ${jours(p.days)} après son échéance et nous hébergeons le site de ce client (${p.final}). Envoyez un préavis de suspension, courtois, bref et écrit, avec la date d'arrêt de l'hébergement (/client remind ${p.number} le rédige).`,
  chaseOrWriteOff: (p) =>
    `${p.number} reste impayée ${jours(p.days)} après son échéance, bien après la date prévue pour la mise en demeure (${p.reminders}). Assurez-vous que l'argent arrive vraiment : relance personnelle du responsable, ou recouvrement. Sinon, passez la créance en perte, en connaissance de cause.`,
  finalSent: (p) =>
    `${p.number} reste impayée ${jours(p.days)} après son échéance (${p.final}). Si rien n'arrive, le responsable relance lui-même : l'argent doit vraiment rentrer.`,
  remindPastFinal: (p) =>
    `${p.number} reste impayée ${jours(p.days)} après son échéance, la date prévue pour la mise en demeure est passée (${p.reminders}). Envoyez la relance suivante (/client remind ${p.number} la rédige).`,
  latePattern: (p) =>
    `${p.count} retards de paiement distincts sur les 12 derniers mois (du ${p.since} au ${p.last}) : c'est devenu une habitude, et elle coûte du temps à l'équipe. Renégociez (acompte, pénalités de retard dans le contrat, facturation plus fréquente) ou mettez fin à la relation.`,
  lateRepeat: (p) =>
    `${p.count} retards de paiement sur les 12 derniers mois (du ${p.since} au ${p.last}) : pas encore une habitude. Mettez un système en place : des pénalités de retard dans le contrat, et des relances qui ajoutent les intérêts.`,
  lateOnce: (p) =>
    `Un seul retard de paiement sur les 12 derniers mois (${p.payment}) : sans doute une erreur de comptabilité. ${p.unpaid ? "Une relance courtoise suffit." : "Rien de plus à faire."}`,
  conductOnce: (p) =>
    `Tension signalée le ${p.date} : c'est au responsable d'en parler lui-même au client, d'exposer le problème et ce qui doit changer. Sans déléguer.`,
  conductRepeat: (p) =>
    `${p.count} signalements de manque de respect ou de tension depuis le ${p.since} (dernier le ${p.last}) : si la discussion n'a rien changé, confiez le compte à d'autres personnes de l'équipe ; c'est peut-être une incompatibilité d'humeur.`,
  conductPersistent: (p) =>
    `${p.count} signalements de manque de respect ou de tension depuis le ${p.since} (dernier le ${p.last}) : la tension persiste. Envisagez de demander au client de partir.`,
  advicePattern: (p) =>
    `${p.count} conseils ignorés depuis le ${p.since} (dernier le ${p.last}) : c'est son site, mais quand cela se répète avec le même client, l'équipe perd confiance et fierté dans son travail. Parlez-en franchement.`,
  adviceOnce: (p) => `Un conseil ignoré (le ${p.date}) : un client ne suit pas toutes les suggestions, c'est son site.`,
  scope: (p) =>
    `${tally(p, "ajout au périmètre", "ajouts au périmètre", "dernier")} : rédigez un cahier des charges clair, amendez-le à chaque ajout et chiffrez chaque ajout.`,
  ethics: (p) =>
    `${tally(p, "demande contraire à l'éthique", "demandes contraires à l'éthique", "dernière")} : être payé ne vous oblige pas à tout accepter. Refusez, et gardez-en la trace.`,
  flags: (p) =>
    `${tally(p, "signal d'alerte noté", "signaux d'alerte notés", "dernier")} : gardez-le${p.count > 1 ? "s" : ""} en tête avant d'accepter quoi que ce soit de ce client.`,
  manyTroubles: (p) =>
    `${p.count} incidents de ${p.kinds} types sur les 90 derniers jours : au responsable de décider si cette relation vaut encore la peine.`,
  formerOwed: (p) =>
    `Un ancien client : il reste ce qui est dû (${p.invoices} : ${p.amounts}). Faites-le régler, ou passez-le en perte en connaissance de cause, et gardez le dossier (/client export ${p.slug}).`,
  formerSettled: (p) =>
    `Un ancien client qui ne doit plus rien : gardez le dossier (/client export ${p.slug}), au cas où.`,
};
