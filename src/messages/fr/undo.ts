import type { Catalog } from "../catalog.ts";
import { de } from "./elide.ts";

export const undo: Catalog["undo"] = {
  help: {
    summary: "reprendre votre dernière action, dans les 10 minutes",
    details:
      "Votre propre dernière action, quelle qu'elle soit : un incident, une facture, un paiement, un avoir, un réglage. Tact dit d'abord exactement ce qu'il va retirer et attend votre confirmation ; il ne remonte jamais plus loin que votre dernière action. Le retrait reste dans le journal d'audit. Le responsable peut aussi annuler un paiement plus tard : /client unpay.",
  },
  nothing:
    "Rien à annuler : vous n'avez rien fait dans les 10 dernières minutes qui puisse être retiré. (Le responsable peut annuler un paiement à tout moment : /client unpay <numéro>.)",
  confirm: (p) => `Annuler votre dernière action (${p.time}) ? Cela retire ${p.what}.`,
  confirmButton: "Retirer",
  keepButton: "Garder",
  kept: (p) => `Conservé : rien n'a été retiré (${p.what}).`,
  done: (p) => `Retiré : ${p.what}. Le retrait reste dans le journal d'audit.`,
  alreadyUndone: (p) => `Déjà retiré : ${p.what}. Rien de plus n'a été retiré.`,
  lastWasUndo: (p) =>
    `Votre dernière action (${p.time}) était déjà une annulation, qui a retiré ${p.what}. L'annulation ne remonte que d'une action : rien d'autre n'a été retiré.`,
  notUndoable: (p) =>
    `Votre dernière action (${p.what}, ${p.time}) ne peut pas être reprise avec /client undo : rien n'a été retiré.`,
  tooOld: (p) => `Trop tard pour retirer ${p.what} (${p.time}) : c'était il y a plus de 10 minutes.`,
  tooOldPayment: (p) => `Le responsable peut encore l'annuler : /client unpay ${p.number}.`,
  theirs: (p) =>
    `Ce bouton concerne une action ${de(p.who)} (${p.what}) : c'est à ${p.who} de l'annuler. Rien n'a été retiré.`,
  what: {
    incident: (p) => `l'incident « ${p.kind} » pour ${p.client}${p.note ? ` (« ${p.note} »)` : ""}`,
    invoice: (p) => `la facture ${p.number} (${p.client}, ${p.amount}, échéance le ${p.due})`,
    payment: (p) => `le paiement de ${p.amount} sur ${p.number} (${p.client}, payé le ${p.date})`,
    credit: (p) => `l'avoir de ${p.amount} sur ${p.number} (${p.client}, ${p.date})`,
    charges: (p) => `les ${p.amount} de pénalités de retard payées sur ${p.number} (${p.client}, le ${p.date})`,
    setting: (p) => `le changement du réglage « ${p.setting} » (${p.from} → ${p.to})`,
    digest: (p) => `${p.time} (${p.timezone}), ${p.on ? "activé" : "désactivé"}`,
    unknownClient: "un client qui n'est plus enregistré",
  },
  labels: {
    "client.added": "l'ajout d'un client",
    "client.alias": "un autre nom donné à un client",
    "client.renamed": "le changement de nom d'un client",
    "client.terms": "le changement des conditions d'un client",
    "client.exported": "l'export du dossier d'un client",
    "config.owner": "la passation de l'espace",
    "invoice.voided": "l'annulation d'une facture",
    "invoice.charges-waived": "l'abandon des pénalités d'une facture",
    "invoice.written-off": "l'abandon de ce que devait un client",
    "invoice.disputed": "la mise en litige d'une facture",
    "invoice.resumed": "la fin du litige d'une facture",
    "invoice.reminded": "une relance notée comme envoyée",
    "invoice.due-changed": "le changement d'une échéance",
    "invoice.snoozed": "la mise en veille d'une facture",
    "invoice.imported": "l'import de factures",
    "payment.reversed": "l'annulation d'un paiement",
    "source.customer-linked": "le rattachement d'un client de la source",
    "source.connect-started": "le début de la connexion d'une source de factures",
    "invoice.reminder-drafted": "la rédaction d'une relance",
    "invoice.now-synced": "le passage d'une facture à sa source",
    "client.channel.linked": "le rattachement d'un canal à un client",
    "client.channel.unlinked": "le détachement du canal d'un client",
    offboarding: "une étape de la séparation avec un client",
    other: "une action",
  },
  blocked: {
    invoiceUsed: (p) =>
      `La facture ${p.number} ne peut pas être retirée : des paiements, des relances ou d'autres changements y ont été enregistrés depuis. Rien n'a été retiré. Annulez d'abord les paiements (/client unpay ${p.number}), ou annulez la facture (/client void ${p.number}).`,
    settingChanged: (p) =>
      `Le réglage « ${p.setting} » a été modifié depuis : rien n'a été retiré. /client config montre sa valeur actuelle.`,
    notRecorded:
      "Cette action date d'avant que Tact sache l'annuler : rien n'a été retiré. /client config, /client unpay ou /client void permettent de la reprendre à la main.",
  },
  unpay: {
    help: {
      summary: "annuler un paiement ou un avoir saisi par erreur",
      details:
        "Reprend un paiement, un avoir ou des pénalités payées, à tout moment : la facture redevient impayée et ses pénalités courent de nouveau depuis l'échéance. S'il y en a plusieurs, indiquez le numéro de la ligne à annuler. La ligne reste au dossier, marquée annulée, et le journal d'audit dit qui l'a annulée.",
    },
    reversed: (p) => `Annulation enregistrée : ${p.what}, une saisie ${de(p.by)}.`,
    choose: (p) =>
      `La facture ${p.number} a plusieurs paiements. Lequel annuler ? Tapez /client unpay ${p.number} <ligne>, ou appuyez sur son bouton :`,
    line: (p) => `${p.index}. ${p.what}, une saisie ${de(p.by)}`,
    button: (p) => `Annuler la ligne ${p.index} (${p.amount})`,
    none: (p) => `La facture ${p.number} n'a ni paiement ni avoir à annuler.`,
    noSuchLine: (p) =>
      `La facture ${p.number} n'a pas de ligne de paiement « ${p.value} » : indiquez un numéro de 1 à ${p.count}, comme les liste /client unpay ${p.number}.`,
    changed: (p) =>
      `Les paiements de ${p.number} ont changé entre-temps : rien n'a été annulé. /client unpay ${p.number} les liste tels qu'ils sont maintenant.`,
    isVoid: (p) => `La facture ${p.number} est annulée : il n'y a aucun paiement à reprendre.`,
    argLine: "ligne",
    action: "annuler un paiement",
  },
  markPaid: {
    confirm: (p) =>
      `Enregistrer ${p.number} (${p.client}) comme réglée en totalité : ${p.amount}, payée le ${p.date} ?`,
    confirmButton: "Enregistrer le paiement",
    cancelButton: "Ne rien faire",
    cancelled: (p) => `Rien n'a été enregistré : la facture ${p.number} reste telle quelle.`,
    changed: (p) =>
      `Il reste maintenant ${p.amount} à payer sur ${p.number}, pas le montant que vous avez confirmé : rien n'a été enregistré. Appuyez de nouveau sur « Marquer payée », ou tapez /client paid ${p.number}.`,
  },
};
