import type { Catalog } from "../catalog.ts";

/** The French names of the verbs, accepted everywhere and shown in French help. */
const verbNames: Partial<Record<string, readonly string[]>> = {
  late: ["retard"],
  scope: ["périmètre"],
  advice: ["conseil"],
  conduct: ["conduite", "comportement"],
  ethics: ["éthique"],
  flag: ["signal", "alerte"],
  undo: ["défaire"],
  add: ["ajouter"],
  rename: ["renommer"],
  show: ["voir", "fiche"],
  list: ["liste"],
  invoice: ["facture"],
  paid: ["payé", "payée", "paiement"],
  credit: ["avoir"],
  dispute: ["litige", "contester"],
  resume: ["reprendre"],
  void: ["annuler"],
  waive: ["abandonner"],
  invoices: ["factures"],
  terms: ["conditions"],
  remind: ["relancer", "relance"],
  reminded: ["relance-envoyée"],
  offboard: ["séparation"],
  export: ["exporter"],
  digest: ["récap", "récapitulatif"],
  config: ["réglages"],
  help: ["aide"],
  connect: ["connecter"],
  link: ["lier"],
  unlinked: ["non-liés"],
  sync: ["synchro"],
};

export const help: Catalog["help"] = {
  title: "Tact : la mémoire écrite des clients difficiles",
  intro:
    "Notez en une ligne ce qui se passe avec un client ; je garde la trace, et le responsable décide. Tapez /client help <commande> pour le détail.",
  usage: "Syntaxe",
  examples: "Exemples",
  groups: {
    incidents: "Noter un incident",
    clients: "Clients",
    invoices: "Factures et pénalités",
    schedule: "Récapitulatif et alertes",
    offboarding: "Se séparer d'un client (responsable)",
    other: "Autres",
  },
  unknownTopic: (p) => `Pas d'aide pour « ${p.topic} ». Tapez /client help pour la liste.`,
  ownerOnly: "Réservé au responsable.",
  aliases: (verb) => verbNames[verb] ?? [],
  alsoCalled: (p) => `Aussi : ${p.names}.`,
  argNames: {
    client: "client",
    slug: "nom-court",
    name: "nom affiché",
    alias: "alias",
    note: "note",
    invoice: "numéro de facture",
    verb: "commande",
    setting: "réglage",
    value: "valeur",
    lang: "langue",
  },
  verbs: {
    late: {
      summary: "noter un retard de paiement",
      details:
        "Une facture payée après l'échéance, ou toujours impayée. Une fois, c'est peut-être une erreur de comptabilité ; à répétition, cela coûte du temps à l'équipe.",
    },
    conduct: {
      summary: "noter un manque de respect ou une tension",
      details:
        "Impolitesse, pression, une relation qui épuise l'équipe. Le responsable doit s'en occuper lui-même, et tôt.",
    },
    advice: {
      summary: "noter un conseil professionnel ignoré",
      details:
        "Accessibilité, responsive, ergonomie, choix de plateforme : un conseil sur votre propre métier, refusé.",
    },
    scope: {
      summary: "noter une dérive du périmètre",
      details:
        "Du travail ajouté sans revoir les délais ni le prix. Amendez le cahier des charges et chiffrez l'ajout.",
    },
    ethics: {
      summary: "noter une demande contraire à l'éthique",
      details:
        "Une demande contraire à la déontologie (du référencement black hat, par exemple). Refusez-la, et gardez-en la trace.",
    },
    flag: {
      summary: "noter un signal d'alerte",
      details:
        "Un signe qui aurait dû alerter, comme des conditions de contrat inhabituelles. Noté pour éclairer les décisions futures.",
    },
    note: { summary: "ajouter une note au dossier", details: "Tout ce qui mérite de rester dans le dossier écrit." },
    add: {
      summary: "ajouter un client",
      details: "Le nom court sert dans les commandes : 3 à 40 lettres minuscules, chiffres et tirets.",
    },
    alias: { summary: "donner un autre nom à un client", details: "Les commandes le retrouvent aussi sous ce nom." },
    rename: { summary: "changer le nom affiché d'un client", details: "Le nom court reste le même." },
    show: {
      summary: "afficher la fiche d'un client",
      details: "Les incidents par type, les derniers en date, et le conseil de la méthode avec ses raisons.",
    },
    list: { summary: "lister les clients", details: "Ceux qui ont posé problème le plus récemment d'abord." },
    undo: {
      summary: "retirer votre dernier incident",
      details: "Seulement le vôtre, dans les 10 minutes. Le retrait reste dans le journal d'audit.",
    },
    help: {
      summary: "expliquer les commandes",
      details: "/client help <commande> explique une commande, exemples à l'appui.",
    },
    config: {
      summary: "réglages de l'espace (modifications : responsable seulement)",
      details: "Sans réglage, /client config les affiche tous avec leur valeur. Les réglages :",
    },
  },
};
