import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Local stand-ins for the ECB Data Portal and the Bank of England database, answering in
 * their published CSV formats (ECB `format=csvdata&detail=dataonly`; BoE IADB `CSVF=TN`):
 * figures are the real change dates up to 2025, nothing later unless a test says so.
 */
export type Behaviour =
  | { kind: "ok" }
  | { kind: "body"; text: string; type?: string }
  | { kind: "status"; code: number }
  | { kind: "slow"; ms: number };

export interface FakeRateServices {
  ecbBase: string;
  boeBase: string;
  ecb: Behaviour;
  boe: Behaviour;
  /** Extra ECB change dates / BoE changes appended to the real ones. */
  ecbChanges: Array<[string, string]>;
  boeChanges: Array<[string, string]>;
  /** The last day the BoE's daily series reaches. */
  boeUntil: string;
  requests: string[];
  close(): Promise<void>;
}

export const ECB_HEADER =
  "KEY,FREQ,REF_AREA,CURRENCY,PROVIDER_FM,INSTRUMENT_FM,PROVIDER_FM_ID,DATA_TYPE_FM,TIME_PERIOD,OBS_VALUE";

/** The ECB's main refinancing rate by change date (ECB Data Portal, FM.B.U2.EUR.4F.KR.MRR_FR.LEV). */
export const ECB_CHANGES: Array<[string, string]> = [
  ["2016-03-16", "0"],
  ["2022-07-27", "0.5"],
  ["2022-09-14", "1.25"],
  ["2022-11-02", "2"],
  ["2022-12-21", "2.5"],
  ["2023-02-08", "3"],
  ["2023-03-22", "3.5"],
  ["2023-05-10", "3.75"],
  ["2023-06-21", "4"],
  ["2023-08-02", "4.25"],
  ["2023-09-20", "4.5"],
  ["2024-06-12", "4.25"],
  ["2024-09-18", "3.65"],
  ["2024-10-23", "3.4"],
  ["2024-12-18", "3.15"],
  ["2025-02-05", "2.9"],
  ["2025-03-12", "2.65"],
  ["2025-04-23", "2.4"],
  ["2025-06-11", "2.15"],
];

/** Bank Rate changes (Bank of England database, IUDBEDR); the series itself has a row per business day. */
export const BOE_CHANGES: Array<[string, string]> = [
  ["2018-08-02", "0.75"],
  ["2020-03-11", "0.25"],
  ["2020-03-19", "0.10"],
  ["2021-12-16", "0.25"],
  ["2022-02-03", "0.50"],
  ["2022-03-17", "0.75"],
  ["2022-05-05", "1.00"],
  ["2022-06-16", "1.25"],
  ["2022-08-04", "1.75"],
  ["2022-09-22", "2.25"],
  ["2022-11-03", "3.00"],
  ["2022-12-15", "3.50"],
  ["2023-02-02", "4.00"],
  ["2023-03-23", "4.25"],
  ["2023-05-11", "4.50"],
  ["2023-06-22", "5.00"],
  ["2023-08-03", "5.25"],
  ["2024-08-01", "5.00"],
  ["2024-11-07", "4.75"],
  ["2025-02-06", "4.50"],
  ["2025-05-08", "4.25"],
  ["2025-08-07", "4.00"],
  ["2025-12-18", "3.75"],
];

export function ecbCsv(changes: Array<[string, string]>): string {
  const rows = changes.map(([on, rate]) => `FM.B.U2.EUR.4F.KR.MRR_FR.LEV,B,U2,EUR,4F,KR,MRR_FR,LEV,${on},${rate}`);
  return `${[ECB_HEADER, ...rows].join("\r\n")}\r\n`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The IADB's CSV for IUDBEDR: `DATE,IUDBEDR` then `02 Jan 2019,0.75`, one row per weekday. */
export function boeCsv(changes: Array<[string, string]>, from: string, until: string): string {
  const sorted = [...changes].sort((a, b) => a[0].localeCompare(b[0]));
  const lines = ["DATE,IUDBEDR"];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= until; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const rate = sorted.findLast(([on]) => on <= day)?.[1];
    if (rate === undefined) continue;
    lines.push(`${String(d.getUTCDate()).padStart(2, "0")} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()},${rate}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function startFakeRateServices(): Promise<FakeRateServices> {
  const fake = {
    ecb: { kind: "ok" },
    boe: { kind: "ok" },
    ecbChanges: [],
    boeChanges: [],
    boeUntil: "2026-11-27",
    requests: [],
  } as unknown as FakeRateServices;
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "";
    fake.requests.push(url);
    const which = url.startsWith("/ecb/service/data/FM/B.U2.EUR.4F.KR.MRR_FR.LEV?")
      ? "ecb"
      : url.startsWith("/boe/_iadb-fromshowcolumns.asp?") && url.includes("SeriesCodes=IUDBEDR")
        ? "boe"
        : undefined;
    if (!which) {
      res.writeHead(404, { "content-type": "text/plain" }).end("No results found.");
      return;
    }
    const behaviour = fake[which];
    const body = () =>
      which === "ecb"
        ? ecbCsv([...ECB_CHANGES, ...fake.ecbChanges])
        : boeCsv([...BOE_CHANGES, ...fake.boeChanges], "2019-01-01", fake.boeUntil);
    switch (behaviour.kind) {
      case "ok":
        res.writeHead(200, { "content-type": which === "ecb" ? "text/csv" : "application/csv" }).end(body());
        return;
      case "body":
        res.writeHead(200, { "content-type": behaviour.type ?? "text/csv" }).end(behaviour.text);
        return;
      case "status":
        res
          .writeHead(behaviour.code, { "content-type": "text/html" })
          .end("<html><body>Service unavailable</body></html>");
        return;
      case "slow": {
        // Headers at once, the body late: the limit covers the whole answer.
        res.writeHead(200, { "content-type": "text/csv" });
        res.write(which === "ecb" ? `${ECB_HEADER}\r\n` : "DATE,IUDBEDR\n");
        const timer = setTimeout(() => res.end(body()), behaviour.ms);
        res.on("close", () => clearTimeout(timer));
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.ecbBase = `http://127.0.0.1:${port}/ecb/service/`;
  fake.boeBase = `http://127.0.0.1:${port}/boe/`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
