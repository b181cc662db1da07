import type { Catalog } from "../catalog.ts";

/** « a », « a et b », « a, b et c ». */
function et(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

const etape = (stage: string) => `l'étape « ${stage} »`;
const jours = (n: number) => `${n} ${n === 1 ? "jour" : "jours"}`;
const ouverture = (p: { despite: string | null }) => (p.despite ? `${p.despite}, la facture` : "La facture");

export const reminders: Catalog["reminders"] = {
  draftTitle: (p) => `Brouillon : ${p.stage} pour ${p.number} (${p.client}), en ${p.language}`,
  neverSends: (p) =>
    `Tact n'écrit jamais au client : copiez ce texte, envoyez-le vous-même, puis notez-le avec /client reminded ${p.number}.`,
  markSent: "Je l'ai envoyée",
  sentForm: {
    title: "Quand et comment",
    date: "Envoyée le (AAAA-MM-JJ)",
    channel: "Comment",
    save: "Noter",
  },
  channels: { email: "e-mail", post: "courrier", registered: "lettre recommandée" },
  sentVia: (p) => `par ${p.channel}`,
  sentOnLine: (p) => `Envoyée le ${p.date}${p.via ? ` ${p.via}` : ""}.`,
  sentDate: (p) =>
    `« ${p.value} » n'est pas une date : indiquez le jour de l'envoi au format AAAA-MM-JJ, par exemple 2026-03-20. Rien n'a été noté.`,
  sentFuture: (p) => `Le ${p.date} est dans le futur : indiquez le jour de l'envoi. Rien n'a été noté.`,
  sentBefore: (p) => `L'envoi ne peut pas dater du ${p.date} : ${p.why} le ${p.earliest}. Rien n'a été noté.`,
  sentBeforeDue: "la facture est arrivée à échéance",
  sentBeforeLast: "l'étape précédente est partie",
  sentChannel: (p) =>
    `« ${p.value} » n'est pas un moyen d'envoi que je connais : indiquez email, courrier ou recommande (lettre recommandée). Rien n'a été noté.`,
  notOverdue: (p) =>
    `La facture ${p.number} n'est pas encore en retard (échéance le ${p.due}) : pas de relance à rédiger.`,
  disputed: (p) => `La facture ${p.number} est contestée : les relances attendent /client resume ${p.number}.`,
  nothingOwed: (p) => `Plus rien n'est dû sur ${p.number} : pas de relance à rédiger.`,
  recorded: (p) => `C'est noté : étape « ${p.stage} » envoyée pour ${p.number} (${p.client}).`,
  recordedEarlier: (p) =>
    `Comme vous l'avez confirmé, ${et(p.earlier)} ${p.earlier.length > 1 ? "sont parties" : "est partie"} avant, en dehors de Tact.`,
  // Only reminders and the final notice are ever confirmed afterwards: all feminine.
  earlierItem: (p) => `la ${p.stage} du ${p.date}`,
  next: (p) => `Ensuite : ${p.stage} le ${p.date}.`,
  lastStage: "C'était la dernière étape.",
  nothingDue: (p) =>
    `Aucune relance n'est encore due pour ${p.number}${p.sent ? ` (dernier envoi : ${p.sent.stage}, le ${p.sent.date})` : ""} : ${p.stage} le ${p.date}.`,
  nothingMore: (p) => `Toutes les étapes de relance de ${p.number} sont déjà notées comme envoyées.`,
  notOpen: (p) => `La facture ${p.number} est réglée : il n'y a pas de relance à noter.`,
  badStage: (p) =>
    `« ${p.value} » n'est pas une étape de ce client : donnez un numéro de 1 à ${p.max}, ou rien pour l'étape suivante.`,
  stageNotReached: (p) => `Étape « ${p.stage} » : pas avant le ${p.date}.`,
  alreadySent: (p) =>
    `Étape « ${p.stage} » de ${p.number} : déjà notée comme envoyée, le ${p.date}. Rien n'a été enregistré.`,
  alreadyPast: (p) =>
    `Étape « ${p.last} » de ${p.number} : notée comme envoyée le ${p.date}, et l'étape « ${p.stage} » vient avant. Rien n'a été enregistré.`,
  skipped: (p) =>
    `L'étape « ${p.stage} » vient après ${et(p.missing.map(etape))}, ${p.missing.length > 1 ? "qui ne sont pas notées" : "qui n'est pas notée"} comme envoyée${p.missing.length > 1 ? "s" : ""} : les étapes se suivent dans l'ordre, donc rien n'a été enregistré. Notez d'abord ${p.missing.length > 1 ? "ces étapes" : "cette étape"} avec /client reminded ${p.number}. Si ${p.missing.length > 1 ? "elles sont parties" : "elle est partie"} en dehors de Tact, le responsable peut le confirmer, avec la date de chaque envoi : /client reminded ${p.example}`,
  confirmAction: "confirmer des relances envoyées en dehors de Tact",
  datePlaceholder: "AAAA-MM-JJ",
  earlierCount: (p) =>
    `Donnez une date pour chaque étape précédente (${p.count} : ${et(p.missing.map(etape))}), dans l'ordre, séparées par des virgules : /client reminded ${p.example}. Rien n'a été enregistré.`,
  earlierDate: (p) =>
    `« ${p.value} » n'est pas une date utilisable : écrivez-la sous la forme AAAA-MM-JJ. Rien n'a été enregistré.`,
  earlierFuture: (p) =>
    `Le ${p.date} est à venir : donnez le jour où chaque relance est réellement partie. Rien n'a été enregistré.`,
  earlierBeforeDue: (p) =>
    `Le ${p.date} précède l'échéance de ${p.number} (${p.due}) : une relance part après l'échéance. Rien n'a été enregistré.`,
  earlierOrder: (p) =>
    `Les dates suivent l'ordre des étapes, et le ${p.date} précède le ${p.previous}. Rien n'a été enregistré.`,
  nothingEarlier: (p) =>
    `Toutes les étapes avant l'étape « ${p.stage} » sont déjà notées comme envoyées : retirez « earlier ». Rien n'a été enregistré.`,
  languages: { en: "anglais", fr: "français" },
  letter: {
    subject: {
      first: (p) => `Facture ${p.number} : relance`,
      second: (p) => `Facture ${p.number} : deuxième relance`,
      final: (p) => `Facture ${p.number} : mise en demeure de payer`,
      suspension: (p) => `Facture ${p.number} : préavis de suspension de l'hébergement`,
      charges: (p) => `Facture ${p.number} : pénalités de retard`,
    },
    subjectLine: (p) => `Objet : ${p.subject}`,
    greeting: "Bonjour,",
    amountWithRest: (p) => `${p.amount} (dont ${p.outstanding} restent à régler)`,
    despite: (p) =>
      `Malgré ${[
        p.reminders.length > 0
          ? `${p.reminders.length > 1 ? "nos relances" : "notre relance"} ${et(p.reminders.map((d) => `du ${d}`))}`
          : "",
        p.notice ? `notre mise en demeure du ${p.notice}` : "",
      ]
        .filter(Boolean)
        .join(" et ")}`,
    first: (p) =>
      `Sauf erreur de notre part, la facture ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, n'a pas encore été réglée : elle accuse aujourd'hui ${jours(p.days)} de retard. Il s'agit peut-être d'un simple oubli : pourriez-vous nous indiquer quand le paiement sera effectué ?`,
    second: (p) =>
      `${ouverture(p)} ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, accuse aujourd'hui ${jours(p.days)} de retard.`,
    final: (p) =>
      `${ouverture(p)} ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, reste impayée ${jours(p.days)} après son échéance. Nous vous mettons donc en demeure de la régler.`,
    suspension: (p) =>
      `${ouverture(p)} ${p.number} du ${p.issued}, d'un montant de ${p.amount}, arrivée à échéance le ${p.due}, reste impayée ${jours(p.days)} après son échéance.`,
    charges: (p) =>
      `Merci pour le règlement de la facture ${p.number}. Le paiement étant intervenu ${p.days} jours après l'échéance du ${p.due}, des pénalités de retard sont dues en application de nos conditions et de la loi.`,
    chargesIntro:
      "Tout retard de paiement entraîne des intérêts et une indemnité forfaitaire de recouvrement. À ce jour :",
    interestLine: (p) =>
      `– intérêts de retard du ${p.from} au ${p.to} sur ${p.principal} au taux annuel de ${p.rate}, ${jours(p.days)} : ${p.amount} (${p.reference})`,
    feeLine: (p) => `– indemnité forfaitaire pour frais de recouvrement : ${p.amount} (${p.reference})`,
    paidLine: (p) => `– déjà réglé : ${p.amount}`,
    unpaidLine: (p) => `– reste dû sur la facture : ${p.amount}`,
    totalLine: (p) =>
      `Total à régler : ${p.amount}${p.incomplete ? ", auxquels s'ajoutent les intérêts restant à calculer" : ""}`,
    payBy: (p) => `Merci de procéder au règlement avant le ${p.date}.`,
    finalNext: (p) =>
      `À défaut de paiement avant le ${p.date}, nous serons contraints d'engager les démarches de recouvrement.`,
    hostedNext: (p) =>
      `À défaut de paiement avant le ${p.date}, nous serons contraints de suspendre l'hébergement de votre site le ${p.suspendOn}.`,
    suspensionNext: (p) =>
      `Nous vous accordons donc un préavis de ${jours(p.notice)} : à défaut de règlement au plus tard le ${p.date}, l'hébergement de votre site sera suspendu le ${p.suspendOn}. Il sera rétabli dès réception du règlement.`,
    alreadyPaid: "Si votre règlement nous est parvenu entre-temps, merci, et ne tenez pas compte de ce message.",
    closing: "Bien cordialement,",
  },
};
