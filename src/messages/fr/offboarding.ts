import type { Catalog } from "../catalog.ts";
import { de } from "./elide.ts";

const s = (n: number) => (n > 1 ? "s" : "");

export const offboarding: Catalog["offboarding"] = {
  help: {
    offboard: {
      summary: "se séparer d'un client, en privé",
      details:
        "Ouvre une conversation privée avec le responsable et le guide à travers les huit étapes d'une séparation : en parler d'abord, décider, les deux courriers, solder les comptes, garder une trace, une note neutre pour l'équipe, les leçons. Rien n'apparaît dans aucun canal. Relancez la commande pour reprendre là où vous vous étiez arrêté.",
    },
    export: {
      summary: "exporter le dossier écrit d'un client",
      details:
        "Vous envoie un document Markdown avec les incidents du client, ses factures, paiements, relances, pénalités, les deux courriers et chaque étape de la séparation, avec leurs dates.",
    },
  },
  action: {
    export: "exporter le dossier écrit d'un client",
    owner: "transmettre la responsabilité de cet espace",
    offboard: "mettre fin à la relation avec un client",
  },
  refused: {
    offboard: (p) =>
      `Seul le responsable de l'espace (${p.owner}) peut se séparer d'un client : c'est une conversation qu'il mène lui-même, sans jamais la déléguer. Rien n'a été fait et personne n'a été prévenu.`,
    press:
      "Ces boutons appartiennent à la personne qui a lancé la démarche, et elle seule peut s'en servir. Rien n'a été modifié.",
    otherOwner: (p) =>
      `${p.owner} a engagé la séparation d'avec ${p.client} et la mène jusqu'au bout. Rien n'a été modifié.`,
    finished: (p) =>
      `La séparation d'avec ${p.client} est terminée ; rien n'a été modifié. /client export ${p.slug} vous envoie le dossier.`,
    stale: (p) =>
      `Ce bouton correspond à une étape déjà passée ; vous en êtes à l'étape ${p.step} sur ${p.total}. La voici de nouveau.`,
    alreadyFormer: (p) => `${p.client} est déjà un ancien client. /client export ${p.slug} vous envoie le dossier.`,
  },
  continuingInDm: "La suite se passe en message privé, où vous seul pouvez la voir.",
  resuming: (p) =>
    `On reprend la séparation d'avec ${p.client} là où vous l'aviez laissée : étape ${p.step} sur ${p.total}.`,
  opening: {
    title: (p) => `Se séparer ${de(p.client)}`,
    privateNote: (p) => `Privé : vous seul voyez ceci. Commencé le ${p.date}.`,
    intro: "D'abord le dossier, pour que la décision repose sur des faits.",
    incidents: "Incidents notés (90 derniers jours / au total)",
    incidentValue: (p) => `${p.recent} / ${p.total}, dernier le ${p.last}`,
    noIncidents: "Aucun incident noté.",
    unpaidTitle: "Impayés",
    noUnpaid: "Aucun impayé.",
    risk: "Ce que conseille la méthode",
    privacy: (p) =>
      `Vous seul voyez cette démarche, ses notes et ses courriers. Pour l'équipe, rien ne change : la fiche du client, les signalements, les factures, le point du jour et les alertes restent tels quels. Huit étapes suivent ; faites une pause quand vous voulez et reprenez avec /client offboard ${p.slug}.`,
  },
  progress: (p) => `Étape ${p.step} sur ${p.total} : ${p.title}`,
  stepHeading: (p) => `${p.client} : ${p.title}`,
  stepTitles: {
    talk: "D'abord, en parler",
    decide: "Décider à froid, et assumer sa part",
    why: "Expliquer pourquoi, par écrit",
    next: "Expliquer la suite, par écrit",
    accounts: "Solder les comptes",
    record: "Garder une trace",
    letgo: "Tourner la page, sans rien dire de négatif en public",
    learn: "En tirer les leçons",
  },
  guidance: {
    talk: "Avant de mettre fin à quoi que ce soit, parlez au client vous-même, de vive voix ou au téléphone, pas par l'intermédiaire d'un membre de l'équipe. Dites-lui ce qui vous préoccupe et ce qui devrait changer. Notez ensuite quand la conversation a eu lieu et ce qui s'est dit. Si elle n'a pas encore eu lieu, je peux vous le rappeler.",
    talkConduct: (p) =>
      `${p.count} signalement${s(p.count)} de tension : envisagez d'abord de confier le compte à d'autres membres de l'équipe ; c'est peut-être une question d'affinités.`,
    talkRecorded: (p) => `Noté : la conversation du ${p.date} : ${p.notes}`,
    decide:
      "Restez calme et objectif. Là où le cadre était flou (périmètre jamais écrit, pas de pénalités de retard prévues), l'agence doit peut-être assumer une part de la rupture. Une raison bienveillante (« nous ne sommes plus en mesure de vous apporter l'accompagnement dont vous avez besoin ») vaut mieux qu'une accusation, et c'est celle que reprennent les courriers.",
    decideScope: (p) =>
      `${p.count} dérive${s(p.count)} du périmètre notée${s(p.count)} : le périmètre était-il clairement écrit au départ ?`,
    why: "Une fois que vous demandez à un client de partir, mettez-le par écrit : c'est votre trace si les choses se compliquent ou si un avocat s'en mêle. Poli, cordial, clair, impossible à mal interpréter ; sans polémique ni reproche.",
    chooseReasons:
      "Choisissez les raisons que donne le courrier, parmi ce qui a été noté (appuyez pour ajouter ou retirer) :",
    noReasons:
      "Rien de ce qui a été noté ne peut figurer dans un courrier ; le brouillon ne donne que la raison bienveillante.",
    next: "Dites ce que deviennent les travaux en cours et à qui ils appartiennent (en général au client, une fois payés ; vérifiez votre contrat), ce qu'il doit faire désormais pour la conception, le développement, l'hébergement ou la maintenance de son site, et dans quels délais.",
    accounts:
      "Ce qui reste dû, intérêts et indemnités de recouvrement compris. Continuez à le réclamer, ou passez-le en perte en connaissance de cause ; dans les deux cas, c'est consigné.",
    nothingOwed: "Rien n'est dû : toutes les factures sont réglées.",
    record:
      "Une trace écrite complète : incidents, factures, paiements, relances, pénalités, les deux courriers et ces étapes, avec leurs dates. Gardez-la en lieu sûr ; /client export vous la renvoie à tout moment.",
    letgo:
      "Aucune mise en garde publique contre le client, ni sur les réseaux sociaux ni ailleurs. Seule exception : en privé, quand un confrère de confiance s'apprête à le prendre. Pour l'équipe, une note neutre suffit :",
    noChannel: "Aucun canal d'équipe n'est configuré : je ne peux pas publier la note. Prévenez l'équipe vous-même.",
    learn:
      "Quels signaux d'alerte sont apparus, et quand ? Notez les leçons : chaque ligne est gardée sur la fiche du client et dans son dossier comme leçon retenue (jamais comptée comme incident), pour reconnaître plus tôt le prochain client difficile.",
    flagsSoFar: (p) => `Signaux d'alerte déjà notés : ${p.count}.`,
  },
  draftLabel: (p) => `Brouillon en ${p.language}, la langue du client :`,
  acceptedLabel: (p) => `Retenu le ${p.date} :`,
  languages: { en: "anglais", fr: "français" },
  reasonButton: (p) => `${p.chosen ? "✓ " : ""}${p.kind} (${p.count})`,
  owedLine: (p) =>
    `${p.invoice} : ${p.outstanding} impayés, échéance le ${p.due}${p.days > 0 ? ` (${p.days} jours de retard)` : ""}${p.charges ? ` ; pénalités ${p.charges}` : ""}`,
  owedTotal: (p) => `Total dû : ${p.total}`,
  chargesHow: (p) => `${p.invoice}, calcul des pénalités :`,
  teamNote: (p) =>
    `Nous ne travaillons plus avec ${p.client} depuis le ${p.date} ; merci d'orienter tout contact vers ${p.owner}.`,
  buttons: {
    recordConversation: "Noter la conversation",
    remindMe: "Me le rappeler dans…",
    remindDays: (p) => (p.days === 1 ? "demain" : p.days === 7 ? "une semaine" : `${p.days} jours`),
    decided: "C'est décidé",
    useDraft: "Garder ce courrier",
    writeOwn: "Écrire le mien",
    keepChasing: "Continuer à réclamer",
    writeOff: "Passer en perte",
    nothingToSettle: "Rien à solder",
    sendRecord: "M'envoyer le dossier",
    postNote: (p) => `Publier la note dans #${p.channel}`,
    dontPost: "Ne rien publier",
    writeLessons: "Noter les leçons",
    skip: "Passer…",
    back: "Retour",
    pause: "Pause",
    resume: "Reprendre",
    cancel: "Finalement, garder le client",
  },
  forms: {
    conversationTitle: "La conversation",
    conversationNotes: "Ce qui s'est dit (date AAAA-MM-JJ si avant)",
    conversationDate: "Quand (AAAA-MM-JJ)",
    skipTitle: "Passer cette étape",
    skipReason: "Pourquoi la passer ?",
    letterTitle: "Votre courrier",
    letterField: "Le courrier",
    lessonsTitle: "Les leçons",
    lessonsField: "Leçons et signaux d'alerte, un par ligne",
    save: "Enregistrer",
  },
  invalid: {
    conversationDate: (p) =>
      `« ${p.value} » n'est pas une date utilisable : écrivez-la AAAA-MM-JJ, aujourd'hui ou avant. Rien n'a été enregistré.`,
    empty: (p) => `${p.what} : vide. Rien n'a été enregistré.`,
    tooLong: (p) => `${p.what} est trop long : ${p.max} caractères au maximum. Rien n'a été enregistré.`,
    tooManyLines: (p) => `${p.what} : ${p.max} lignes au maximum. Rien n'a été enregistré.`,
  },
  stepLine: {
    done: (p) => `Étape ${p.step} sur ${p.total}, ${p.title} : faite le ${p.date}.`,
    skipped: (p) => `Étape ${p.step} sur ${p.total}, ${p.title} : passée le ${p.date} (${p.reason}).`,
    back: (p) => `Retour à l'étape ${p.step} sur ${p.total}.`,
  },
  paused: (p) =>
    `En pause à l'étape ${p.step} sur ${p.total}. Reprenez avec le bouton ci-dessous, ou avec /client offboard ${p.slug}. En attendant, l'équipe continue de travailler avec ${p.client} comme avant, sans rien voir de cette démarche.`,
  remindSet: (p) => `Je vous le rappellerai ici le ${p.date}.`,
  reminder: (p) =>
    `Vous m'avez demandé de vous le rappeler aujourd'hui : parlez à ${p.client} avant d'aller plus loin. La séparation est en pause à l'étape ${p.step} sur ${p.total} ; reprenez avec le bouton ci-dessous ou /client offboard ${p.slug}.`,
  cancelled: (p) =>
    `C'est arrêté. ${p.client} redevient un client actif ; l'équipe, elle, n'a rien vu changer. Ce que vous avez noté reste dans le dossier.`,
  wroteOff: (p) =>
    `Passé en perte : ${p.total} sur ${p.count} facture${s(p.count)}. Plus aucune relance pour ${p.count > 1 ? "elles" : "elle"}.`,
  writeOff: {
    ask: (p) =>
      `Passer en perte ${p.total} dus par ${p.client} sur ${p.count} facture${s(p.count)} ? Vous y renoncez définitivement :`,
    item: (p) =>
      `${p.invoice} : ${[
        ...(p.principal ? [`${p.principal} impayés${p.days > 0 ? `, ${p.days} jour${s(p.days)} de retard` : ""}`] : []),
        ...(p.charges ? [p.charges] : []),
      ].join(", et ")}`,
    after:
      "Plus aucune relance ne partira pour ces factures. Les retards de paiement, ces montants et le risque qu'ils montrent restent sur la fiche et dans le dossier, marqués comme passés en perte.",
    letterKept:
      "Le courrier de passation retenu à l'étape 4 réclame ces montants. Une fois passés en perte, revenez à l'étape 4 et retenez le nouveau brouillon, qui dit qu'ils ne sont plus réclamés.",
    confirm: (p) => `Passer ${p.total} en perte`,
    back: "Revenir au choix",
  },
  owedChanged:
    "Ce que le client doit vient de changer (un paiement, un avoir ou de nouvelles pénalités ont été enregistrés) : rien n'a été passé en perte. Revoyez les montants, puis choisissez.",
  keptChasing: "C'est noté : les relances des factures impayées continuent.",
  notePosted: (p) => `Note publiée dans #${p.channel}.`,
  noteNotPosted: "Rien n'a été publié.",
  lessonsSaved: (p) => `${p.count} leçon${s(p.count)} enregistrée${s(p.count)} dans le dossier du client.`,
  letterSent: {
    prompt: (p) =>
      `Tact n'écrit jamais au client : envoyez vous-même le courrier « ${p.title} », puis appuyez sur Je l'ai envoyé pour noter quand et comment il est parti.`,
    button: "Je l'ai envoyé",
    formTitle: "Quand et comment il est parti",
    recorded: (p) => `C'est noté : le courrier « ${p.title} » est parti le ${p.date} ${p.via}. Le dossier l'indique.`,
    notKept: (p) =>
      `Le courrier « ${p.title} » n'a pas encore été retenu : retenez-le d'abord à son étape. Rien n'a été noté.`,
    beforeKept: "le courrier a été retenu",
    noChannel: "Indiquez comment il est parti : email, courrier ou recommande. Rien n'a été noté.",
  },
  recordSent: "Le dossier arrive en pièce jointe.",
  finished: (p) =>
    `${p.client} est désormais un ancien client. Le dossier reste ; /client export ${p.slug} vous le renvoie à tout moment. Les relances des factures impayées continuent, sauf celles passées en perte.`,
  exportSent: "Je vous ai envoyé le dossier en message privé.",
  exportReady: (p) => `Le dossier écrit ${de(p.client)}.`,
  record: {
    title: (p) => `Dossier écrit : ${p.client} (${p.slug})`,
    exported: (p) => `Exporté le ${p.date} par ${p.by}. Statut : ${p.status}.`,
    workspace: (p) => `Espace de travail : ${p.name}.`,
    period: (p) => `Période couverte : du ${p.from} au ${p.to}.`,
    aliases: (p) => `Aussi appelé : ${p.aliases}.`,
    since: (p) => `Client depuis le ${p.date}.`,
    tact: "Tact",
    statuses: { active: "client actif", offboarding: "séparation en cours", offboarded: "ancien client" },
    nothing: {
      incidents: "Aucun incident.",
      latePayments: "Aucun retard de paiement.",
      lessons: "Aucune leçon.",
      invoices: "Aucune facture.",
      payments: "Aucun paiement.",
      reminders: "Aucune relance.",
      charges: "Aucune pénalité de retard.",
      steps: "Aucune étape.",
      timeline: "Rien d'enregistré.",
    },
    incidents: (p) => `Incidents (${p.count})`,
    incidentHead: ["Date", "Type", "Signalé par", "Facture", "Note"],
    lessonList: (p) => `Leçons retenues (${p.count}, non comptées comme incidents)`,
    lessonHead: ["Date", "Rédigée par", "Leçon"],
    withdrawn: (p) => `retiré le ${p.date} par ${p.by}`,
    latePayments: (p) => `Retards de paiement (${p.count})`,
    latePaymentsHow:
      "Un par facture, comptés comme sur la fiche du client : chaque facture restée impayée après son échéance ou payée après elle, et chaque retard signalé sans facture enregistrée. Montants au jour de l'export ; pénalités telles que calculées, qu'elles soient dues, réglées ou abandonnées.",
    latePaymentHead: [
      "Facture",
      "Échéance",
      "Jours de retard",
      "Montant",
      "Impayé",
      "Pénalités",
      "Signalé par l'équipe",
    ],
    daysLate: (p) => (p.days === 1 ? "1 jour" : `${p.days} jours`),
    stillUnpaid: (p) => `toujours impayée (${p.days === 1 ? "1 jour" : `${p.days} jours`})`,
    daysUnknown: "inconnu",
    voidedAfter: (p) => `impayée ${p.days === 1 ? "1 jour" : `${p.days} jours`}, puis annulée le ${p.date}`,
    writtenOffAfter: (p) => `impayée ${p.days === 1 ? "1 jour" : `${p.days} jours`}, puis passée en perte le ${p.date}`,
    chargesIncomplete: (p) => `${p.amount} + intérêts pas encore calculés (voir les pénalités)`,
    loggedOn: (p) => `signalé le ${p.date}`,
    logged: (p) => (p.count === 0 ? "non" : p.count === 1 ? "une fois" : `${p.count} fois`),
    invoices: "Factures",
    invoiceHead: ["Facture", "Émise le", "Échéance", "Montant", "Payé", "Reste dû", "Jours de retard", "Statut"],
    invoiceStatuses: { open: "ouverte", paid: "payée", void: "annulée", writtenOff: "passée en perte" },
    invoiceState: {
      open: "ouverte",
      disputed: (p) => `ouverte, contestée depuis le ${p.date}`,
      paid: (p) => (p.date ? `payée le ${p.date}` : "payée"),
      void: (p) => (p.date ? `annulée le ${p.date}` : "annulée"),
      writtenOff: (p) => `passée en perte le ${p.date}`,
    },
    daysSoFar: (p) => `${p.days} à ce jour`,
    notDue: "pas encore échue",
    writtenOff: (p) =>
      `${p.invoice} : passée en perte le ${p.date} par ${p.by} : ${p.principal} impayés et ${p.charges} de pénalités.`,
    payments: "Paiements",
    paymentHead: ["Date", "Facture", "Type", "Montant", "Saisi par"],
    paymentKinds: { payment: "paiement", credit: "avoir", charges: "pénalités réglées" },
    reminders: "Relances",
    reminderSent: (p) =>
      `${p.date} · ${p.invoice} · étape « ${p.stage} » envoyée${p.via ? ` ${p.via}` : ""}${p.drafted ? ` (rédigée le ${p.drafted})` : ""} · notée par ${p.by}${p.later ? ", qui a confirmé après coup son envoi en dehors de Tact" : ""}`,
    alertPosted: (p) => `${p.date} · ${p.invoice} · alerte de retard à l'équipe (palier ${p.stage})`,
    charges: "Pénalités de retard",
    chargesLine: (p) =>
      `${p.invoice} : ${p.total} (${p.status}) : intérêts ${p.interest} sur ${p.days} jours de retard, indemnité de recouvrement ${p.fee}`,
    givenUpStatus: (p) =>
      `${p.kind === "write-off" ? "passées en perte" : p.kind === "void" ? "facture annulée" : "abandonnées"} le ${p.date}`,
    chargesStatuses: { open: "dues", settled: "réglées", waived: "abandonnées" },
    letters: "Courriers",
    whyTitle: "Pourquoi nous mettons fin à notre collaboration",
    nextTitle: "La suite",
    letterMeta: (p) =>
      `${p.own ? "Écrit par le responsable" : "Rédigé par Tact et gardé tel quel"} le ${p.date}, en ${p.language}.`,
    letterSentMeta: (p) => `Envoyé au client le ${p.date} ${p.via} (noté le ${p.recorded}).`,
    letterNotSent: "Envoi non noté.",
    notWritten: "Non rédigé.",
    offboarding: "La séparation",
    offboardingMeta: (p) => `Commencée le ${p.started} par ${p.by} ; ${p.status}.`,
    wizardStatuses: { in_progress: "en cours", paused: "en pause", done: "terminée", cancelled: "arrêtée" },
    stepHead: ["Étape", "Statut", "Date", "Notes"],
    stepStatuses: { pending: "à faire", done: "faite", skipped: "passée" },
    conversation: (p) => `Conversation du ${p.date} : ${p.notes}`,
    accounts: {
      chase: (p) => `${p.owed} toujours réclamés`,
      "write-off": (p) => `${p.owed} passés en perte`,
      "nothing-owed": () => "rien à solder",
    },
    teamNote: (p) => (p.posted ? `note publiée dans #${p.channel} : « ${p.text} »` : "aucune note publiée"),
    lessons: (p) => `enregistrées comme leçons : ${p.lines}`,
    timeline: "Chronologie",
    timelineHow:
      "Tout ce qui précède, du plus ancien au plus récent, avec qui l'a fait. Un jour sans heure est une date donnée par quelqu'un (dates d'une facture, jour d'un paiement, d'une relance).",
    timelineHead: ["Quand", "Qui", "Quoi"],
    entries: {
      clientAdded: (p) => `client ajouté : ${p.client}`,
      incident: (p) =>
        `signalement : ${p.kind}${p.invoice ? ` (facture ${p.invoice})` : ""}${p.note ? ` ; ${p.note}` : ""}`,
      withdrawn: (p) => `signalement retiré : ${p.kind}`,
      lesson: (p) => `leçon retenue : ${p.note}`,
      invoiceIssued: (p) => `facture ${p.invoice} émise : ${p.amount}, échéance le ${p.due}`,
      latePayment: (p) =>
        p.unpaid
          ? `${p.invoice} arrivée à échéance et toujours impayée (${p.days === 1 ? "1 jour" : `${p.days} jours`} de retard à ce jour)`
          : `${p.invoice} arrivée à échéance ; payée avec ${p.days === 1 ? "1 jour" : `${p.days} jours`} de retard`,
      payment: (p) => `${p.kind} sur ${p.invoice} : ${p.amount}`,
      voided: (p) => `facture ${p.invoice} annulée`,
      writtenOff: (p) => `facture ${p.invoice} passée en perte : ${p.principal} impayés et ${p.charges} de pénalités`,
      dueChanged: (p) => `échéance de ${p.invoice} déplacée du ${p.from} au ${p.to}`,
      disputed: (p) => `${p.invoice} contestée${p.note ? ` : ${p.note}` : ""}`,
      resumed: (p) =>
        p.outcome === "upheld"
          ? `contestation de ${p.invoice} fondée : ${p.days === 1 ? "son jour reste" : `ses ${p.days} jours restent`} sans intérêts (${p.interest} non facturés) ; les pénalités courent à nouveau`
          : p.outcome === "not-upheld"
            ? `contestation de ${p.invoice} non fondée : les intérêts de ${p.days === 1 ? "son jour" : `ses ${p.days} jours`} sont de nouveau dus (${p.interest}) ; les pénalités courent à nouveau`
            : `contestation de ${p.invoice} levée ; les pénalités courent à nouveau`,
      chargesWaived: (p) => `pénalités de retard sur ${p.invoice} abandonnées : ${p.amount}`,
      reminderSent: (p) => `envoi pour ${p.invoice} : ${p.stage}${p.via ? ` ${p.via}` : ""}`,
      reminderDrafted: (p) => `brouillon pour ${p.invoice} : ${p.stage}`,
      alert: (p) => `alerte de retard à l'équipe pour ${p.invoice} (palier ${p.stage})`,
      conversation: (p) => `conversation avec le client : ${p.notes}`,
      letterSent: (p) => `courrier « ${p.title} » envoyé au client ${p.via}`,
      letterKept: (p) =>
        p.own
          ? `courrier « ${p.title} » écrit par le responsable`
          : `courrier « ${p.title} » rédigé par Tact, gardé tel quel`,
      step: (p) => `séparation, étape ${p.step} (${p.title}) : ${p.event}${p.reason ? ` (${p.reason})` : ""}`,
    },
    events: {
      start: "commencée",
      done: "faite",
      skip: "passée",
      back: "retour",
      pause: "pause",
      resume: "reprise",
      cancel: "arrêtée",
      finish: "terminée",
    },
    remindOn: (p) => `rappel demandé pour le ${p.date}`,
    step: (p) => `étape ${p.step}`,
    filename: (p) => `${p.slug}-dossier-${p.date}.md`,
    pdf: {
      header: (p) => `${p.workspace} · Dossier écrit : ${p.client} · du ${p.from} au ${p.to}`,
      page: (p) => `Page ${p.page} sur ${p.pages}`,
      checkTitle: "Vérifier une copie",
      checkBefore: (p) =>
        `Ce PDF reprend le contenu du fichier Markdown ${p.file}, envoyé avec lui. L'empreinte SHA-256 de ce fichier, calculée sur ses octets exacts (texte UTF-8), est :`,
      checkAfter: (p) =>
        `Pour vérifier une copie ${de(p.file)}, calculez son empreinte SHA-256 et comparez-la à la valeur ci-dessus : toute autre valeur signifie que la copie n'est pas le fichier produit par Tact. La commande, selon le système :`,
      checkCommands: (p) => [
        `Linux : sha256sum ${p.file}`,
        `macOS : shasum -a 256 ${p.file}`,
        `Windows : certutil -hashfile ${p.file} SHA256`,
      ],
    },
  },
  owner: {
    usage: "@personne",
    invalid: (p) =>
      `« ${p.value} » ne désigne personne à qui confier l'espace : mentionnez la personne, comme /client config owner @dana. Rien n'a été modifié.`,
    unknown: (p) =>
      `Je n'ai encore vu personne du nom de « ${p.value} » dans cet espace ; cette personne doit d'abord utiliser Tact une fois. Rien n'a été modifié.`,
    same: (p) => `${p.owner} est déjà responsable. Rien n'a été modifié.`,
    changed: (p) =>
      `L'espace vient d'être confié à ${p.owner} : ce n'est plus à vous de le transmettre. Rien n'a été modifié.`,
    set: (p) =>
      `${p.owner} est désormais responsable de cet espace. Une séparation déjà en cours reste entre les mains de la personne qui l'a lancée.`,
    told: (p) =>
      `${p.from} vous a confié la responsabilité de Tact dans cet espace : les réglages réservés, les exports et les séparations d'avec un client vous reviennent désormais.`,
  },
};
