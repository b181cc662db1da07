/** Invoice sources: Stripe (and Xero), their connections, links and syncs (issue #17). */
export const sources = {
  argNames: { source: "source", customer: "customer id", now: "now" },
  help: {
    connect: {
      summary: "connect an invoice source",
      details:
        "`/client connect stripe` opens a private form for the Stripe secret key (a restricted key that may read invoices, credit notes, customers and events is enough). Tact checks the key, stores it encrypted, reads the last 12 months of invoices, then catches up every day. Run it again to add the webhook's signing secret or change the key. A deployment set up with STRIPE_SECRET_KEY is already connected. `/client connect xero` sends you a link by direct message: allow Tact to read your Xero invoices, choose the organisation, and Tact reads its open invoices, then follows Xero's changes.",
    },
    link: {
      summary: "link a source's customer to a client",
      details:
        "`/client link acme stripe cus_123`: the customer's invoices are recorded for this client, the waiting ones at once. Without a link, a customer whose name is exactly a client's display name or alias is matched; any other waits in /client unlinked. Tact never creates a client by itself.",
    },
    unlinked: {
      summary: "list the source's customers not linked to a client",
      details: "Each customer with the invoices waiting for a client, and how to link it.",
    },
    sync: {
      summary: "see how the invoice sources sync",
      details:
        "Each connection's last sync, what it holds (invoices recorded, waiting, customers not linked) and its last error. `/client sync now` runs the catch-up now instead of waiting for the day's.",
    },
  },
  ownerActions: {
    connect: "connect an invoice source",
    link: "link a source's customers to clients",
    sync: "see or run the invoice sources' syncs",
  },
  form: {
    title: (p: { source: string }) => `Connect ${p.source}`,
    submit: "Connect",
    key: "Secret key (sk_… or rk_…)",
    keyAgain: "New secret key (blank: keep)",
    webhookSecret: "Webhook signing secret (whsec_…)",
  },
  oauth: {
    dmTitle: (p: { source: string }) => `Connect ${p.source}`,
    dm: (p: { source: string; url: string; minutes: number }) =>
      `Open this link to let Tact read your ${p.source} invoices (read only). It works once, for ${p.minutes} minutes, and only for you:\n${p.url}`,
    dmAgain: (p: { source: string; account: string }) =>
      `${p.source} is connected to ${p.account} now: connecting again replaces that access (with another organisation too).`,
    sentDm: (p: { source: string }) => `I've sent you a direct message with the link to connect ${p.source}.`,
    page: {
      lang: "en",
      title: (p: { source: string }) => `Tact · ${p.source}`,
      connected: (p: { source: string; account: string }) => `${p.source} is connected: ${p.account}.`,
      next: "Tact is reading its open invoices now. You can close this tab: /client sync shows how it goes, and /client unlinked the customers it could not match to a client.",
      invalid: (p: { key: string }) =>
        `This link is not valid: it has expired (a link lasts 10 minutes), was already used, or was cut short. Nothing was connected. Run /client connect ${p.key} again for a new one.`,
      notOwner: (p: { source: string }) =>
        `Only the workspace owner can connect ${p.source}, and whoever asked for this link is not the owner any more. Nothing was connected.`,
      denied: (p: { source: string; key: string }) =>
        `${p.source} was not connected: access was not allowed. Run /client connect ${p.key} to try again.`,
      refused: (p: { source: string; reason: string; key: string }) =>
        `${p.source} did not accept the connection${p.reason ? ` (${p.reason})` : ""}. Nothing was connected. Run /client connect ${p.key} to try again.`,
      noAccount: (p: { source: string; key: string }) =>
        `${p.source} gave access to no organisation, so nothing was connected. Run /client connect ${p.key} again and choose an organisation.`,
      failed: (p: { source: string; key: string }) =>
        `Something went wrong on Tact's side; nothing was connected. Try /client connect ${p.key} again in a moment.`,
      choose: {
        title: (p: { source: string }) => `Which ${p.source} organisation?`,
        text: (p: { source: string }) =>
          `You gave access to several ${p.source} organisations. Choose the one whose invoices Tact should read (this page works once, for 10 minutes):`,
        submit: "Connect this one",
      },
    },
    paused: (p: { source: string; since: string; reason: string; key: string }) =>
      `${p.source} stopped syncing on ${p.since}: ${p.reason}. Nothing is read from ${p.source} until you connect it again with /client connect ${p.key}; invoices already recorded stay as they are.`,
    pauseReasons: {
      "tokens-refused": "it no longer accepts Tact's access (the authorisation expired or was revoked)",
      "access-refused": "it refused access to the organisation (disconnected from Tact in Xero, or its access removed)",
      other: "it refused Tact's access",
    },
  },
  stripeEvents:
    "invoice.finalized, invoice.updated, invoice.paid, invoice.payment_succeeded, invoice.voided, invoice.marked_uncollectible, credit_note.created, customer.updated",
  connected: (p: { source: string }) =>
    `${p.source} is connected. Tact is reading the last 12 months of invoices; /client sync shows how it goes, and /client unlinked the customers it could not match to a client.`,
  updated: (p: { source: string }) => `${p.source}'s settings are updated.`,
  webhookNext: (p: { path: string; events: string }) =>
    `So that invoices arrive as they change: in Stripe, Developers → Webhooks, add an endpoint at https://<Tact's address>${p.path} with the events ${p.events}. Then run /client connect stripe again and paste the endpoint's signing secret.`,
  webhookReady: (p: { path: string }) =>
    `Webhook ready: Stripe's events sent to https://<Tact's address>${p.path} are applied as they arrive.`,
  linked: (p: { source: string; customer: string; client: string; recorded: number; waiting: number }) =>
    `${p.source} customer ${p.customer} is now ${p.client}. ${p.recorded === 0 ? "No invoice was waiting." : p.recorded === 1 ? "1 waiting invoice was recorded." : `${p.recorded} waiting invoices were recorded.`}${p.waiting > 0 ? ` ${p.waiting} still wait (see /client unlinked).` : ""}`,
  statuses: {
    draft: "draft",
    open: "open",
    paid: "paid",
    void: "void",
    uncollectible: "uncollectible",
  },
  unlinked: {
    title: "Waiting for a client",
    fallback: (p: { count: number }) => `${p.count} synced invoice(s) wait for a client.`,
    none: "Every synced invoice is recorded for a client.",
    noSource: "No invoice source is connected: /client connect stripe (owner only).",
    customer: (p: { source: string; customer: string; name: string }) =>
      `${p.source} customer ${p.customer} (${p.name})`,
    linkedCustomer: (p: { source: string; customer: string; name: string }) =>
      `${p.source} customer ${p.customer} (${p.name}), linked`,
    invoice: (p: { number: string; amount: string; due: string; status: string }) =>
      `${p.number} · ${p.amount} due ${p.due} · ${p.status}`,
    numberTaken: "(another invoice already has this number)",
    moreInvoices: (p: { count: number }) => `and ${p.count} more`,
    moreCustomers: (p: { count: number }) => `And ${p.count} more customers.`,
    hint: (p: { source: string; customer: string }) =>
      `Link it (owner): /client link <client> ${p.source} ${p.customer}, or add the client with this exact name.`,
  },
  sync: {
    title: "Invoice sources",
    none: "No invoice source is connected: /client connect stripe (owner only).",
    connection: (p: { source: string; origin: string }) => `${p.source} (${p.origin})`,
    fromSettings: "from the deployment's settings",
    fromCommand: "connected with /client connect",
    never: "Not synced yet.",
    lastSync: (p: { at: string; kind: string }) => `Last sync: ${p.at} (${p.kind}).`,
    backfill: "backfill of 12 months",
    catchUp: "catch-up",
    counts: (p: { invoices: number; recorded: number; waiting: number; customers: number; unlinked: number }) =>
      `Invoices: ${p.invoices} seen, ${p.recorded} recorded, ${p.waiting} waiting. Customers: ${p.customers}, ${p.unlinked} not linked.`,
    lastCounts: (p: { seen: number; recorded: number; payments: number; credits: number }) =>
      `That sync: ${p.seen} changes read, ${p.recorded} invoices recorded, ${p.payments} payments, ${p.credits} credit notes.`,
    failing: (p: { since: string; error: string }) => `Failing since ${p.since}: ${p.error}. Tried again with backoff.`,
    next: (p: { at: string }) => `Next sync: ${p.at}.`,
    webhook: (p: { path: string }) => `Webhook: https://<Tact's address>${p.path}`,
    account: (p: { name: string }) => `Organisation: ${p.name}.`,
    paused: (p: { since: string; reason: string; key: string }) =>
      `Paused since ${p.since}: ${p.reason}. /client connect ${p.key} resumes it.`,
    hint: "/client sync now runs the catch-up now.",
    started: (p: { sources: string }) =>
      `Catch-up started for ${p.sources}. /client sync shows how it went in a moment.`,
  },
  digest: {
    failing: (p: { source: string; since: string; error: string }) =>
      `${p.source} sync failing since ${p.since}: ${p.error}. /client sync for details.`,
    unlinked: (p: { source: string; customers: string }) =>
      `${p.source} customers not linked to a client have overdue invoices: ${p.customers}. /client unlinked shows them; /client link (owner) links them.`,
  },
  errors: {
    unavailable: "Invoice sources are not available in this mode.",
    notConnected: (p: { source: string; key: string }) =>
      `${p.source} is not connected to this workspace. The owner connects it with /client connect ${p.key}.`,
    fromSettings: (p: { source: string }) =>
      `${p.source} is connected by this deployment's settings (one workspace): change the key there.`,
    unknownSource: (p: { source: string }) => `${p.source} cannot be connected in this version of Tact.`,
    notConfigured: (p: { source: string; key: string }) =>
      `${p.source} is not set up on this deployment: its operator adds the ${p.source} app's settings first (docs/${p.key}.md).`,
    keyMissing: "The secret key is required (sk_… or rk_…).",
    keyFormat:
      "That is not a Stripe secret key: it starts with sk_live_, sk_test_, rk_live_ or rk_test_. Nothing was saved.",
    webhookSecretFormat: "That is not a webhook signing secret: it starts with whsec_. Nothing was saved.",
    refused: (p: { source: string; reason: string }) =>
      `${p.source} did not accept this key${p.reason ? ` (${p.reason})` : ""}. Nothing was saved.`,
    encryptionKey:
      "Tact stores no secret unencrypted: set TACT_ENCRYPTION_KEY (32 bytes in base64: openssl rand -base64 32) and restart. Nothing was saved.",
    tryAgain: "Someone connected it at the same moment: run /client sync to see it.",
  },
};
