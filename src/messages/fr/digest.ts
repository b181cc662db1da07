import type { Catalog } from "../catalog.ts";
import { de } from "./elide.ts";

export const digest: Catalog["digest"] = {
  help: {
    summary: "afficher le point du jour, pour vous seul",
    details:
      "Ce que dirait le point quotidien à cet instant, visible de vous seul : factures en retard, échéances de la semaine, nouveaux incidents, clients dont le risque augmente et ancienneté des impayés. Il ne remplace pas l'envoi programmé. Le responsable choisit où il est publié avec /client config channel #facturation, et quand avec /client config digest 09:00 Europe/Paris (jours : /client config days lun-ven) ; /client config affiche le programme actuel.",
  },
  title: (p) => `Le point du jour · ${p.date}`,
  fallback: (p) =>
    `Le point du jour : ${p.overdue} ${p.overdue > 1 ? "factures en retard" : "facture en retard"}, ${p.dueSoon} à échéance cette semaine, ${p.incidents} ${p.incidents > 1 ? "nouveaux incidents" : "nouvel incident"}.`,
  missingRates: (p) =>
    `Intérêts incomplets ci-dessous : ${p.items} ${p.count === 1 ? "n'est" : "ne sont"} pas encore connu${p.count === 1 ? "" : "s"}, les intérêts à partir de ${p.count === 1 ? "cette date" : "ces dates"} ne sont donc pas comptés. Tact ${p.count === 1 ? "l'ajoutera" : "les ajoutera"} dès sa publication.`,
  missingRateItem: (p) => `le ${p.series} du ${p.date}`,
  quiet:
    "Rien à signaler aujourd'hui : aucune facture en retard, aucune échéance cette semaine, aucun nouvel incident.",
  preview: (p) =>
    `Aperçu visible de vous seul. Le point programmé est publié dans #${p.channel} à ${p.time} (${p.timezone}).`,
  previewOff: "Aperçu visible de vous seul. Le point quotidien programmé est désactivé.",
  previewNoChannel:
    "Aperçu visible de vous seul. Aucun canal n'est choisi pour le point : /client config channel #facturation.",
  overdue: {
    title: "Factures en retard",
    client: (p) => `${p.client} : ${p.count} ${p.count > 1 ? "factures en retard" : "facture en retard"}, ${p.total}`,
    invoice: (p) =>
      `${p.number} · ${p.amount} · ${p.days} ${p.days > 1 ? "jours" : "jour"} de retard${p.charges ? ` · pénalités à ce jour ${p.charges}` : ""}`,
    lastSent: (p) => `dernier envoi : ${p.stage} le ${p.date}`,
    noneSent: "aucune relance envoyée",
    ready: (p) => `à envoyer : ${p.stage}`,
    next: (p) => `ensuite : ${p.stage} le ${p.date}`,
    snoozed: (p) => `mise en veille jusqu'au ${p.date}`,
    disputed: "contestée : relances suspendues",
    more: (p) =>
      `…et ${p.count} autre${p.count > 1 ? "s factures" : " facture"} en retard : /client invoices les liste toutes.`,
  },
  dueSoon: {
    title: "À échéance dans les 7 jours",
    line: (p) => `${p.number} · ${p.client} · ${p.amount} · échéance le ${p.date}`,
  },
  incidents: {
    title: (p) => `Nouveaux incidents depuis le ${p.since}`,
    line: (p) => `${p.client} : ${p.counts}`,
    count: (p) => `${p.kind} (${p.count})`,
  },
  agencyLesson: {
    title: "Pour le responsable",
    text: (p) =>
      `Des conseils ignorés ont été notés pour ${p.ignoring} des ${p.active} clients ayant eu des incidents sur les 180 derniers jours. Quand la plupart des clients écartent vos conseils, la leçon concerne l'agence : travaillez votre façon de convaincre (dire pourquoi, montrer un exemple, mettre le conseil par écrit avant le travail). Ce rappel revient au plus une fois par mois.`,
  },
  risk: {
    title: "Clients dont le risque augmente",
    line: (p) => `${p.client} : ${p.from} → ${p.to}`,
  },
  aging: {
    title: (p) => `Ancienneté des impayés, en jours de retard (${p.currency})`,
    bucket: (p) => `${p.range}  ${p.bar}  ${p.amount} (${p.count})`,
  },
  buttons: {
    paid: "Marquer payée",
    remind: "Préparer la relance",
    snooze: "Mettre en veille 3 jours",
  },
  actions: {
    snoozed: (p) => `${p.number} est en veille jusqu'au ${p.date} : ni alerte ni ligne dans le point du jour d'ici là.`,
    notFound: "Cette facture n'est plus ouverte : il n'y a rien à faire.",
  },
  alert: {
    title: (p) => `Retard : ${p.number} (${p.client})`,
    text: (p) =>
      `${p.number} ${de(p.client)} a ${p.days} ${p.days > 1 ? "jours" : "jour"} de retard. Étape à engager : ${p.stage}. Reste dû : ${p.amount}${p.charges ? `, plus ${p.charges} de pénalités à ce jour` : ""}.`,
    hint: "Tact prépare le brouillon, c'est une personne de l'équipe qui l'envoie. Le bouton l'affiche.",
  },
  config: {
    channelSet: (p) => `Le point du jour et les alertes de retard seront publiés dans #${p.channel}.`,
    channelInDm:
      "Indiquez un canal, par exemple `/client config channel #facturation` : le point du jour ne peut pas partir en message privé.",
    invalidChannel: (p) => `« ${p.value} » n'est pas un canal. Indiquez-en un, par exemple #facturation.`,
    digestSet: (p) =>
      `Point du jour à ${p.time} (${p.timezone}), ${p.days}, dans #${p.channel}. Prochain envoi : ${p.next}.`,
    digestSetNoChannel: (p) =>
      `Point du jour à ${p.time} (${p.timezone}), ${p.days}. Aucun canal pour l'instant : /client config channel #facturation.`,
    digestOff:
      "Le point du jour est désactivé. Les alertes de retard continuent d'arriver dans le même canal, à la même heure.",
    digestOn: "Le point du jour est réactivé.",
    invalidDigest: (p) =>
      `« ${p.value} » n'est pas un réglage valable. Indiquez une heure, avec si besoin un fuseau horaire (\`09:00 Europe/Paris\`), ou bien \`on\` / \`off\`.`,
    invalidTimeZone: (p) =>
      `Je ne connais pas le fuseau horaire « ${p.value} ». Utilisez un nom IANA, comme Europe/Paris ou America/New_York.`,
    daysSet: (p) => `Le point du jour sera désormais publié ${p.days}.`,
    invalidDays: (p) =>
      `« ${p.value} » n'est pas une liste de jours. Indiquez une plage ou une liste, par exemple \`lun-ven\` ou \`lun,mer,ven\`.`,
    quietPost: "Les jours sans rien à signaler, le point du jour tient en une ligne.",
    quietSilent: "Les jours sans rien à signaler, le point du jour n'est pas publié.",
    invalidQuiet: (p) => `« ${p.value} » n'est pas un choix possible. Indiquez \`post\` ou \`silent\`.`,
    status: (p) =>
      `Point du jour : ${p.state}, à ${p.time} (${p.timezone}), ${p.days}, dans ${p.channel}. Jours calmes : ${p.quiet}.`,
    on: "activé",
    off: "désactivé",
    noChannel: "aucun canal pour l'instant",
    quietPostShort: "une ligne",
    quietSilentShort: "rien",
    nextNow: "dans une minute",
    nextAt: (p) => `${p.date} à ${p.time}`,
  },
  days: {
    names: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    short: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    everyDay: "tous les jours",
    range: (p) => `du ${p.from} au ${p.to}`,
    on: (p) => `le ${p.days}`,
  },
};
