import type { Catalog } from "../catalog.ts";

export const channels: Catalog["channels"] = {
  argName: "canal (ou off)",
  help: {
    summary: "lier un canal à un client",
    details:
      "Tapez-la dans le canal du client, ou mentionnez le canal ; `off` le délie. Dans un canal lié, les commandes peuvent omettre le client : /client late, /client scope ajout d'un blog. Le premier mot après le verbe reste le client s'il nomme un client connu ; sinon, il fait partie de la note.",
  },
  linked: (p) =>
    `${p.channel} est désormais lié à ${p.client}. Les commandes peuvent y omettre le client : /client late, /client scope ajout d'un blog. Pour le délier : /client channel ${p.slug} off`,
  alreadyLinked: (p) => `${p.channel} est déjà lié à ${p.client}. Rien n'a changé.`,
  linkedElsewhere: (p) =>
    `${p.channel} est déjà lié à ${p.client}. Un canal appartient à un seul client : déliez-le d'abord avec /client channel ${p.slug} off. Rien n'a été lié.`,
  unlinked: (p) => `${p.channel} n'est plus lié à ${p.client}.`,
  notLinked: (p) => `${p.channel} n'est pas lié à ${p.client}. Rien n'a changé.`,
  console: "La console n'a pas de canaux à lier. Liez le canal d'un client depuis Slack ou Discord.",
  inDm: "Une conversation privée ne peut pas être liée à un client. Tapez /client channel <client> dans le canal du client, ou mentionnez-le : /client channel acme #acme-projet.",
  notAChannel: (p) =>
    `« ${p.value} » n'est pas un canal que je peux lier. Mentionnez-le avec # (par exemple #acme-projet), ou tapez la commande dans ce canal. Rien n'a été lié.`,
  otherWorkspace: (p) => `${p.channel} n'est pas un canal de cet espace de travail. Rien n'a été lié.`,
  cardLine: (p) => `Canaux : ${p.channels}`,
};
