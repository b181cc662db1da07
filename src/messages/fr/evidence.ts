import type { Catalog } from "../catalog.ts";
import { de } from "./elide.ts";

export const evidence: Catalog["evidence"] = {
  form: {
    title: "Noter dans Tact",
    submit: "Noter",
    quote: "Le message (gardé tel quel)",
    about: (p) => `${p.author}, ${p.date}${p.link ? ` · ${p.link}` : ""}`,
    client: "Client",
    kind: "De quoi s'agit-il ?",
    note: "Votre note (facultative)",
  },
  onlyFiles: (p) =>
    `(pas de texte : le message ne contient ${p.files === 1 ? "qu'un fichier" : `que ${p.files} fichiers`}, non conservés ici)`,
  unknownAuthor: "un auteur inconnu (utilisateur supprimé ?)",
  gone: "Ce message a déjà été noté, ce formulaire n'est pas le vôtre, ou il est resté ouvert plus d'un jour (recommencez depuis le message). Rien n'a été enregistré.",
  unknownKind: (p) =>
    `« ${p.value} » n'est pas un type d'incident. Choisissez parmi : ${p.kinds}. Rien n'a été enregistré.`,
  cardQuote: (p) => `   « ${p.quote} » (${p.author})`,
  recordSection: (p) => `Messages gardés comme preuves (${p.count})`,
  recordIncident: (p) => `${p.kind}, noté le ${p.date}`,
  recordHeading: (p) => `Message ${de(p.author)}, ${p.date}`,
  recordLink: (p) => `Lien : ${p.link}`,
  recordFiles: (p) =>
    p.files === 1
      ? "Le message contenait un fichier (non conservé ici)."
      : `Le message contenait ${p.files} fichiers (non conservés ici).`,
  commandName: "Noter dans Tact",
  argNames: { kind: "type", text: "message cité", from: "auteur", at: "jour où il a été dit" },
  help: {
    summary: "noter un incident avec un message gardé comme preuve",
    details:
      "Le message entre guillemets, gardé tel quel ; `from` nomme son auteur, `at` le jour où il a été dit. Les types : late, conduct, advice, scope, ethics, flag, note. Sur Slack et Discord, « Noter dans Tact » dans le menu d'un message fait de même depuis le message.",
  },
};
