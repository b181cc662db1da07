import type { Config } from "../config.ts";
import { boeSource, ecbSource } from "./rate-sources.ts";
import type { RateEndpoints } from "./rates-refresher.ts";

/** The sources to fetch: the official services unless TACT_ECB_URL / TACT_BOE_URL say another base, or `off`. */
export function rateEndpoints(config: Pick<Config, "TACT_ECB_URL" | "TACT_BOE_URL">): RateEndpoints {
  const pick = (value: string | undefined, source: typeof ecbSource) =>
    value?.toLowerCase() === "off" ? [] : [{ source, base: value ?? source.defaultBase }];
  return [...pick(config.TACT_ECB_URL, ecbSource), ...pick(config.TACT_BOE_URL, boeSource)];
}
