import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local Xero for tests, built from XeroAPI/Xero-OpenAPI (xero-identity.yaml,
 * xero_accounting.yaml, xero-webhooks.yaml; the example objects are in
 * fixtures/xero-examples.json) and Xero's OAuth 2.0 documentation: one server for the
 * identity service (/connect/authorize, /connect/token), the connections (/connections) and
 * the Accounting API (/api.xro/2.0/Invoices with where, Statuses, page, pageSize, order and
 * If-Modified-Since). Dates are Xero's `/Date(ms+0000)/`; errors have Xero's shapes.
 */
export const examples = JSON.parse(readFileSync(new URL("./fixtures/xero-examples.json", import.meta.url), "utf8")) as {
  invoicesEnvelope: Record<string, unknown>;
  invoice: XeroInvoice;
  payment: Record<string, unknown>;
  appliedCreditNote: Record<string, unknown>;
  connection: Record<string, unknown>;
  webhookEvent: Record<string, unknown>;
  intentToReceive: Record<string, unknown>;
};

export type XeroInvoice = Record<string, unknown> & { InvoiceID: string; Total: number };

export const CLIENT_ID = "0123456789ABCDEF0123456789ABCDEF";
export const CLIENT_SECRET = "fake-xero-client-secret-0123456789";
export const WEBHOOK_KEY = "fakeXeroWebhookKey+0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ==";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Tenant {
  id: string;
  name: string;
  invoices: Map<string, XeroInvoice>;
}

