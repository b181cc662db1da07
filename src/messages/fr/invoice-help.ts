import type { Catalog } from "../catalog.ts";

/** L'aide des commandes de factures : ce que fait chacune, en une ligne et en détail. */
export const invoiceHelp: Catalog["invoices"]["help"] = {
  invoice: {
    summary: "enregistrer une facture",
    details:
      "Le montant s'écrit avec un point ou une virgule, suivi de la devise (EUR, GBP, USD, JPY…) ou de €, £, $. Les dates s'écrivent 15/01/2026, 15 janv. 2026 ou 2026-01-15, ou aujourd'hui, hier, dans 30 jours ; `due +30j` compte à partir de la date d'émission. Sans échéance, le délai de paiement du client s'applique (30 jours, sauf réglage avec /client terms) ; sans date d'émission, la facture est réputée émise ce délai avant son échéance (ou aujourd'hui). Sans devise, la devise par défaut de l'espace (/client config currency).",
  },
  paid: {
    summary: "enregistrer un paiement",
    details:
      "Sans montant, la facture est soldée ; `on` date le paiement (aujourd'hui par défaut). `/client paid FAC-7 charges` enregistre le paiement des pénalités de retard. Un paiement supérieur à ce qui est dû est refusé.",
  },
  credit: {
    summary: "enregistrer un avoir",
    details: "Diminue ce que le client doit sur la facture, à partir de cette date.",
  },
  dispute: {
    summary: "signaler une facture contestée",
    details: "Relances et pénalités sont suspendues jusqu'à /client resume. La note dit ce que le client conteste.",
  },
  resume: {
    summary: "clore une contestation",
    details:
      "Demande si la contestation était fondée (ou dites-le : `upheld` pour fondée, `not-upheld` pour non fondée). Non fondée, les intérêts des jours de contestation sont de nouveau dus : les pénalités courent dès le lendemain de l'échéance. Fondée, ces jours restent sans intérêts. Dans les deux cas, relances et pénalités reprennent ; la fiche et le dossier indiquent l'issue.",
  },
  void: {
    summary: "annuler une facture",
    details:
      "Pour une facture saisie par erreur ou annulée : plus de relance ni de pénalité. Elle reste dans l'historique, avec son retard et les pénalités dues ce jour-là, marqués comme annulés.",
  },
  invoices: {
    summary: "lister les factures en cours",
    details:
      "Jours de retard, pénalités à ce jour et leur calcul, prochaine relance. Précisez un client pour ne voir que les siennes.",
  },
  terms: {
    summary: "voir ou régler les conditions de paiement d'un client",
    details:
      "law fr|eu|uk|contract|none, rate 12%/y ou 1.5%/m, fee 40 EUR (contrat ; comptée sur les factures dans cette devise), hosted yes|no, lang en|fr, stages 1,15,30,45 (jours après l'échéance : première relance, deuxième relance, mise en demeure, préavis de suspension pour les clients hébergés), term 30 (délai de paiement en jours). Sans réglage, affiche les conditions et d'où vient chacune. `none` efface un taux ou une indemnité.",
  },
  remind: {
    summary: "rédiger la relance d'une facture en retard",
    details:
      "Dans la langue du client, pour l'étape en cours, avec les montants, les jours de retard, les pénalités et leur base légale. Tact n'écrit jamais au client : c'est vous qui l'envoyez, puis vous le notez avec /client reminded.",
  },
  reminded: {
    summary: "noter qu'une relance est partie",
    details:
      "Note l'étape suivante comme envoyée (aujourd'hui, ou le jour donné avec `on 2026-11-20`, et comment avec `via email`, `via courrier` ou `via recommande`), pour ne plus la proposer. Les étapes se suivent dans l'ordre : pour noter une étape plus avancée, le responsable donne son numéro et le jour où chaque étape précédente est partie en dehors de Tact, dans l'ordre : `earlier 2026-10-01,2026-10-15`.",
  },
  waive: {
    summary: "renoncer aux pénalités de retard d'une facture",
    details:
      "Un abandon assumé des intérêts et de l'indemnité. Le montant et son calcul restent sur la fiche et dans le dossier, marqués comme abandonnés, et dans le journal d'audit.",
  },
};
