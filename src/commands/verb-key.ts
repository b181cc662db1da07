/** A verb as typed, without case or accents: `Payé`, `paye` and `payé` are one name. */
export function verbKey(verb: string): string {
  return verb
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}