export class FakeXero {
  readonly tenants = new Map<string, Tenant>();
  readonly requests: RecordedRequest[] = [];
  /** Tenants the "user" grants at the consent page; all when undefined. */
  grant: string[] | undefined;
  /** The "user" refuses at the consent page. */
  deny = false;
  /** Answers for the next Accounting API calls, in order (a 429 with Retry-After, a 500, 0: cut…). */
  readonly failures: { status: number; headers?: Record<string, string>; body?: unknown }[] = [];
  /** Refresh tokens and access tokens are refused from now on (the user revoked Tact). */
  revoked = false;
  #codes = new Map<string, { tenants: string[]; redirectUri: string }>();
  #access = new Map<string, { tenants: string[]; expiresAt: number }>();
  #refresh = new Map<string, string[]>();
  #seq = 0;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
    readonly redirectUri: string,
    private readonly now: () => number,
  ) {}

  static async start(options: { redirectUri: string; now: () => number }): Promise<FakeXero> {
    let fake: FakeXero | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => fake?.handle(req, res, Buffer.concat(chunks).toString("utf8")));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeXero(server, `http://127.0.0.1:${port}`, options.redirectUri, options.now);
    return fake;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.tenants.clear();
    this.requests.length = 0;
    this.failures.length = 0;
    this.grant = undefined;
    this.deny = false;
    this.revoked = false;
  }

  callsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  tenant(name: string, id = uuid()): Tenant {
    const t = { id, name, invoices: new Map<string, XeroInvoice>() };
    this.tenants.set(id, t);
    return t;
  }

  /** A sales invoice from the spec's example, dated now (UpdatedDateUTC), with these fields. */
  invoice(
    tenant: Tenant,
    o: { number: string; contact: { id: string; name: string }; total: number; date: string; due: string } & Partial<
      Record<string, unknown>
    >,
  ): XeroInvoice {
    const { number, contact, total, date, due, ...rest } = o;
    const invoice: XeroInvoice = {
      ...structuredClone(examples.invoice),
      InvoiceID: uuid(),
      InvoiceNumber: number,
      Contact: { ...(examples.invoice.Contact as object), ContactID: contact.id, Name: contact.name },
      SubTotal: total,
      TotalTax: 0,
      Total: total,
      AmountDue: total,
      DateString: `${date}T00:00:00`,
      Date: msDate(Date.parse(`${date}T00:00:00Z`)),
      DueDateString: `${due}T00:00:00`,
      DueDate: msDate(Date.parse(`${due}T00:00:00Z`)),
      CurrencyCode: "EUR",
      ...rest,
    };
    this.#touch(invoice);
    tenant.invoices.set(invoice.InvoiceID, invoice);
    return invoice;
  }

  /** An approved (AUTHORISED) sales invoice: dated `date`, due `due` (YYYY-MM-DD). */
  approved(
    tenant: Tenant,
    number: string,
    contact: { id: string; name: string },
    total: number,
    date: string,
    due: string,
  ) {
    return this.invoice(tenant, { number, contact, total, date, due, Status: "AUTHORISED" });
  }

  /** Changes an invoice as Xero would (UpdatedDateUTC moves to now). */
  update(tenant: Tenant, id: string, changes: Record<string, unknown>): XeroInvoice {
    const invoice = tenant.invoices.get(id);
    if (!invoice) throw new Error(`no invoice ${id}`);
    Object.assign(invoice, changes);
    this.#touch(invoice);
    return invoice;
  }

  /** A payment received on `day`: AmountPaid grows, AmountDue shrinks, PAID when nothing is due. */
  pay(tenant: Tenant, id: string, amount: number, day: string): XeroInvoice {
    const invoice = tenant.invoices.get(id);
    if (!invoice) throw new Error(`no invoice ${id}`);
    const payments = [
      ...((invoice.Payments as unknown[]) ?? []),
      { ...examples.payment, PaymentID: uuid(), Amount: amount, Date: msDate(Date.parse(`${day}T00:00:00Z`)) },
    ];
    const paid = round2(Number(invoice.AmountPaid) + amount);
    const due = round2(Number(invoice.AmountDue) - amount);
    return this.update(tenant, id, {
      Payments: payments,
      AmountPaid: paid,
      AmountDue: due,
      ...(due === 0 ? { Status: "PAID", FullyPaidOnDate: msDate(Date.parse(`${day}T00:00:00Z`)) } : {}),
    });
  }

  /** A credit note of `amount` allocated to the invoice on `day`. */
  credit(tenant: Tenant, id: string, amount: number, day: string): XeroInvoice {
    const invoice = tenant.invoices.get(id);
    if (!invoice) throw new Error(`no invoice ${id}`);
    const notes = [
      ...((invoice.CreditNotes as unknown[]) ?? []),
      {
        ...examples.appliedCreditNote,
        CreditNoteID: uuid(),
        ID: uuid(),
        AppliedAmount: amount,
        Date: msDate(Date.parse(`${day}T00:00:00Z`)),
      },
    ];
    const credited = round2(Number(invoice.AmountCredited) + amount);
    const due = round2(Number(invoice.AmountDue) - amount);
    return this.update(tenant, id, {
      CreditNotes: notes,
      AmountCredited: credited,
      AmountDue: due,
      ...(due === 0 ? { Status: "PAID" } : {}),
    });
  }

  #touch(invoice: XeroInvoice): void {
    // Xero's UpdatedDateUTC has milliseconds; a sequence keeps two changes in one test instant ordered.
    const ms = this.now() + (this.#seq++ % 1000);
    invoice.UpdatedDateUTC = msDate(ms);
    invoice.UpdatedDateUTCString = `${new Date(ms).toISOString().slice(0, 19)}Z`;
  }

  /** A webhook delivery's body and signature, as Xero sends them. */
  webhook(events: Record<string, unknown>[], key = WEBHOOK_KEY): { body: string; signature: string } {
    const body = JSON.stringify({
      events,
      firstEventSequence: 1,
      lastEventSequence: Math.max(1, events.length),
      entropy: randomBytes(10).toString("hex").toUpperCase(),
    });
    return { body, signature: sign(body, key) };
  }

  invoiceEvent(tenant: Tenant, invoice: XeroInvoice, eventType = "UPDATE"): Record<string, unknown> {
    return {
      ...examples.webhookEvent,
      resourceUrl: `https://api.xero.com/api.xro/2.0/Invoices/${invoice.InvoiceID}`,
      resourceId: invoice.InvoiceID,
      eventDateUtc: new Date(this.now()).toISOString().slice(0, 23),
      eventType,
      tenantId: tenant.id,
    };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): unknown {
    const url = new URL(req.url ?? "/", this.url);
    this.requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
        .end(JSON.stringify(value));
    if (req.method === "GET" && url.pathname === "/connect/authorize") return this.authorize(url, res, json);
    if (req.method === "POST" && url.pathname === "/connect/token") return this.token(req, body, json);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const access = bearer ? this.#access.get(bearer) : undefined;
    const authorized = access && !this.revoked && access.expiresAt > this.now();
    if (req.method === "GET" && url.pathname === "/connections") {
      if (!authorized) return json(401, { Title: "Unauthorized", Status: 401, Detail: "AuthenticationUnsuccessful" });
      return json(
        200,
        access.tenants.flatMap((id) => {
          const t = this.tenants.get(id);
          return t
            ? [{ ...examples.connection, id: uuid(), authEventId: uuid(), tenantId: t.id, tenantName: t.name }]
            : [];
        }),
      );
    }
    if (req.method === "GET" && url.pathname === "/api.xro/2.0/Invoices") {
      const failure = this.failures.shift();
      // Status 0: the connection is cut without an answer (a kept-alive socket closed under the client).
      if (failure?.status === 0) return req.socket.destroy();
      if (failure)
        return json(failure.status, failure.body ?? { Title: "Error", Status: failure.status }, failure.headers);
      if (!authorized)
        return json(401, { Type: null, Title: "Unauthorized", Status: 401, Detail: "TokenExpired: token expired" });
      const tenantId = String(req.headers["xero-tenant-id"] ?? "");
      if (!access.tenants.includes(tenantId)) {
        return json(403, { Type: null, Title: "Forbidden", Status: 403, Detail: "AuthorizationUnsuccessful" });
      }
      return this.listInvoices(tenantId, url, req, json);
    }
    json(404, { Title: "NotFound", Status: 404 });
  }

  private authorize(url: URL, res: http.ServerResponse, json: (s: number, v: unknown) => unknown): unknown {
    const q = url.searchParams;
    const scopes = (q.get("scope") ?? "").split(" ");
    if (
      q.get("response_type") !== "code" ||
      q.get("client_id") !== CLIENT_ID ||
      q.get("redirect_uri") !== this.redirectUri ||
      !scopes.includes("offline_access") ||
      !scopes.includes("accounting.invoices.read")
    ) {
      return json(400, { error: "invalid_request" });
    }
    const back = new URL(this.redirectUri);
    back.searchParams.set("state", q.get("state") ?? "");
    if (this.deny) back.searchParams.set("error", "access_denied");
    else {
      const code = randomBytes(16).toString("hex");
      this.#codes.set(code, { tenants: this.grant ?? [...this.tenants.keys()], redirectUri: this.redirectUri });
      back.searchParams.set("code", code);
    }
    // The user consented: Xero sends the browser back to the app.
    res.writeHead(302, { location: back.toString() }).end();
  }

  private token(req: http.IncomingMessage, body: string, json: (s: number, v: unknown) => unknown): unknown {
    const basic = Buffer.from(/^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "", "base64").toString();
    if (basic !== `${CLIENT_ID}:${CLIENT_SECRET}`) return json(400, { error: "invalid_client" });
    const form = new URLSearchParams(body);
    let tenants: string[] | undefined;
    if (form.get("grant_type") === "authorization_code") {
      const code = this.#codes.get(form.get("code") ?? "");
      this.#codes.delete(form.get("code") ?? "");
      if (!code || code.redirectUri !== form.get("redirect_uri")) return json(400, { error: "invalid_grant" });
      tenants = code.tenants;
    } else if (form.get("grant_type") === "refresh_token") {
      const old = form.get("refresh_token") ?? "";
      tenants = this.revoked ? undefined : this.#refresh.get(old);
      // Refresh tokens rotate: the old one is spent.
      this.#refresh.delete(old);
      if (!tenants) return json(400, { error: "invalid_grant" });
    } else {
      return json(400, { error: "unsupported_grant_type" });
    }
    const accessToken = `xat_${randomBytes(24).toString("hex")}`;
    const refreshToken = `xrt_${randomBytes(24).toString("hex")}`;
    this.#access.set(accessToken, { tenants, expiresAt: this.now() + 1800_000 });
    this.#refresh.set(refreshToken, tenants);
    json(200, {
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: 1800,
      token_type: "Bearer",
      scope: "offline_access accounting.invoices.read",
    });
  }

  private listInvoices(
    tenantId: string,
    url: URL,
    req: http.IncomingMessage,
    json: (s: number, v: unknown) => unknown,
  ): unknown {
    const q = url.searchParams;
    let list = [...(this.tenants.get(tenantId)?.invoices.values() ?? [])];
    for (const clause of (q.get("where") ?? "").split(" AND ").filter((c) => c.trim() !== "")) {
      const type = /^Type=="(\w+)"$/.exec(clause.trim());
      const date = /^Date>=DateTime\((\d+),(\d+),(\d+)\)$/.exec(clause.trim());
      if (type) list = list.filter((i) => i.Type === type[1]);
      else if (date) {
        const from = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
        list = list.filter((i) => msOf(i.Date) >= from);
      } else {
        return json(400, {
          ErrorNumber: 16,
          Type: "QueryParseException",
          Message: `the fake does not know this clause: ${clause}`,
        });
      }
    }
    const statuses = q.get("Statuses")?.split(",");
    if (statuses) list = list.filter((i) => statuses.includes(String(i.Status)));
    const since = req.headers["if-modified-since"];
    if (typeof since === "string") {
      const at = Date.parse(since);
      if (Number.isNaN(at)) return json(400, { Title: "Bad If-Modified-Since" });
      list = list.filter((i) => msOf(i.UpdatedDateUTC) > at);
    }
    if (q.get("order") && q.get("order") !== "UpdatedDateUTC ASC") return json(400, { Title: "unsupported order" });
    list.sort((a, b) => msOf(a.UpdatedDateUTC) - msOf(b.UpdatedDateUTC) || a.InvoiceID.localeCompare(b.InvoiceID));
    const pageSize = Number(q.get("pageSize") ?? 100);
    const page = Number(q.get("page") ?? 1);
    const slice = list.slice((page - 1) * pageSize, page * pageSize);
    json(200, {
      ...examples.invoicesEnvelope,
      pagination: { page, pageSize, pageCount: Math.ceil(list.length / pageSize), itemCount: list.length },
      Invoices: slice,
    });
  }
}

export function sign(body: string, key = WEBHOOK_KEY): string {
  return createHmac("sha256", key).update(body).digest("base64");
}

export function msDate(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

function msOf(value: unknown): number {
  return Number(/\/Date\((-?\d+)/.exec(String(value))?.[1] ?? Number.NaN);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function uuid(): string {
  const h = randomBytes(16).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
