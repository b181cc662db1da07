import type { Catalog } from "../catalog.ts";
import { de } from "./elide.ts";

/** Sources de factures : Stripe (et Xero), connexions, liaisons et synchronisations (ticket 17). */
export const sources: Catalog["sources"] = {
  argNames: { source: "source", customer: "identifiant client", now: "now" },
  help: {
    connect: {
      summary: "connecter une source de factures",
      details:
        "`/client connect stripe` ouvre un formulaire privé pour la clé secrète Stripe (une clé restreinte en lecture sur les factures, avoirs, clients et événements suffit). Tact vérifie la clé, la stocke chiffrée, lit les factures des 12 derniers mois, puis se met à jour chaque jour. Relancez la commande pour ajouter le secret de signature du webhook ou changer de clé. Un déploiement configuré avec STRIPE_SECRET_KEY est déjà connecté. `/client connect xero` vous envoie un lien en message privé : autorisez Tact à lire vos factures Xero, choisissez l'organisation, et Tact lit ses factures en cours puis suit les changements dans Xero.",
    },
    link: {
      summary: "rattacher un client de la source à un client",
      details:
        "`/client link acme stripe cus_123` : les factures de ce client Stripe sont enregistrées pour ce client, celles en attente tout de suite. Sans rattachement, un client Stripe dont le nom est exactement le nom ou un alias d'un client est reconnu ; les autres attendent dans /client unlinked. Tact ne crée jamais de client de lui-même.",
    },
    unlinked: {
      summary: "lister les clients de la source sans client rattaché",
      details: "Chaque client de la source, ses factures en attente et comment le rattacher.",
    },
    sync: {
      summary: "voir la synchronisation des sources",
      details:
        "Pour chaque connexion : la dernière synchronisation, ce qu'elle contient (factures enregistrées, en attente, clients non rattachés) et la dernière erreur. `/client sync now` lance la mise à jour tout de suite au lieu d'attendre celle du jour.",
    },
  },
  ownerActions: {
    connect: "connecter une source de factures",
    link: "rattacher les clients d'une source",
    sync: "voir ou lancer la synchronisation des sources",
  },
  form: {
    title: (p) => `Connecter ${p.source}`,
    submit: "Connecter",
    key: "Clé secrète (sk_… ou rk_…)",
    keyAgain: "Nouvelle clé (vide : inchangée)",
    webhookSecret: "Secret de signature (whsec_…)",
  },
  oauth: {
    dmTitle: (p) => `Connecter ${p.source}`,
    dm: (p) =>
      `Ouvrez ce lien pour autoriser Tact à lire vos factures ${p.source} (en lecture seule). Il ne sert qu'une fois, pendant ${p.minutes} minutes, et pour vous seul :\n${p.url}`,
    dmAgain: (p) =>
      `${p.source} est connecté à ${p.account} : une nouvelle connexion remplace cet accès (y compris vers une autre organisation).`,
    sentDm: (p) => `Je vous ai envoyé en message privé le lien pour connecter ${p.source}.`,
    page: {
      lang: "fr",
      title: (p) => `Tact · ${p.source}`,
      connected: (p) => `${p.source} est connecté : ${p.account}.`,
      next: "Tact lit maintenant ses factures en cours. Vous pouvez fermer cet onglet : /client sync montre l'avancement, et /client unlinked les clients qu'il n'a pas pu rattacher.",
      invalid: (p) =>
        `Ce lien n'est pas valable : il a expiré (un lien dure 10 minutes), a déjà servi, ou a été tronqué. Rien n'a été connecté. Relancez /client connect ${p.key} pour en obtenir un nouveau.`,
      notOwner: (p) =>
        `Seul le responsable de l'espace peut connecter ${p.source}, et la personne qui a demandé ce lien ne l'est plus. Rien n'a été connecté.`,
      denied: (p) =>
        `${p.source} n'a pas été connecté : l'accès n'a pas été autorisé. Relancez /client connect ${p.key} pour réessayer.`,
      refused: (p) =>
        `${p.source} n'a pas accepté la connexion${p.reason ? ` (${p.reason})` : ""}. Rien n'a été connecté. Relancez /client connect ${p.key} pour réessayer.`,
      noAccount: (p) =>
        `${p.source} n'a donné accès à aucune organisation : rien n'a été connecté. Relancez /client connect ${p.key} et choisissez une organisation.`,
      failed: (p) =>
        `Un problème est survenu du côté de Tact ; rien n'a été connecté. Réessayez /client connect ${p.key} dans un instant.`,
      choose: {
        title: (p) => `Quelle organisation ${p.source} ?`,
        text: (p) =>
          `Vous avez donné accès à plusieurs organisations ${p.source}. Choisissez celle dont Tact doit lire les factures (cette page ne sert qu'une fois, pendant 10 minutes) :`,
        submit: "Connecter celle-ci",
      },
    },
    paused: (p) =>
      `${p.source} ne se synchronise plus depuis le ${p.since} : ${p.reason}. Plus rien n'est lu dans ${p.source} tant que vous ne le reconnectez pas avec /client connect ${p.key} ; les factures déjà enregistrées restent telles quelles.`,
    pauseReasons: {
      "tokens-refused": "il n'accepte plus l'accès de Tact (l'autorisation a expiré ou a été révoquée)",
      "access-refused": "il refuse l'accès à l'organisation (déconnectée de Tact dans Xero, ou accès retiré)",
      other: "il refuse l'accès de Tact",
    },
  },
  stripeEvents:
    "invoice.finalized, invoice.updated, invoice.paid, invoice.payment_succeeded, invoice.voided, invoice.marked_uncollectible, credit_note.created, customer.updated",
  connected: (p) =>
    `${p.source} est connecté. Tact lit les factures des 12 derniers mois ; /client sync montre où il en est, et /client unlinked les clients qu'il n'a pas pu rattacher.`,
  updated: (p) => `Les réglages ${de(p.source)} sont à jour.`,
  webhookNext: (p) =>
    `Pour que les factures arrivent au fil de l'eau : dans Stripe, Développeurs → Webhooks, ajoutez un endpoint https://<adresse de Tact>${p.path} avec les événements ${p.events}. Relancez ensuite /client connect stripe et collez le secret de signature de l'endpoint.`,
  webhookReady: (p) =>
    `Webhook prêt : les événements Stripe envoyés à https://<adresse de Tact>${p.path} sont appliqués dès leur arrivée.`,
  linked: (p) =>
    `Le client ${p.source} ${p.customer} est désormais ${p.client}. ${p.recorded === 0 ? "Aucune facture n'attendait." : p.recorded === 1 ? "1 facture en attente a été enregistrée." : `${p.recorded} factures en attente ont été enregistrées.`}${p.waiting > 0 ? ` ${p.waiting} attendent encore (voir /client unlinked).` : ""}`,
  statuses: {
    draft: "brouillon",
    open: "ouverte",
    paid: "payée",
    void: "annulée",
    uncollectible: "irrécouvrable",
  },
  unlinked: {
    title: "En attente d'un client",
    fallback: (p) => `${p.count} facture(s) synchronisée(s) en attente d'un client.`,
    none: "Toutes les factures synchronisées sont enregistrées pour un client.",
    noSource: "Aucune source de factures n'est connectée : /client connect stripe (responsable).",
    customer: (p) => `Client ${p.source} ${p.customer} (${p.name})`,
    linkedCustomer: (p) => `Client ${p.source} ${p.customer} (${p.name}), rattaché`,
    invoice: (p) => `${p.number} · ${p.amount} à régler le ${p.due} · ${p.status}`,
    numberTaken: "(une autre facture porte déjà ce numéro)",
    moreInvoices: (p) => `et ${p.count} de plus`,
    moreCustomers: (p) => `Et ${p.count} autres clients.`,
    hint: (p) =>
      `Rattachez-le (responsable) : /client link <client> ${p.source} ${p.customer}, ou ajoutez le client sous ce nom exact.`,
  },
  sync: {
    title: "Sources de factures",
    none: "Aucune source de factures n'est connectée : /client connect stripe (responsable).",
    connection: (p) => `${p.source} (${p.origin})`,
    fromSettings: "par les réglages du déploiement",
    fromCommand: "connecté avec /client connect",
    never: "Pas encore synchronisé.",
    lastSync: (p) => `Dernière synchronisation : ${p.at} (${p.kind}).`,
    backfill: "reprise des 12 derniers mois",
    catchUp: "mise à jour",
    counts: (p) =>
      `Factures : ${p.invoices} vues, ${p.recorded} enregistrées, ${p.waiting} en attente. Clients : ${p.customers}, dont ${p.unlinked} non rattachés.`,
    lastCounts: (p) =>
      `Cette fois-là : ${p.seen} changements lus, ${p.recorded} factures enregistrées, ${p.payments} paiements, ${p.credits} avoirs.`,
    failing: (p) => `En échec depuis le ${p.since} : ${p.error}. Nouvel essai à intervalles croissants.`,
    next: (p) => `Prochaine synchronisation : ${p.at}.`,
    account: (p) => `Organisation : ${p.name}.`,
    paused: (p) => `En pause depuis le ${p.since} : ${p.reason}. /client connect ${p.key} la relance.`,
    webhook: (p) => `Webhook : https://<adresse de Tact>${p.path}`,
    hint: "/client sync now lance la mise à jour tout de suite.",
    started: (p) => `Mise à jour lancée pour ${p.sources}. /client sync en donne le résultat d'ici un instant.`,
  },
  digest: {
    failing: (p) => `Synchronisation ${p.source} en échec depuis le ${p.since} : ${p.error}. Détails : /client sync.`,
    unlinked: (p) =>
      `Des clients ${p.source} sans client rattaché ont des factures en retard : ${p.customers}. /client unlinked les montre ; /client link (responsable) les rattache.`,
  },
  errors: {
    unavailable: "Les sources de factures ne sont pas disponibles dans ce mode.",
    notConnected: (p) =>
      `${p.source} n'est pas connecté à cet espace. Le responsable le connecte avec /client connect ${p.key}.`,
    fromSettings: (p) =>
      `${p.source} est connecté par les réglages de ce déploiement (un seul espace) : c'est là qu'on change la clé.`,
    unknownSource: (p) => `${p.source} ne peut pas être connecté avec cette version de Tact.`,
    notConfigured: (p) =>
      `${p.source} n'est pas configuré sur ce déploiement : son administrateur doit d'abord renseigner les réglages de l'application ${p.source} (docs/${p.key}.md).`,
    keyMissing: "La clé secrète est obligatoire (sk_… ou rk_…).",
    keyFormat:
      "Ce n'est pas une clé secrète Stripe : elle commence par sk_live_, sk_test_, rk_live_ ou rk_test_. Rien n'a été enregistré.",
    webhookSecretFormat:
      "Ce n'est pas un secret de signature de webhook : il commence par whsec_. Rien n'a été enregistré.",
    refused: (p) =>
      `${p.source} n'a pas accepté cette clé${p.reason ? ` (${p.reason})` : ""}. Rien n'a été enregistré.`,
    encryptionKey:
      "Tact ne stocke aucun secret en clair : définissez TACT_ENCRYPTION_KEY (32 octets en base64 : openssl rand -base64 32) puis redémarrez. Rien n'a été enregistré.",
    tryAgain: "Quelqu'un l'a connecté au même moment : /client sync le montre.",
  },
};
