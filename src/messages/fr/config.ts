import type { Catalog } from "../catalog.ts";

export const config: Catalog["config"] = {
  langSet: "Tact parle désormais français dans cet espace.",
  current: (p) => `Langue : ${p.lang} · Responsable : ${p.owner} · Fuseau horaire : ${p.timezone}`,
  unknownSetting: (p) => `Le réglage « ${p.setting} » n'existe pas. Réglages : ${p.settings}.`,
  languages: { en: "anglais", fr: "français" },
  action: {
    config: "modifier les réglages de l'espace",
  },
  currency: {
    set: (p) =>
      `La devise par défaut de l'espace est désormais ${p.currency}\u00a0: les montants saisis sans devise sont en ${p.currency} (/client invoice acme F-8 ${p.example}).`,
    current: (p) =>
      p.currency
        ? `La devise par défaut de l'espace est ${p.currency}. /client config currency EUR la change (responsable seulement).`
        : "Pas encore de devise par défaut\u00a0: la première facture enregistrée avec une devise la fixe. /client config currency EUR la fixe dès maintenant (responsable seulement).",
  },
};
