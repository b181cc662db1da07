/** A source's name as users see it (a brand: the same in every language). */
export function sourceLabel(source: string): string {
  const labels: Record<string, string> = { stripe: "Stripe", xero: "Xero" };
  return labels[source] ?? source;
}
