import type { SourceCredit, SourceCustomer, SourceInvoice } from "./connector.ts";

/**
 * What the mirror holds after a change, whatever order changes arrive in: the newer version
 * describes the object, but what only moves one way stays where the furthest change put it
 * (money paid only grows; a void is final). Pure.
 */
export function mergeInvoice(
  old: SourceInvoice | undefined,
  oldVersion: number,
  next: SourceInvoice,
  version: number,
): SourceInvoice {
  if (!old) return next;
  const newer = version >= oldVersion ? next : old;
  const older = newer === next ? old : next;
  const paidMinor = Math.max(old.paidMinor, next.paidMinor);
  const paidBy = old.paidMinor >= next.paidMinor ? old : next;
  const status =
    old.status === "void" || next.status === "void"
      ? "void"
      : newer.status === "draft" && older.status !== "draft"
        ? older.status
        : newer.status;
  return {
    ...newer,
    // A draft's fields are not yet final: a finalized invoice's win even if seen earlier.
    ...(newer.status === "draft" && older.status !== "draft" ? older : {}),
    number: newer.number ?? older.number,
    customerName: newer.customerName ?? older.customerName,
    paidMinor,
    paidOn: paidBy.paidOn ?? newer.paidOn,
    status,
  };
}

export function mergeCredit(
  old: SourceCredit | undefined,
  oldVersion: number,
  next: SourceCredit,
  version: number,
): SourceCredit {
  if (!old) return next;
  const newer = version >= oldVersion ? next : old;
  return { ...newer, voided: old.voided || next.voided };
}

export function mergeCustomer(
  old: SourceCustomer | undefined,
  oldVersion: number,
  next: SourceCustomer,
  version: number,
): SourceCustomer {
  if (!old) return next;
  const newer = version >= oldVersion ? next : old;
  return { name: newer.name ?? old.name ?? next.name };
}
