import type { Catalog } from "../catalog.ts";

export const config: Catalog["config"] = {
  langSet: "Tact parle désormais français dans cet espace.",
  current: (p) => `Langue : ${p.lang} · Responsable : ${p.owner} · Fuseau horaire : ${p.timezone}`,
  unknownSetting: (p) => `Le réglage « ${p.setting} » n'existe pas. Réglages : ${p.settings}.`,
  languages: { en: "anglais", fr: "français" },
  action: {
    config: "modifier les réglages de l'espace",
  },
};
