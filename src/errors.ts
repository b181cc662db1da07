import type { Catalog } from "./messages/catalog.ts";

/**
 * An error meant for the person who typed the command: a stable code and a localised
 * message built from the catalog. Anything else thrown is a bug, logged with a reference.
 */
export class UserError extends Error {
  readonly code: string;
  readonly render: (t: Catalog) => string;
  constructor(code: string, render: (t: Catalog) => string) {
    super(code);
    this.name = "UserError";
    this.code = code;
    this.render = render;
  }
}

export function userError(code: string, render: (t: Catalog) => string): UserError {
  return new UserError(code, render);
}

/** The database could not be reached: nothing was saved. */
export class UnavailableError extends Error {
  readonly code = "unavailable";
  constructor(cause?: unknown) {
    super("database unavailable", { cause });
    this.name = "UnavailableError";
  }
}
