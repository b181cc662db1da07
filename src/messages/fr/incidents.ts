import type { Catalog } from "../catalog.ts";

export const incidents: Catalog["incidents"] = {
  kinds: {
    late: "retard de paiement",
    conduct: "manque de respect / tension",
    advice: "conseil ignoré",
    scope: "dérive du périmètre",
    ethics: "demande contraire à l'éthique",
    flag: "signal d'alerte",
    note: "note",
    lesson: "leçon retenue",
  },
  logged: (p) =>
    `C'est noté : ${p.kind} pour ${p.client}.${p.count90 > 1 ? ` C'est le ${p.count90}e en 90 jours.` : ""}`,
  undoHint: "Vous pouvez le retirer avec /client undo dans les 10 minutes.",
  undoButton: "Annuler",
  onInvoice: (p) => `facture ${p.invoice}`,
};
