export const incidents = {
  kinds: {
    late: "late payment",
    conduct: "disrespect / tension",
    advice: "advice ignored",
    scope: "scope creep",
    ethics: "unethical request",
    flag: "warning sign",
    note: "note",
    lesson: "lesson learned",
  },
  logged: (p: { kind: string; client: string; count90: number }) =>
    `Logged ${p.kind} for ${p.client}.${p.count90 > 1 ? ` That's ${p.count90} in the last 90 days.` : ""}`,
  undoHint: "You can withdraw it with /client undo within 10 minutes.",
  undoButton: "Undo",
  withdrawn: (p: { kind: string; client: string; date: string }) =>
    `Withdrawn: the ${p.kind} for ${p.client} logged ${p.date}. It stays in the audit log.`,
  nothingToUndo:
    "There is nothing to undo: /client undo withdraws your own last incident, within 10 minutes of logging it.",
  onInvoice: (p: { invoice: string }) => `invoice ${p.invoice}`,
};
