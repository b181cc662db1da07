import type { Catalog } from "../catalog.ts";

export const reminders: Catalog["reminders"] = {
  draftTitle: (p) => `Brouillon : ${p.stage} pour ${p.number} (${p.client}), en ${p.language}`,
  neverSends: (p) =>
    `Tact n'écrit jamais au client : copiez ce texte, envoyez-le vous-même, puis notez-le avec /client reminded ${p.number}.`,
  markSent: "Noter comme envoyée",
  notOverdue: (p) =>
    `La facture ${p.number} n'est pas encore en retard (échéance le ${p.due}) : pas de relance à rédiger.`,
  disputed: (p) => `La facture ${p.number} est contestée : les relances attendent /client resume ${p.number}.`,
  nothingOwed: (p) => `Plus rien n'est dû sur ${p.number} : pas de relance à rédiger.`,
  recorded: (p) => `C'est noté : ${p.stage} envoyée pour ${p.number} (${p.client}).`,
  next: (p) => `Ensuite : ${p.stage} le ${p.date}.`,
  lastStage: "C'était la dernière étape.",
  nothingDue: (p) => `Aucune relance n'est encore due pour ${p.number} : ${p.stage} le ${p.date}.`,
  nothingMore: (p) => `Toutes les étapes de relance de ${p.number} sont déjà notées comme envoyées.`,
  badStage: (p) =>
    `« ${p.value} » n'est pas une étape de ce client : donnez un numéro de 1 à ${p.max}, ou rien pour l'étape en cours.`,
  stageNotReached: (p) => `La ${p.stage} n'est pas due avant le ${p.date}.`,
  languages: { en: "anglais", fr: "français" },
  letter: {
    subject: {
      first: (p) => `Facture ${p.number} : relance`,
      second: (p) => `Facture ${p.number} : deuxième relance`,
      final: (p) => `Facture ${p.number} : mise en demeure de payer`,
      suspension: (p) => `Facture ${p.number} : préavis de suspension de l'hébergement`,
      charges: (p) => `Facture ${p.number} : pénalités de retard`,
    },
    subjectLine: (p) => `Objet : ${p.subject}`,
    greeting: "Bonjour,",
    amountWithRest: (p) => `${p.amount} (dont ${p.outstanding} restent à régler)`,
    first: (p) =>
      `Sauf erreur de notre part, la facture ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, n'a pas encore été réglée. Il s'agit peut-être d'un simple oubli : pourriez-vous nous indiquer quand le paiement sera effectué ?`,
    second: (p) =>
      `Malgré notre première relance, la facture ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, accuse aujourd'hui ${p.days} jours de retard.`,
    final: (p) =>
      `Malgré nos relances, la facture ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, reste impayée ${p.days} jours après son échéance. Nous vous mettons donc en demeure de la régler.`,
    suspension: (p) =>
      `Malgré nos relances, la facture ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, reste impayée ${p.days} jours après son échéance.`,
    charges: (p) =>
      `Merci pour le règlement de la facture ${p.number}. Le paiement étant intervenu ${p.days} jours après l'échéance du ${p.due}, des pénalités de retard sont dues en application de nos conditions et de la loi.`,
    chargesIntro:
      "Tout retard de paiement entraîne des intérêts et une indemnité forfaitaire de recouvrement. À ce jour :",
    interestLine: (p) => `– intérêts de retard : ${p.amount} (${p.rate} par an sur ${p.days} jours ; ${p.reference})`,
    feeLine: (p) => `– indemnité forfaitaire pour frais de recouvrement : ${p.amount} (${p.reference})`,
    paidLine: (p) => `– déjà réglé : ${p.amount}`,
    unpaidLine: (p) => `– reste dû sur la facture : ${p.amount}`,
    totalLine: (p) => `Total à régler : ${p.amount}`,
    payBy: (p) => `Merci de procéder au règlement avant le ${p.date}.`,
    finalNext: (p) =>
      `À défaut de paiement avant le ${p.date}, nous serons contraints d'engager les démarches de recouvrement.`,
    hostedNext: (p) =>
      `À défaut de paiement avant le ${p.date}, nous serons contraints de suspendre l'hébergement de votre site le ${p.suspendOn}.`,
    suspensionNext: (p) =>
      `À défaut de paiement avant le ${p.date}, l'hébergement de votre site sera suspendu le ${p.suspendOn}. Il sera rétabli dès réception du règlement.`,
    alreadyPaid: "Si votre règlement nous est parvenu entre-temps, merci, et ne tenez pas compte de ce message.",
    closing: "Bien cordialement,",
  },
};
