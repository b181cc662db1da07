/**
 * What every test that starts Tact as a process adds to its environment: no reference-rate
 * fetching (tests never reach the internet; test/rates fetches from local fakes).
 */
export const OFFLINE_RATES = { TACT_ECB_URL: "off", TACT_BOE_URL: "off" } as const;
