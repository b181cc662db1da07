import type { Catalog } from "../catalog.ts";
import { de } from "./elide.ts";
import { invoiceHelp } from "./invoice-help.ts";

const jours = (n: number) => `${n} jour${n > 1 ? "s" : ""}`;

export const invoices: Catalog["invoices"] = {
  form: {
    title: "Enregistrer une facture",
    submit: "Enregistrer",
    client: "Client",
    clientPlaceholder: "Commencez à taper le nom d'un client",
    number: "Numéro de facture",
    numberPlaceholder: "F-2026-007",
    amount: "Montant",
    amountPlaceholder: "1200,00",
    amountWithCurrency: (p) =>
      p.currency ? `Montant (en ${p.currency} sauf autre devise écrite)` : "Montant et devise",
    amountWithCurrencyPlaceholder: "1200,00 EUR",
    currency: "Devise",
    issued: "Date d'émission",
    due: "Date d'échéance",
    datePlaceholder: "15/01/2026, 15 janv. 2026, aujourd'hui, +30j",
  },
  argNames: {
    outcome: "l'issue de la contestation",
    outcomeDescribe: "La contestation était-elle fondée ? Sinon, Tact pose la question.",
    amount: "montant",
    currency: "devise",
    due: "date d'échéance",
    issued: "date d'émission",
    on: "date",
    what: "montant ou 'charges'",
    stage: "numéro d'étape",
    earlier: "dates d'envoi des étapes précédentes",
    via: "moyen d'envoi (email, courrier, recommande)",
    law: "droit applicable",
    rate: "taux",
    fee: "indemnité",
    hosted: "hébergé",
    lang: "langue",
    stages: "étapes de relance",
    term: "délai de paiement",
    invoiceClient: "client (facultatif)",
  },
  help: invoiceHelp,
  errors: {
    followsSource: (p) =>
      `La facture ${p.number} suit ${p.source} : enregistrez ses paiements, avoirs et annulations dans ${p.source}, Tact les reprend à la prochaine synchronisation (un paiement saisi aussi ici compterait deux fois). Les pénalités de retard sont propres à Tact : /client paid ${p.number} charges les enregistre toujours.`,
    amountFormat: (p) =>
      `« ${p.value} » n'est pas un montant : écrivez par exemple 1200,00 ou 1200.00, avec la devise si vous voulez (1200 EUR, 1200 €).`,
    amountZero: (p) => `« ${p.value} » : le montant doit être supérieur à zéro.`,
    amountNegative: (p) =>
      `« ${p.value} » : le montant${p.invoice ? " d'une facture" : ""} ne peut pas être négatif.${
        p.credit === null
          ? ""
          : ` Pour rendre de l'argent au client, enregistrez un avoir${p.invoice ? " sur la facture qu'il réduit" : ""} : ${p.credit}.`
      }`,
    amountTooLarge: (p) => `« ${p.value} » dépasse le milliard : vérifiez le montant.`,
    amountDecimals: (p) =>
      p.digits === 0
        ? `« ${p.value} » : le ${p.currency} n'a pas de décimales.`
        : `« ${p.value} » a plus de décimales que n'en permet le ${p.currency} (${p.digits}).`,
    currencyUnknown: (p) =>
      `« ${p.value} » n'est pas une devise que je connais : utilisez un code ISO comme EUR, GBP, USD ou JPY, ou €, £, $.`,
    currencyMissing: (p) =>
      `En quelle devise est ${p.amount} ? Ajoutez-la après le montant, par exemple ${p.amount} EUR.`,
    currencyConflict: (p) =>
      `Le montant est en ${p.first} mais la devise indiquée est ${p.second} : choisissez-en une.`,
    currencyMismatch: (p) => `« ${p.value} » : la facture ${p.number} est en ${p.currency}.`,
    date: (p) =>
      `« ${p.value} » n'est pas une date valable pour la ${p.what} : écrivez-la comme 15/01/2026, 15 janv. 2026 ou 2026-01-15 (un jour qui existe), ou aujourd'hui, hier, +30j, dans 30 jours.`,
    dateAmbiguous: (p) =>
      p.readings.length > 1
        ? `« ${p.value} » peut se lire ${p.readings.join(" ou ")} : écrivez le mois en lettres, par exemple ${p.readings[0]}, ou ${p.iso}.`
        : `« ${p.value} » ne se lit pas de la même façon partout : écrivez le mois en lettres, par exemple ${p.readings[0]}, ou ${p.iso}.`,
    dateNoYear: (p) => `« ${p.value} » n'a pas d'année : écrivez par exemple ${p.value} ${p.year}.`,
    dueOffset: (p) =>
      `« ${p.value} » n'est pas une échéance : écrivez une date comme 15/01/2026, ou +30j pour 30 jours après la date d'émission (jusqu'à +365j).`,
    dueBeforeIssued: (p) =>
      `L'échéance (${p.due}) tombe avant la date d'émission (${p.issued}). Si la facture est partie plus tôt, ajoutez sa date d'émission, par exemple \`issued ${p.suggested}\` ; sinon, vérifiez l'échéance. Rien n'a été enregistré.`,
    futurePayment: (p) => `Le ${p.date} est dans le futur : enregistrez le paiement une fois reçu.`,
    numberTaken: (p) =>
      `La facture ${p.number} existe déjà (${p.client}, ${p.amount}). Un numéro de facture est unique dans l'espace ; rien n'a été enregistré. Si vous l'avez saisie par erreur il y a moins de 10 minutes, /client undo la retire.`,
    unknownInvoice: (p) =>
      `Je ne connais pas de facture « ${p.number} ».${p.suggestions ? ` Vouliez-vous dire ${p.suggestions} ?` : ""} Enregistrez-la d'abord avec /client invoice <client> ${p.number} <montant> <devise>.`,
    isVoid: (p) => `La facture ${p.number} est annulée : on ne peut plus rien y enregistrer.`,
    alreadyVoid: (p) => `La facture ${p.number} est déjà annulée.`,
    voidWithPayments: (p) =>
      `La facture ${p.number} a déjà des paiements ou des avoirs : impossible de l'annuler. Un paiement saisi par erreur s'annule avec /client unpay ${p.number} (responsable) ; sinon, faites un avoir pour le reste.`,
    alreadyPaid: (p) =>
      `La facture ${p.number} est déjà réglée. Si ce paiement était une erreur, /client unpay ${p.number} (responsable) l'annule.`,
    alreadyPaidCharges: (p) =>
      `La facture ${p.number} est déjà réglée, mais ses pénalités de retard restent dues (${p.charges}) : /client paid ${p.number} charges une fois payées, ou /client waive ${p.number} pour y renoncer.`,
    overpaid: (p) => `${p.amount}, c'est plus que ce qui est dû sur ${p.number} (${p.owed}). Rien n'a été enregistré.`,
    overCredited: (p) => `Un avoir de ${p.amount} dépasse ce qui reste à payer sur ${p.number} (${p.outstanding}).`,
    noCharges: (p) => `Aucune pénalité de retard n'est due sur ${p.number}.`,
    chargesWaived: (p) => `Vous avez renoncé aux pénalités de ${p.number} : plus rien à payer ni à abandonner.`,
    chargesAndAmount: "Donnez soit un montant, soit `charges` suivi d'un montant, pas les deux.",
    notOpen: (p) => `La facture ${p.number} n'est plus en cours : rien à suspendre ni à relancer.`,
    alreadyDisputed: (p) =>
      `La facture ${p.number} est déjà contestée depuis le ${p.date}. /client resume ${p.number} clôt la contestation.`,
    notDisputed: (p) => `La facture ${p.number} n'est pas contestée.`,
  },
  recorded: (p) =>
    `Facture ${p.number} enregistrée pour ${p.client} : ${p.amount}, émise le ${p.issued}, échéance le ${p.due}.`,
  recordedLate: (p) => `Elle a déjà ${jours(p.days)} de retard : elle compte comme un retard de paiement.`,
  recordedLaw: (p) => `Pénalités de retard : ${p.law}.`,
  isInvoice: (p) => `${p.number} est une facture ${de(p.client)} (/client show ${p.slug} pour la fiche du client) :`,
  noChargesTip: (p) =>
    `Astuce : aucune pénalité de retard ne s'applique encore à ${p.client}. /client terms ${p.slug} law fr|eu|uk|contract les fixe pour ce client ; le responsable peut les fixer pour tous les clients avec /client config terms law fr|eu|uk|contract.`,
  currencyAdopted: (p) =>
    `${p.currency} est désormais la devise par défaut de l'espace : les montants saisis sans devise sont en ${p.currency}. Le responsable peut la changer avec /client config currency.`,
  paymentRecorded: (p) => `Paiement de ${p.amount} enregistré sur ${p.number} (${p.client}), le ${p.date}.`,
  paymentSplit: (p) => `${p.principal} soldent la facture et ${p.charges} vont aux pénalités de retard.`,
  creditRecorded: (p) => `Avoir de ${p.amount} enregistré sur ${p.number} (${p.client}), le ${p.date}.`,
  stillUnpaid: (p) => `Reste à payer : ${p.amount}.`,
  paidInFull: "Facture soldée.",
  paidInFullLate: (p) => `Facture soldée, avec ${jours(p.days)} de retard.`,
  chargesStillOwed: (p) =>
    `Pénalités de retard encore dues : ${p.charges}. Notez-les avec /client paid ${p.number} charges une fois payées, ou renoncez-y avec /client waive ${p.number}.`,
  chargesPaid: (p) => `Paiement de ${p.amount} de pénalités de retard enregistré sur ${p.number} (${p.client}).`,
  chargesSettled: "Les pénalités sont réglées.",
  chargesRemaining: (p) => `Pénalités encore dues : ${p.amount}.`,
  waived: (p) =>
    `Pénalités de retard abandonnées sur ${p.number} (${p.client}) : ${p.amount}. C'est noté dans le journal d'audit.`,
  waivedOpen: "Plus aucun intérêt ne courra sur cette facture, même si elle reste impayée.",
  disputed: (p) =>
    `La facture ${p.number} (${p.client}) est contestée depuis le ${p.date} : relances et pénalités sont suspendues. /client resume ${p.number} les relance.`,
  resume: {
    question: (p) =>
      `La facture ${p.number} (${p.client}) est contestée depuis le ${p.since} (${p.days} jour${p.days > 1 ? "s" : ""}). La contestation était-elle fondée ?`,
    ifNotUpheld: (p) =>
      `Non fondée : les intérêts de ${p.days === 1 ? "ce jour" : `ces ${p.days} jours`} sont de nouveau dus, soit ${p.interest}${p.fee ? `, ainsi que l'indemnité forfaitaire de ${p.fee}` : ""}${p.reference ? ` (${p.reference} : les pénalités courent dès le lendemain de l'échéance)` : ""}.`,
    ifUpheld: (p) =>
      `Fondée : ${p.days === 1 ? "ce jour reste" : `ces ${p.days} jours restent`} sans intérêts (${p.interest} non facturés).`,
    typed: (p) =>
      `Ou tapez /client resume ${p.number} not-upheld (non fondée) ou /client resume ${p.number} upheld (fondée).`,
    buttons: { notUpheld: "Non fondée : facturer ces jours", upheld: "Fondée : ne pas les facturer" },
    upheld: (p) =>
      `${p.number} (${p.client}) : contestation fondée. ${p.days === 1 ? "Ce jour reste" : `Ses ${p.days} jours restent`} sans intérêts (${p.interest} non facturés). Relances et pénalités reprennent à partir d'aujourd'hui.`,
    notUpheld: (p) =>
      `${p.number} (${p.client}) : contestation non fondée. Les intérêts de ${p.days === 1 ? "son jour" : `ses ${p.days} jours`} de contestation sont de nouveau dus, soit ${p.interest}${p.fee ? `, ainsi que l'indemnité forfaitaire de ${p.fee}` : ""}${p.reference ? ` (${p.reference} : les pénalités courent dès le lendemain de l'échéance)` : ""}. Relances et pénalités reprennent.`,
  },
  voided: (p) =>
    `La facture ${p.number} (${p.client}) est annulée : plus de relance ni de pénalité. Elle reste dans l'historique.`,
  history: {
    title: "Pertes, abandons, annulations, contestations (du plus récent au plus ancien)",
    more: (p) => `…et ${p.count} de plus dans le dossier.`,
    charges: (p) => {
      const parts = [
        ...(p.interest ? [`intérêts ${p.interest}`] : []),
        ...(p.fee ? [`indemnité forfaitaire ${p.fee}`] : []),
      ].join(", ");
      const paid = p.settled ? `${parts ? " ; " : ""}dont ${p.settled} déjà payés` : "";
      return `${p.amount} de pénalités de retard${parts || paid ? ` (${parts}${paid})` : ""}`;
    },
    closed: (p) => {
      const jours = `${p.days} jour${p.days > 1 ? "s" : ""}`;
      const what = [
        ...(p.principal ? [`${p.principal} impayés${p.days > 0 ? `, ${jours} de retard` : ""}`] : []),
        ...(p.charges ? [p.charges] : []),
      ];
      const verb = p.kind === "write-off" ? "passée en perte" : "annulée";
      return `${p.number} · ${verb} le ${p.date}${what.length > 0 ? ` : ${what.join(", et ")}` : ""}`;
    },
    waiver: (p) => `${p.number} · pénalités de retard abandonnées le ${p.date} : ${p.charges}`,
    disputeUpheld: (p) =>
      `${p.number} · contestation du ${p.from} au ${p.to} fondée : ${p.days === 1 ? "ce jour reste" : `ces ${p.days} jours restent`} sans intérêts (${p.interest} non facturés)`,
    disputeNotUpheld: (p) =>
      `${p.number} · contestation du ${p.from} au ${p.to} non fondée : les intérêts de ${p.days === 1 ? "ce jour" : `ces ${p.days} jours`} sont de nouveau dus (${p.interest})`,
    note: (p) => `note : ${p.note}`,
    kept: (p) =>
      p.kind === "waiver"
        ? "Elles restent sur la fiche et dans le dossier, marquées comme abandonnées."
        : p.kind === "void"
          ? "Son retard et les pénalités dues à ce jour restent sur la fiche et dans le dossier, marqués comme annulés."
          : "Les retards de paiement et ces montants restent sur la fiche et dans le dossier, marqués comme passés en perte.",
  },
  list: {
    title: (p) => `Factures en cours (${p.count})`,
    titleFor: (p) => `Factures en cours : ${p.client} (${p.count})`,
    none: "Aucune facture en cours. Pour en enregistrer une : /client invoice acme FAC-7 1200,00 EUR due 2026-01-15.",
    noneFor: (p) => `${p.client} n'a aucune facture en cours.`,
    more: (p) =>
      p.slug
        ? `…et ${p.count} autres, non affichées ici : /client export ${p.slug} envoie le dossier complet.`
        : `…et ${p.count} autres, non affichées ici : /client invoices <client> liste celles d'un client.`,
    line: (p) => `${p.number} · ${p.client} · ${p.amount}, échéance le ${p.due} · ${p.state}`,
    notDue: (p) => `échéance dans ${jours(p.days)}`,
    dueToday: "échéance aujourd'hui",
    overdue: (p) => `${jours(p.days)} de retard`,
    paidLate: "payée ; pénalités encore dues",
    settled: "payée",
    voided: "annulée",
    unpaid: (p) => `reste ${p.amount}`,
    disputed: (p) => `contestée depuis le ${p.date}, relances et pénalités suspendues`,
    charges: (p) => `pénalités à ce jour ${p.amount}`,
    chargesOwed: (p) => `pénalités dues ${p.amount}`,
    next: (p) => `ensuite : ${p.stage} le ${p.date}`,
    dueStage: (p) => `${p.stage} à envoyer : /client remind ${p.number}`,
    totals: (p) => `Reste à payer ${p.unpaid} · en retard ${p.overdue} · pénalités dues ${p.charges}`,
  },
  charges: {
    interest: (p) =>
      `intérêts ${p.amount} = ${p.principal} × ${p.rate} × ${jours(p.days)} / 365 (du ${p.from} au ${p.to} ; ${p.basis} ; ${p.reference})`,
    fee: (p) => `indemnité forfaitaire ${p.amount} (${p.reference})`,
    settled: (p) => `déjà payé ${p.amount}`,
    basis: {
      ecb: (p) => `taux BCE de ${p.reference} au ${p.date} + ${p.points} points`,
      boe: (p) =>
        `taux de la Banque d'Angleterre de ${p.reference} au ${p.date} + ${p.points} points, figé au départ des intérêts`,
      contractYear: (p) => `taux contractuel de ${p.rate} par an`,
      contractMonth: (p) => `taux contractuel de ${p.rate} par mois (${p.yearly} par an)`,
    },
    references: {
      "fr-interest": "Code de commerce, art. L441-10",
      "fr-fee": "Code de commerce, art. L441-10 et D441-5",
      "eu-interest": "directive 2011/7/UE, art. 3",
      "eu-fee": "directive 2011/7/UE, art. 6",
      "uk-interest": "Late Payment of Commercial Debts (Interest) Act 1998",
      "uk-fee": "Late Payment of Commercial Debts (Interest) Act 1998, s. 5A",
      "contract-interest": "conditions du contrat",
      "contract-fee": "conditions du contrat",
    },
    notes: {
      missingRate: (p) =>
        `Le ${p.series} du ${p.date} n'est pas encore connu : les intérêts à partir du ${p.from} (${jours(p.days)}) ne sont pas comptés. Tact l'ajoutera dès sa publication.`,
      missingRateShort: (p) =>
        `Les intérêts à partir du ${p.from} ne sont pas encore comptés : le ${p.series} du ${p.date} n'est pas encore connu.`,
      belowLegalMinimum: (p) =>
        `Le taux contractuel de ${p.rate} est inférieur au minimum légal de ${p.minimum} (3 fois le taux d'intérêt légal de ${p.legal} au ${p.date}).`,
      noContractRate: (p) =>
        `Aucun taux n'est prévu dans les conditions du contrat : pas d'intérêts. Pour en fixer un : /client terms ${p.client} rate 12%/y.`,
      feeOtherCurrency: (p) =>
        `Une indemnité forfaitaire de ${p.fee} est due aussi, mais elle n'est pas ajoutée à une facture en ${p.currency}.`,
      feeNoCurrency: (p) =>
        `L'indemnité forfaitaire du contrat (${p.fee}) n'a pas de devise, elle n'est donc pas comptée. Pour lui en donner une : /client terms ${p.client} fee ${p.fee} EUR.`,
    },
    series: {
      "ecb-mro": "taux de refinancement de la BCE",
      "boe-base": "taux directeur de la Banque d'Angleterre",
      "fr-legal": "taux d'intérêt légal",
    },
  },
  laws: {
    fr: "droit français (Code de commerce L441-10 : taux BCE + 10 points, 40 € par facture en retard)",
    eu: "directive européenne 2011/7/UE (taux BCE + 8 points, 40 € par facture en retard)",
    uk: "droit britannique, Late Payment Act (taux de la Banque d'Angleterre + 8 points, 40, 70 ou 100 £ selon le montant)",
    contract: "taux et indemnité prévus au contrat",
    none: "pas de pénalités de retard",
  },
  lawNames: { fr: "France", eu: "UE", uk: "Royaume-Uni", contract: "contrat", none: "aucun" },
  stageKinds: {
    first: "première relance",
    second: "deuxième relance",
    final: "mise en demeure",
    suspension: "préavis de suspension",
    charges: "relance des pénalités dues",
  },
  terms: {
    title: (p) => `Conditions de paiement : ${p.client}`,
    workspaceTitle: "Conditions de paiement par défaut de l'espace",
    law: "Droit applicable",
    interest: "Intérêts de retard",
    fee: "Indemnité de recouvrement",
    paymentDays: "Délai de paiement",
    stages: "Étapes de relance",
    hosted: "Hébergé par nous",
    language: "Langue des relances",
    interestByLaw: (p) =>
      `${p.rule}${p.current ? ` (aujourd'hui ${p.current})` : " (le taux de ce semestre n'est pas encore connu)"}`,
    ecbRule: (p) => `taux BCE + ${p.points} points, révisé au 1er janvier et au 1er juillet`,
    boeRule: "taux de la Banque d'Angleterre + 8 points, figé au départ des intérêts",
    none: "aucun",
    feeFr: "40 € par facture en retard, prévus par la loi",
    feeUk: "40, 70 ou 100 £ par facture en retard selon le montant, prévus par la loi",
    feeContract: (p) => `${p.fee} par facture en retard (ajoutés aux seules factures en ${p.currency})`,
    feeNoCurrency: (p) =>
      `${p.fee} par facture en retard, sans devise, donc non comptés : indiquez la devise (fee ${p.fee} EUR)`,
    days: (p) => jours(p.days),
    stageList: (p) => `jours après l'échéance : ${p.stages}`,
    stageItem: (p) => `${p.day} ${p.kind}`,
    stageSkipped: (p) => `${p.day} ${p.kind} (clients hébergés seulement)`,
    yes: "oui",
    no: "non",
    workspaceLanguage: (p) => `${p.lang} (la langue de l'espace)`,
    sources: { default: "par défaut", workspace: "défaut de l'espace", client: "propre à ce client" },
    updated: (p) => `Conditions de paiement mises à jour pour ${p.client} : ${p.changes}.`,
    workspaceUpdated: (p) => `Conditions par défaut de l'espace mises à jour : ${p.changes}.`,
    change: (p) => `${p.what} : ${p.value}`,
    cleared: "effacé",
    errors: {
      rate: (p) =>
        `« ${p.value} » n'est pas un taux : écrivez 12%/y (par an) ou 1.5%/m (par mois), entre 0 et 100 %, ou none.`,
      fee: (p) =>
        `« ${p.value} » n'est pas une indemnité : écrivez un montant avec sa devise, comme 40 EUR ou 12,50 €, ou none.`,
      feeCurrency: (p) =>
        `« ${p.value} » n'a pas de devise : écrivez par exemple fee ${p.value} EUR. L'indemnité s'ajoute aux seules factures dans cette devise.`,
      feeNotContract: (p) =>
        `Une indemnité forfaitaire libre ne s'applique qu'avec law contract${p.none ? "" : ` ; pour les autres lois (ici ${p.law}), l'indemnité de recouvrement est fixée par la loi`}.`,
      stages: (p) =>
        `« ${p.value} » n'est pas une liste d'étapes : 1 à 4 nombres de jours croissants après l'échéance, de 1 à 365, par exemple 1,15,30,45.`,
      term: (p) => `« ${p.value} » n'est pas un délai de paiement : un nombre de jours de 0 à 365.`,
      yesNo: (p) => `« ${p.value} » ne convient pas pour ${p.what} : yes ou no.`,
      nothing: (p) => `Rien à changer. Syntaxe : ${p.usage}`,
    },
    configUsage: "law fr|eu|uk|contract|none [rate 12%/y] [fee 40 EUR] [hosted yes|no] [stages 1,15,30,45] [term 30]",
  },
  card: {
    title: "Factures",
    summary: (p) =>
      `${p.open} en cours · reste à payer ${p.unpaid} · en retard ${p.overdue} · pénalités dues ${p.charges}`,
    none: "Aucune facture en cours.",
    nothing: "—",
    more: (p) => `…et ${p.count} autres : /client invoices les liste toutes.`,
  },
  autoLate: "Tact",
};
