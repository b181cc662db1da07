import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * A local Stripe API for tests, built from Stripe's published OpenAPI material: the example
 * objects of stripe/openapi (fixtures/stripe-objects.json, what stripe-mock serves) are the
 * templates, and the list endpoints behave as the spec describes them (`object: "list"`,
 * `data`, `has_more`, `url`; `limit`, `starting_after`, `created[gte|gt]`, `types[]`; newest
 * first). Errors have Stripe's shape (`{ error: { type, message } }`).
 */
const fixtures = JSON.parse(readFileSync(new URL("./fixtures/stripe-objects.json", import.meta.url), "utf8")) as Record<
  "invoice" | "credit_note" | "customer" | "event",
  Record<string, unknown>
>;

type StripeObject = Record<string, unknown> & { id: string; created: number };

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export class FakeStripeApi {
  readonly invoices = new Map<string, StripeObject>();
  readonly creditNotes = new Map<string, StripeObject>();
  readonly customers = new Map<string, StripeObject>();
  readonly events: StripeObject[] = [];
  readonly requests: RecordedRequest[] = [];
  /** Keys the fake accepts. */
  readonly keys = new Set<string>();
  /** While set, every call answers this status (500: Stripe down). */
  failWith: number | undefined;
  #seq = 0;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(keys: string[] = ["sk_test_tact123456"]): Promise<FakeStripeApi> {
    let fake: FakeStripeApi | undefined;
    const server = http.createServer((req, res) => fake?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeStripeApi(server, `http://127.0.0.1:${port}`);
    for (const k of keys) fake.keys.add(k);
    return fake;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.invoices.clear();
    this.creditNotes.clear();
    this.customers.clear();
    this.events.length = 0;
    this.requests.length = 0;
    this.failWith = undefined;
  }

  callsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  #id(prefix: string): string {
    this.#seq += 1;
    return `${prefix}_T${String(this.#seq).padStart(10, "0")}`;
  }

  /** A customer from the example object. */
  customer(overrides: Partial<StripeObject> & { name: string | null }): StripeObject {
    const id = overrides.id ?? this.#id("cus");
    const object = { ...structuredClone(fixtures.customer), ...overrides, id } as StripeObject;
    this.customers.set(id, object);
    return object;
  }

  /**
   * An invoice from the example object: finalized (open) unless a status says otherwise.
   * `created`, `due_date` and the `status_transitions` are unix seconds.
   */
  invoice(overrides: Partial<StripeObject> & { customer: string; total: number }): StripeObject {
    const id = overrides.id ?? this.#id("in");
    const created = overrides.created ?? Math.floor(Date.now() / 1000);
    const base = structuredClone(fixtures.invoice);
    const object = {
      ...base,
      status: "open",
      number: `TACT-${String(this.#seq).padStart(4, "0")}`,
      amount_due: overrides.total,
      amount_paid: 0,
      amount_remaining: overrides.total,
      subtotal: overrides.total,
      currency: "eur",
      collection_method: "send_invoice",
      created,
      effective_at: created,
      status_transitions: { finalized_at: created, marked_uncollectible_at: null, paid_at: null, voided_at: null },
      ...overrides,
      id,
    } as StripeObject;
    this.invoices.set(id, object);
    return object;
  }

  /** An open invoice of `customer` (Stripe copies its name on the invoice), created and due at these Unix times. */
  invoiceOf(customer: StripeObject, number: string, total: number, created: number, due?: number): StripeObject {
    const dueDate = due === undefined ? {} : { due_date: due };
    return this.invoice({ customer: customer.id, customer_name: customer.name, number, total, created, ...dueDate });
  }

  /** Changes an invoice as Stripe would (a payment, a void), returning the new object. */
  update(id: string, changes: Partial<StripeObject>): StripeObject {
    const current = this.invoices.get(id) ?? this.creditNotes.get(id) ?? this.customers.get(id);
    if (!current) throw new Error(`no object ${id}`);
    const next = { ...current, ...changes } as StripeObject;
    if (current.object === "invoice") this.invoices.set(id, next);
    else if (current.object === "credit_note") this.creditNotes.set(id, next);
    else this.customers.set(id, next);
    return next;
  }

  creditNote(overrides: Partial<StripeObject> & { invoice: string; amount: number }): StripeObject {
    const id = overrides.id ?? this.#id("cn");
    const created = overrides.created ?? Math.floor(Date.now() / 1000);
    const object = {
      ...structuredClone(fixtures.credit_note),
      status: "issued",
      total: overrides.amount,
      created,
      effective_at: created,
      ...overrides,
      id,
    } as StripeObject;
    this.creditNotes.set(id, object);
    return object;
  }

  /** An event (the example event, carrying this object), kept for /v1/events. */
  event(type: string, object: StripeObject, created: number): StripeObject {
    const event = {
      ...structuredClone(fixtures.event),
      id: this.#id("evt"),
      type,
      created,
      data: { object: structuredClone(object) },
    } as StripeObject;
    this.events.push(event);
    return event;
  }

  handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", this.url);
    const authorization = req.headers.authorization;
    this.requests.push({ method: req.method ?? "GET", path: url.pathname, query: url.searchParams, authorization });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": `req_${this.#seq}` });
      res.end(JSON.stringify(body));
    };
    if (this.failWith) {
      return send(this.failWith, { error: { type: "api_error", message: "An unknown error occurred (fake outage)." } });
    }
    const key = authorization?.replace(/^Bearer /, "") ?? "";
    if (!this.keys.has(key)) {
      return send(401, {
        error: { type: "invalid_request_error", message: `Invalid API Key provided: ${key.slice(0, 8)}****` },
      });
    }
    const lists: Record<string, () => StripeObject[]> = {
      "/v1/invoices": () => [...this.invoices.values()],
      "/v1/credit_notes": () => [...this.creditNotes.values()],
      "/v1/customers": () => [...this.customers.values()],
      "/v1/events": () => this.events,
    };
    const list = lists[url.pathname];
    if (req.method === "GET" && list) return send(200, this.#page(url, list()));
    const one = /^\/v1\/(invoices|credit_notes|customers)\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && one) {
      const map = { invoices: this.invoices, credit_notes: this.creditNotes, customers: this.customers }[
        one[1] as "invoices"
      ];
      const found = map.get(one[2] ?? "");
      if (found) return send(200, found);
      return send(404, { error: { type: "invalid_request_error", message: `No such object: '${one[2]}'` } });
    }
    return send(404, {
      error: { type: "invalid_request_error", message: `Unrecognized request URL (${url.pathname})` },
    });
  }

  /** One page of a list, newest first, filtered as the spec's list parameters say. */
  #page(url: URL, all: StripeObject[]) {
    const q = url.searchParams;
    const limit = Math.min(100, Math.max(1, Number(q.get("limit") ?? 10)));
    const gte = q.get("created[gte]");
    const gt = q.get("created[gt]");
    const types = [...q.entries()].filter(([k]) => /^types\[\d*\]$/.test(k)).map(([, v]) => v);
    let rows = all
      .filter((o) => (gte === null || o.created >= Number(gte)) && (gt === null || o.created > Number(gt)))
      .filter((o) => types.length === 0 || types.includes(String(o.type)))
      .sort((a, b) => b.created - a.created || b.id.localeCompare(a.id));
    const after = q.get("starting_after");
    if (after) rows = rows.slice(rows.findIndex((o) => o.id === after) + 1);
    return { object: "list", data: rows.slice(0, limit), has_more: rows.length > limit, url: url.pathname };
  }
}

/** A webhook delivery signed with Stripe's own scheme (the SDK's test helper). */
export function signedEvent(
  event: StripeObject,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) };
}
