import type { Catalog } from "../catalog.ts";

export const advice: Catalog["advice"] = {
  noPattern: "Rien d'alarmant : des soucis ponctuels, ça arrive.",
  lateOnce: (p) =>
    `Un retard de paiement (${p.date}) : sans doute une erreur de comptabilité. Une relance courtoise suffit.`,
  latePattern: (p) =>
    `${p.count} retards de paiement depuis le ${p.since} (dernier le ${p.last}) : c'est devenu une habitude, et elle coûte du temps à l'équipe. Renégociez (acompte, pénalités de retard dans le contrat, facturation plus fréquente) ou mettez fin à la relation.`,
  conductOnce: (p) =>
    `Tension signalée le ${p.date} : c'est au dirigeant d'en parler lui-même au client, d'exposer le problème et ce qui doit changer. Sans déléguer.`,
  conductRepeat: (p) =>
    `${p.count} signalements de manque de respect ou de tension (dernier le ${p.last}) : si la discussion n'a rien changé, confiez le compte à d'autres personnes de l'équipe ; c'est peut-être une incompatibilité d'humeur.`,
  conductPersistent: (p) =>
    `${p.count} signalements de manque de respect ou de tension (dernier le ${p.last}) : la tension persiste. Envisagez de demander au client de partir.`,
  advicePattern: (p) =>
    `${p.count} conseils ignorés (dernier le ${p.last}) : c'est son site, mais quand cela se répète avec le même client, l'équipe perd confiance et fierté dans son travail. Parlez-en franchement.`,
  adviceOnce: "Un conseil ignoré : un client ne suivra pas toutes les suggestions, c'est son site.",
  scope: (p) =>
    `${p.count} ajout${p.count > 1 ? "s" : ""} au périmètre (dernier le ${p.last}) : rédigez un cahier des charges clair, amendez-le à chaque ajout et chiffrez chaque ajout.`,
  ethics: (p) =>
    `${p.count} demande${p.count > 1 ? "s" : ""} contraire${p.count > 1 ? "s" : ""} à l'éthique (dernière le ${p.last}) : être payé ne vous oblige pas à tout accepter. Refusez, et gardez-en la trace.`,
  flags: (p) =>
    `${p.count} signal${p.count > 1 ? "aux" : ""} d'alerte noté${p.count > 1 ? "s" : ""} (dernier le ${p.last}) : gardez-le${p.count > 1 ? "s" : ""} en tête avant d'accepter quoi que ce soit de ce client.`,
  manyTroubles: (p) =>
    `${p.count} incidents de ${p.kinds} types en 90 jours : au dirigeant de décider si cette relation vaut encore la peine.`,
  overdueFinal: (p) =>
    `${p.number} reste impayée ${p.days} jours après son échéance, malgré la mise en demeure : assurez-vous que l'argent arrive vraiment (relance personnelle du dirigeant, ou recouvrement), ou abandonnez la créance en connaissance de cause.`,
  hostedUnpaid: (p) =>
    `${p.number} reste impayée ${p.days} jours après son échéance et nous hébergeons le site de ce client : envoyez un préavis de suspension, courtois, bref et écrit, avec la date d'arrêt de l'hébergement (/client remind ${p.number} le rédige).`,
};
