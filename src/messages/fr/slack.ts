import type { Catalog } from "../catalog.ts";

export const slack: Catalog["slack"] = {
  cutShort: (p) =>
    `Slack ne peut pas tout afficher d'un coup : ${p.count} ${p.count === 1 ? "partie a été laissée" : "parties ont été laissées"} de côté. Demandez une vue plus ciblée (un client, une facture) pour voir la suite.`,
  continued: (p) => `(suite) ${p.text}`,
  moreChoices: (p) =>
    `${p.count} ${p.count === 1 ? "autre choix n'est pas affiché" : "autres choix ne sont pas affichés"} : Slack en montre 100 au plus dans un menu.`,
  formPart: (p) => `${p.label} (partie ${p.part} sur ${p.parts})`,
  cancel: "Annuler",
  close: "Fermer",
  otherWorkspace:
    "Tact n'est pas configuré pour cet espace de travail Slack : il ne sert que celui dont on lui a donné le jeton de bot. Rien n'a été enregistré. Demandez à la personne qui gère Tact de l'installer ici.",
  formExpired:
    "Le formulaire a mis trop de temps à s'ouvrir. Appuyez de nouveau sur le bouton (Slack me laisse 3 secondes).",
  postFailed: (p) => `Je n'ai pas pu publier dans ${p.channel} : ${p.reason}`,
  dmFailed: (p) => `Je n'ai pas pu envoyer le message privé : ${p.reason}`,
  fileFailed: (p) => `Je n'ai pas pu envoyer le fichier : ${p.reason}`,
  reasons: {
    not_in_channel: "je ne suis pas membre de ce canal. Invitez-moi avec /invite @Tact, puis réessayez.",
    channel_not_found: "ce canal n'existe pas, ou il est privé et je n'y ai pas été invité.",
    is_archived: "ce canal est archivé.",
    restricted_action: "les réglages de l'espace de travail ne m'autorisent pas à y publier.",
    cannot_dm_bot: "cette personne est un bot.",
    user_not_found: "je ne trouve pas cette personne dans l'espace de travail.",
    other: (p) => `Slack a refusé (${p.code}). Rien d'autre n'a été modifié.`,
  },
};
