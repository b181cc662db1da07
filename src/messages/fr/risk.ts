import type { Catalog } from "../catalog.ts";

const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

export const risk: Catalog["risk"] = {
  title: "Risque",
  levels: { ok: "ok", watch: "à surveiller", "at-risk": "à risque", "consider-ending": "envisager d'arrêter" },
  headline: (p) => `${p.level} : ${p.facts.join(" ; ")}`,
  reasons: {
    none: "aucun retard de paiement sur les 12 derniers mois et aucun souci sur les 90 derniers jours",
    overdue: (p) =>
      `${p.number} impayée ${jours(p.days)} après son échéance (${p.amount})${p.closed ? `, ${p.closed.kind === "write-off" ? "passée en perte" : "annulée"} le ${p.closed.date}` : ""}`,
    hostedUnpaid: (p) =>
      `nous hébergeons le site et ${p.number} reste impayée après la mise en demeure (${p.date ? `envoyée le ${p.date}` : "enregistrée comme envoyée"})`,
    lateOnce: (p) => `un seul retard de paiement sur les 12 derniers mois (${p.payment})`,
    lateRepeat: (p) =>
      `${p.count} retards de paiement sur les 12 derniers mois${p.average !== null ? `, ${jours(p.average)} de retard en moyenne` : ""} (du ${p.since} au ${p.last})`,
    latePattern: (p) =>
      `${p.count} retards de paiement distincts sur les 12 derniers mois${p.average !== null ? `, ${jours(p.average)} de retard en moyenne` : ""} (du ${p.since} au ${p.last})`,
    worsening: (p) =>
      `des paiements de plus en plus tardifs : ${jours(p.before)} de retard en moyenne avant, ${jours(p.after)} sur les 180 derniers jours`,
    improving: (p) =>
      `des paiements plus rapides : ${jours(p.before)} de retard en moyenne avant, ${jours(p.after)} sur les 180 derniers jours`,
    conduct: (p) =>
      `${p.count} signalement${p.count > 1 ? "s" : ""} de manque de respect ou de tension sur les 90 derniers jours`,
    ethics: (p) =>
      `${p.count} demande${p.count > 1 ? "s" : ""} contraire${p.count > 1 ? "s" : ""} à l'éthique sur les 90 derniers jours`,
    advice: (p) => `${p.count} conseils ignorés sur les 90 derniers jours`,
    scope: (p) => `${p.count} ajouts au périmètre sur les 90 derniers jours`,
    flags: (p) => `${p.count} signaux d'alerte notés en tout`,
    many: (p) => `${p.count} incidents de ${p.kinds} types sur les 90 derniers jours`,
  },
};
