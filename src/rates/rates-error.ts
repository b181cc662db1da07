/** Why a fetch of published rates changed nothing; `code` is stable, the message is for the log. */
export class RatesFetchError extends Error {
  constructor(
    readonly code: "timeout" | "http" | "network" | "unparsable",
    message: string,
  ) {
    super(message);
    this.name = "RatesFetchError";
  }
}

/** A response that does not read as the series' published format: refused whole. */
export function unparsable(what: string, problem: string): RatesFetchError {
  return new RatesFetchError("unparsable", `${what}: ${problem}; nothing was taken from it`);
}
