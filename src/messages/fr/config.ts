import type { Catalog } from "../catalog.ts";

export const config: Catalog["config"] = {
  langSet: "Tact parle désormais français dans cet espace.",
  unknownSetting: (p) => `Le réglage « ${p.setting} » n'existe pas. Réglages : ${p.settings}.`,
  languages: { en: "anglais", fr: "français" },
  action: {
    config: "modifier les réglages de l'espace",
  },
  currency: {
    set: (p) =>
      `La devise par défaut de l'espace est désormais ${p.currency} : les montants saisis sans devise sont en ${p.currency} (/client invoice acme F-8 ${p.example}).`,
    current: (p) =>
      p.currency
        ? `La devise par défaut de l'espace est ${p.currency}. /client config currency EUR la change (responsable seulement).`
        : "Pas encore de devise par défaut : la première facture enregistrée avec une devise la fixe. /client config currency EUR la fixe dès maintenant (responsable seulement).",
  },
  title: "Réglages de l'espace",
  row: (p) => `${p.label} : ${p.value} — ${p.command}`,
  footer: (p) => `Seul le responsable (${p.owner}) peut les modifier. /client help config les explique un par un.`,
  labels: {
    lang: "Langue",
    owner: "Responsable",
    timezone: "Fuseau horaire",
    channel: "Canal du point du jour",
    digest: "Heure du point du jour",
    days: "Jours du point du jour",
    quiet: "Jours calmes",
    terms: "Conditions par défaut",
    currency: "Devise par défaut",
  },
  values: {
    digestOn: (p) => `${p.time}, activé`,
    digestOff: (p) => `désactivé (${p.time} une fois réactivé)`,
    noChannel: "pas encore choisi",
    noCurrency: "pas encore choisie (ce sera la première devise utilisée)",
    terms: (p) => `${p.law} ; délai de paiement ${p.term}`,
  },
  helpRow: (p) => `• ${p.command} : ${p.what}`,
  describe: {
    lang: "la langue de Tact dans cet espace (les courriers à un client suivent la langue du client)",
    owner: "confie l'espace à quelqu'un d'autre ; seul le responsable actuel le peut",
    timezone: "le fuseau horaire de l'espace : l'heure du point du jour, les dates et les jours de retard s'y comptent",
    channel: "où sont publiés le point du jour et les alertes de retard (`here` : ce canal)",
    digest: "l'heure du point du jour, avec un fuseau horaire si besoin, ou bien `off` / `on`",
    days: "les jours de publication du point du jour, par exemple `lun-ven` ou `lun,mer,ven`",
    quiet:
      "les jours sans rien à signaler, le point du jour tient en une ligne (`post`) ou n'est pas publié (`silent`)",
    terms:
      "les conditions de paiement par défaut des clients qui n'ont pas les leurs : loi, intérêts, indemnité de recouvrement, délai de paiement, étapes de relance (/client terms <client> règle celles d'un client)",
  },
  describeCurrency:
    "la devise des montants saisis sans devise (/client invoice acme F-8 500) ; tant qu'elle n'est pas choisie, c'est la première devise utilisée",
  timezoneSet: (p) =>
    `Le fuseau horaire de l'espace est désormais ${p.timezone} : le point du jour y est publié à ${p.time}, et les dates et jours de retard s'y comptent.`,
};
