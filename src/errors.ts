import type { Catalog } from "./messages/catalog.ts";

/**
 * An error meant for the person who typed the command: a stable code and a localised
 * message built from the catalog. Anything else thrown is a bug, logged with a reference.
 */
export class UserError extends Error {
  readonly code: string;
  readonly render: (t: Catalog) => string;
  /**
   * The input it is about (`due`, `amount`…): a form shows the message under that field and
   * stays open. Unset when the problem is not one field's.
   */
  field: string | undefined;
  constructor(code: string, render: (t: Catalog) => string, field?: string) {
    super(code);
    this.name = "UserError";
    this.code = code;
    this.render = render;
    this.field = field;
  }
}

export function userError(code: string, render: (t: Catalog) => string, field?: string): UserError {
  return new UserError(code, render, field);
}

/** Runs `work`; a UserError it throws without a field is said to be about `field`. */
export async function aboutField<T>(field: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserError && error.field === undefined) error.field = field;
    throw error;
  }
}

/** The database could not be reached: nothing was saved. */
export class UnavailableError extends Error {
  readonly code = "unavailable";
  constructor(cause?: unknown) {
    super("database unavailable", { cause });
    this.name = "UnavailableError";
  }
}
