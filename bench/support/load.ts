import http from "node:http";
import { performance } from "node:perf_hooks";
import type { SignedRequest } from "../../test/support/signed-requests.ts";

/** One request sent: when (performance.now()), how long until the HTTP answer, its status. */
export interface Sample {
  index: number;
  sentAt: number;
  ms: number;
  status: number;
  body: string;
}

export interface LoadTarget {
  base: string;
  agent: http.Agent;
}

export function loadTarget(base: string, sockets: number): LoadTarget {
  return { base, agent: new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets }) };
}

export function send(target: LoadTarget, request: SignedRequest, index = 0): Promise<Sample> {
  const sentAt = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${target.base}${request.path}`,
      {
        method: "POST",
        agent: target.agent,
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            index,
            sentAt,
            ms: performance.now() - sentAt,
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(request.body);
  });
}

/**
 * `total` requests from `concurrency` senders, each sending its next as soon as the last is
 * answered, or, with `done`, as soon as its work is done (its confirmation arrived).
 */
export async function closedLoop(
  target: LoadTarget,
  options: {
    total: number;
    concurrency: number;
    make: (index: number) => SignedRequest;
    done?: (index: number, sample: Sample) => Promise<void>;
  },
): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    for (let i = next++; i < options.total; i = next++) {
      const sample = await send(target, options.make(i), i);
      samples.push(sample);
      await options.done?.(i, sample);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { samples, seconds: (performance.now() - start) / 1000 };
}

/**
 * Requests at a steady rate, whatever the answers' speed (an open loop, as Slack sends
 * them): request i leaves at start + i / rate.
 */
export async function openLoop(
  target: LoadTarget,
  options: { rate: number; total: number; make: (index: number) => SignedRequest },
): Promise<{ samples: Sample[]; seconds: number }> {
  const start = performance.now();
  const pending: Promise<Sample>[] = [];
  for (let i = 0; i < options.total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(target, options.make(i), i));
  }
  const samples = await Promise.all(pending);
  return { samples, seconds: (performance.now() - start) / 1000 };
}

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Whether an acknowledgement carries the answer (Bolt's `ack(message)`), not just an empty 200. */
export function answersInline(sample: Sample): boolean {
  if (sample.status !== 200 || sample.body.trim() === "") return false;
  try {
    const json = JSON.parse(sample.body) as { text?: unknown; blocks?: unknown };
    return typeof json.text === "string" || Array.isArray(json.blocks);
  } catch {
    return false;
  }
}
