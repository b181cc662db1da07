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
  onInvoice: (p: { invoice: string }) => `invoice ${p.invoice}`,
};
