import type { Catalog } from "../catalog.ts";

export const discord: Catalog["discord"] = {
  commandDescription: "Garder une trace écrite des clients difficiles",
  groups: {
    incidents: "Consigner un incident",
    clients: "Clients",
    invoices: "Factures, paiements et relances",
    schedule: "Récapitulatif et alertes",
    offboarding: "Se séparer d'un client (responsable uniquement)",
    other: "Réglages et aide",
  },
  moreButtons: (p) =>
    p.count === 1
      ? "Un bouton de plus n'est pas affiché ici (Discord en autorise 25 par message)."
      : `${p.count} boutons de plus ne sont pas affichés ici (Discord en autorise 25 par message).`,
  shortened: "(message raccourci : Discord limite la longueur des messages)",
  formLate: "Le formulaire n'a pas pu s'ouvrir à temps. Cliquez sur le bouton pour le remplir.",
  formContinue: "Ouvrir le formulaire",
  formRefused: "Le formulaire n'a pas été enregistré :",
  formReopen: "Corriger le formulaire",
  formTyped: (p) => `Vous aviez saisi : ${p.values}`,
  dmNeedsServer:
    "Utilisez /client sur votre serveur : en message privé, je ne sais pas de quel serveur il s'agit. Les boutons des messages que je vous envoie fonctionnent toujours.",
  dmFailed:
    "Je n'ai pas pu envoyer le message privé : le destinataire n'accepte pas les messages privés des membres de ce serveur. Il peut les autoriser dans les paramètres de confidentialité du serveur ; réessayez ensuite.",
  postFailed: (p) =>
    `Je n'ai pas pu publier dans <#${p.channel}> : il me faut la permission de voir ce salon et d'y envoyer des messages.`,
  unknownCommand:
    "Je ne connais pas cette commande : elle est inconnue ou périmée. Les commandes de Tact doivent être enregistrées à nouveau sur ce serveur ; la personne qui a installé Tact peut le faire. En attendant, /client help liste ce qui fonctionne.",
  discordUnavailable: "Discord n'a pas répondu à temps, rien n'a été fait. Réessayez dans un instant.",
};
