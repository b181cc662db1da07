import type { Catalog } from "../catalog.ts";

export const clients: Catalog["clients"] = {
  added: (p) =>
    `${p.name} (${p.slug}) est ajouté. Notez un incident avec /client late ${p.slug}, ou consultez sa fiche avec /client show ${p.slug}.`,
  namedFromSlug: (p) =>
    `Son nom affiché est « ${p.name} » pour l'instant : /client rename ${p.slug} <nom complet> lui donne son vrai nom.`,
  aliasAdded: (p) => `${p.name} peut désormais aussi s'appeler « ${p.alias} ».`,
  renamed: (p) => `${p.from} s'appelle désormais ${p.to}.`,
  unknown: (p) =>
    `Je ne connais pas de client « ${p.query} ».${p.suggestions ? ` Vouliez-vous dire ${p.suggestions} ?` : ""} Rien n'a été enregistré.${p.slug ? ` Pour l'ajouter : /client add ${p.slug} <nom affiché>` : " Pour ajouter un client : /client add <nom-court> <nom affiché>"}`,
  slugTaken: (p) => `« ${p.slug} » est déjà pris par ${p.name}. Choisissez un autre nom court.`,
  aliasTaken: (p) => `« ${p.alias} » désigne déjà ${p.name}.`,
  none: "Aucun client pour l'instant. Ajoutez-en un avec /client add acme ACME Corp.",
  listTitle: (p) => `Clients (${p.count})`,
  listLine: (p) => `${p.name} (${p.slug}) : ${p.summary}`,
  listSummary: (p) =>
    `${p.risk} · ${
      p.latest === null
        ? "aucun incident"
        : `${p.count90 === 0 ? "aucun incident" : p.count90 === 1 ? "1 incident" : `${p.count90} incidents`} sur les 90 derniers jours (dernière entrée : ${p.latest.kind}, le ${p.latest.date})`
    }`,
  former: "ancien client",
  card: {
    aliases: (p) => `Aussi appelé : ${p.aliases}`,
    counts: "Incidents : 90 derniers jours / au total",
    countValue: (p) => `${p.recent} / ${p.total}`,
    noIncidents: "Aucun incident enregistré.",
    latest: "Derniers incidents",
    incidentLine: (p) => `${p.date} · ${p.kind} · par ${p.reporter}${p.note ? ` : ${p.note}` : ""}`,
    advice: "Ce que conseille la méthode",
    risk: (p) => `${p.headline.charAt(0).toUpperCase()}${p.headline.slice(1)}`,
    latePayments: "Retards de paiement, un par facture (du plus récent au plus ancien)",
    latePaymentLine: (p) =>
      `${p.payment}${p.logs === 0 ? "" : ` · signalé ${p.logs === 1 ? "une fois" : `${p.logs} fois`}`}`,
    more: (p) => `…et ${p.count} de plus`,
    lessons: "Leçons retenues (non comptées comme incidents)",
    lessonLine: (p) => `${p.date} · par ${p.author} : ${p.note}`,
    status: (p) => `Statut : ${p.status}`,
    since: (p) => `Client depuis le ${p.date}`,
  },
};
