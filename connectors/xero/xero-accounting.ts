import type { AccountingApi } from "xero-node/dist/gen/api/accountingApi.js";
import type { Invoice } from "xero-node/dist/gen/model/accounting/invoice.js";
import { retryAfterSeconds, XeroHttpError } from "./xero-errors.ts";

let sdk: Promise<typeof AccountingApi> | undefined;

/**
 * xero-node's Accounting API client, loaded the first time Xero is read. Only its accounting
 * module is loaded: the whole package (payroll, assets, projects…) takes several seconds to
 * load, the accounting module about half of that, and a deployment without Xero (and the
 * console) pays for neither.
 */
export function loadAccountingApi(): Promise<typeof AccountingApi> {
  sdk ??= import("xero-node/dist/gen/api/accountingApi.js").then((m) => m.AccountingApi);
  return sdk;
}

const TIMEOUT_MS = 30_000;

/** One page of a listing of ACCREC and ACCPAY invoices, as xero-node reads them. */
export interface InvoiceQuery {
  tenantId: string;
  accessToken: string;
  ifModifiedSince?: Date | undefined;
  where: string;
  statuses?: string[] | undefined;
  page: number;
  pageSize: number;
}

/**
 * GET /Invoices through xero-node, pointed at XERO_API_URL's Accounting API. xero-node rejects
 * a failed call with a JSON string that also holds the request's headers (the bearer token):
 * only the status, Retry-After and Xero's own detail are kept of it.
 */
export async function listInvoices(base: string, q: InvoiceQuery): Promise<Invoice[]> {
  const Api = await loadAccountingApi();
  const api = new Api(base);
  api.accessToken = q.accessToken;
  const call = api.getInvoices(
    q.tenantId,
    q.ifModifiedSince,
    q.where,
    "UpdatedDateUTC ASC",
    undefined,
    undefined,
    undefined,
    q.statuses,
    q.page,
    undefined,
    undefined,
    undefined,
    undefined,
    q.pageSize,
  );
  const { body } = await withTimeout(call.catch((rejection: unknown) => Promise.reject(readRejection(rejection))));
  return body.invoices ?? [];
}

function readRejection(rejection: unknown): unknown {
  if (typeof rejection !== "string") return rejection;
  let parsed: { response?: { statusCode?: unknown; headers?: Record<string, unknown>; body?: unknown } };
  try {
    parsed = JSON.parse(rejection);
  } catch {
    return new XeroHttpError(0, undefined, "");
  }
  const status = typeof parsed.response?.statusCode === "number" ? parsed.response.statusCode : 0;
  const retryAfter = parsed.response?.headers?.["retry-after"];
  const body = parsed.response?.body as Record<string, unknown> | string | undefined;
  const detail = typeof body === "object" && body && typeof body.Detail === "string" ? body.Detail : "";
  if (status === 0) {
    // No answer at all: the connection failed (xero-node keeps axios's message as the body).
    return Object.assign(new Error("Xero could not be reached"), { code: connectionCode(body) });
  }
  return new XeroHttpError(
    status,
    retryAfterSeconds(typeof retryAfter === "string" ? retryAfter : undefined),
    detail.slice(0, 100),
  );
}

function connectionCode(body: unknown): string {
  const text = typeof body === "string" ? body : "";
  const code = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN/.exec(text)?.[0];
  return code ?? (/socket hang up/i.test(text) ? "ECONNRESET" : "ECONNABORTED");
}

async function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("Xero did not answer in time"), { name: "TimeoutError" })),
      TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
