import type Stripe from "stripe";
import type { Connector, ConnectorAccount, SourceChange, SyncWindow } from "../../src/connectors/connector.ts";
import { SourceError } from "../../src/connectors/connector.ts";
import { MalformedChangeError } from "../../src/connectors/validate-source-change.ts";
import { mapStripeObject, stripeEventTypes } from "./map-stripe.ts";
import { createStripeClient, loadStripe } from "./stripe-client.ts";

const PAGE = 100;

/**
 * Stripe through its official client. A backfill lists the invoices and credit notes created
 * in the window, every page; a catch-up lists the events since the last sync (Stripe keeps 30
 * days of them) and applies them oldest first, as the webhooks would have.
 */
export function stripeConnector(options: { apiUrl?: string | undefined }): Connector {
  return {
    source: "stripe",
    label: "Stripe",
    changes: (account, window) => stripeChanges(account, window, options.apiUrl),
    async verify(secrets) {
      const stripe = await createStripeClient(secrets.apiKey ?? "", options.apiUrl);
      try {
        await stripe.invoices.list({ limit: 1 });
      } catch (error) {
        throw sourceError(error, await loadStripe());
      }
      return { accountId: null };
    },
  };
}

async function* stripeChanges(
  account: ConnectorAccount,
  window: SyncWindow,
  apiUrl: string | undefined,
): AsyncGenerator<SourceChange | MalformedChangeError> {
  const stripe = await createStripeClient(account.secrets.apiKey ?? "", apiUrl);
  const map = (object: unknown, version: number) => {
    try {
      return mapStripeObject(object, version, account.timezone);
    } catch (error) {
      if (error instanceof MalformedChangeError) return error;
      throw error;
    }
  };
  try {
    if (!window.since) {
      const version = seconds(window.now);
      const from = seconds(window.backfillFrom);
      for await (const invoice of stripe.invoices.list({ created: { gte: from }, limit: PAGE })) {
        yield map(invoice, version);
      }
      for await (const note of stripe.creditNotes.list({ created: { gte: from }, limit: PAGE })) {
        yield map(note, version);
      }
      return;
    }
    const events: Stripe.Event[] = [];
    const list = stripe.events.list({
      types: [...stripeEventTypes],
      created: { gt: seconds(window.since) },
      limit: PAGE,
    });
    for await (const event of list) events.push(event);
    // Stripe lists newest first; applied oldest first, as they happened.
    events.sort((a, b) => a.created - b.created || a.id.localeCompare(b.id));
    for (const event of events) yield map(event.data.object, event.created);
  } catch (error) {
    throw sourceError(error, await loadStripe());
  }
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Stripe's error as the owner should read it (never the key; Stripe's messages do not echo it whole). */
export function sourceError(error: unknown, StripeSdk: typeof Stripe): SourceError {
  if (error instanceof StripeSdk.errors.StripeAuthenticationError) {
    return new SourceError("Stripe refused the secret key (authentication failed)", false);
  }
  if (error instanceof StripeSdk.errors.StripePermissionError) {
    return new SourceError("the key may not read invoices (Stripe permission error)", false);
  }
  if (error instanceof StripeSdk.errors.StripeConnectionError) {
    return new SourceError("Stripe could not be reached", true);
  }
  if (error instanceof StripeSdk.errors.StripeRateLimitError) {
    return new SourceError("Stripe asked to slow down (rate limit)", true);
  }
  if (error instanceof StripeSdk.errors.StripeError) {
    const status = error.statusCode ? ` ${error.statusCode}` : "";
    return new SourceError(`Stripe answered with an error${status} (${error.type})`, true);
  }
  if (error instanceof SourceError) return error;
  return new SourceError("Stripe could not be read (unexpected answer)", true);
}
