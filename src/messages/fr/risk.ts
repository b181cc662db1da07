import type { Catalog } from "../catalog.ts";

export const risk: Catalog["risk"] = {
  title: "Risque",
  levels: { ok: "ok", watch: "à surveiller", "at-risk": "à risque", "consider-ending": "envisager d'arrêter" },
  line: (p) => `Risque : ${p.level}`,
  reasons: {
    none: "aucun retard de paiement sur les 12 derniers mois et aucun souci récent",
    overdue: (p) => `${p.number} impayée ${p.days} jour${p.days > 1 ? "s" : ""} après son échéance (${p.amount})`,
    lateOnce: (p) =>
      `un retard de paiement sur les 12 derniers mois (${p.date}${p.days !== null ? `, ${p.days} jour${p.days > 1 ? "s" : ""} de retard` : ""})`,
    lateMany: (p) =>
      `${p.count} retards de paiement sur les 12 derniers mois${p.average !== null ? `, ${p.average} jours de retard en moyenne` : ""} (dernier le ${p.last})`,
    worsening: (p) => `les retards s'aggravent : ${p.before} jours en moyenne avant, ${p.after} jours récemment`,
    conduct: (p) => `${p.count} signalement${p.count > 1 ? "s" : ""} de manque de respect ou de tension en 90 jours`,
    ethics: (p) =>
      `${p.count} demande${p.count > 1 ? "s" : ""} contraire${p.count > 1 ? "s" : ""} à l'éthique en 90 jours`,
    advice: (p) => `${p.count} conseils ignorés en 90 jours`,
    scope: (p) => `${p.count} ajouts au périmètre en 90 jours`,
    flags: (p) => `${p.count} signaux d'alerte notés`,
    many: (p) => `${p.count} incidents de ${p.kinds} types en 90 jours`,
    hostedUnpaid: "nous hébergeons le site de ce client et une facture reste impayée après la mise en demeure",
  },
};
