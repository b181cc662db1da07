import { RatesFetchError } from "./rates-error.ts";

export const FETCH_TIMEOUT_MS = 5_000;

/**
 * The text of one published series, or a RatesFetchError saying why not: no answer within
 * the time limit (body included), an HTTP error, or no connection.
 */
export async function fetchSeries(
  url: string,
  options: { fetch?: typeof fetch; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal,
      // The Bank of England's database refuses requests without one.
      headers: { "user-agent": "Tact (late-payment reference rates)", accept: "text/csv, */*" },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new RatesFetchError("http", `HTTP ${response.status} from ${url}`);
    }
    return await response.text();
  } catch (error) {
    if (error instanceof RatesFetchError) throw error;
    if (timeout.aborted) throw new RatesFetchError("timeout", `no answer from ${url} within ${timeoutMs / 1000} s`);
    if (signal.aborted) throw new RatesFetchError("network", `stopped before ${url} answered`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new RatesFetchError(
      "network",
      `${url} could not be reached (${cause?.code ?? cause?.message ?? String(error)})`,
    );
  }
}
