import type { Catalog } from "../catalog.ts";

export const home: Catalog["home"] = {
  title: "Tact",
  welcome: {
    title: "Bienvenue dans Tact",
    intro: "Tact garde la trace écrite des clients difficiles et suit leurs factures. Trois étapes pour commencer :",
    steps: [
      "1. Ajoutez un client : /client add acme ACME Corp",
      "2. Choisissez le canal du récapitulatif du matin : /client config channel #facturation",
      "3. Choisissez votre devise : /client config currency EUR",
    ],
    help: "/client help liste tout ce que je sais faire ; /client help config explique chaque réglage.",
    helpButton: "Aide",
    leave: "Tapez exit ou quit pour quitter.",
  },
  ownerIntro: "Vous êtes le responsable de cet espace dans Tact. Vous seul voyez cette page.",
  memberIntro: "Tact garde la trace écrite des clients difficiles. Vous seul voyez cette page.",
  wizardLine: (p) =>
    `*Séparation avec ${p.client}* : étape ${p.step} sur 8${p.paused ? ", en pause" : ""}, dernière action le ${p.since}.`,
  resumeButton: (p) => `Reprendre ${p.client}`,
  watchTitle: "*Clients à surveiller*",
  watchLine: (p) => `${p.name} (${p.slug}) : ${p.why}`,
  watchNone: "Aucun client ne pose de problème récurrent en ce moment.",
  watchMore: (p) => `…et ${p.count} de plus : /client list les affiche tous.`,
  overdueTitle: "*Impayés*",
  overdueTotal: (p) =>
    `${p.amounts} en retard sur ${p.invoices} ${p.invoices === 1 ? "facture" : "factures"}${p.charges ? `, plus ${p.charges} de pénalités de retard` : ""}. /client invoices détaille chaque calcul.`,
  overdueNone: "Aucun impayé.",
  ownerHelp: "/client show <client> ouvre la fiche d'un client ; /client help liste tout le reste.",
  recentTitle: "*Vos derniers signalements*",
  recentLine: (p) => `${p.date} · ${p.kind} · ${p.client}${p.note ? ` : ${p.note}` : ""}`,
  recentNone: "Vous n'avez encore rien noté.",
  helpTitle: "*Noter un incident*",
  memberHelp:
    "Tapez /client late acme (ou scope, conduct, advice, ethics, flag, note) dans n'importe quel canal ; vous seul voyez ma confirmation. /client help liste tout le reste.",
};
