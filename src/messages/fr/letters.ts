import type { Catalog } from "../catalog.ts";

export const letters: Catalog["letters"] = {
  greeting: () => "Bonjour,",
  signOff: "Bien cordialement,",
  why: {
    opening:
      "Après mûre réflexion, nous avons décidé de mettre fin à notre collaboration. Nous préférons vous en expliquer les raisons clairement et par écrit, pour que rien ne reste flou entre nous.",
    reasonsIntro: "Ces derniers mois :",
    reasons: {
      late: (p) =>
        p.count > 1
          ? `plusieurs règlements nous sont parvenus après leur échéance (${p.count} fois depuis le ${p.since}), ce qu'une équipe de notre taille ne peut pas absorber ;`
          : `un règlement nous est parvenu après son échéance (le ${p.since}), ce qu'une équipe de notre taille peut difficilement absorber ;`,
      conduct: () =>
        "nos échanges sont devenus tendus, et nous ne parvenons plus à travailler ensemble dans la sérénité qu'exige un projet ;",
      advice: () =>
        "nous avons été plusieurs fois en désaccord sur des choix qui relèvent de notre métier, comme l'accessibilité ou l'ergonomie, et nous ne pouvons plus pleinement défendre le résultat ;",
      scope: () =>
        "le projet a largement dépassé le périmètre convenu, et nous ne pouvons plus l'organiser correctement ;",
      ethics: () => "certaines demandes sortent de ce que notre déontologie professionnelle nous permet de faire ;",
    },
    share:
      "Nous reconnaissons aussi notre part : nous aurions pu définir plus clairement, dès le départ, le cadre de notre intervention.",
    kind: "Surtout, nous ne sommes plus en mesure de vous apporter l'accompagnement dont vous avez besoin, et nous pensons qu'un autre partenaire saura mieux vous servir.",
    closing:
      "Merci pour la confiance que vous nous avez accordée. Nous vous adresserons séparément les modalités pratiques de la passation, pour que la transition se fasse en douceur.",
  },
  next: {
    opening: (p) => `Comme annoncé dans notre courrier du ${p.date}, voici comment nous allons organiser la passation.`,
    workPaid: (p) =>
      `Travaux en cours : tout ce qui a été livré jusqu'ici est réglé et vous appartient donc. Nous vous remettrons les fichiers, le code source et la documentation d'ici le ${p.date}.`,
    workUnpaid: (p) =>
      `Travaux en cours : sous réserve des termes de notre contrat, les travaux livrés vous appartiennent une fois réglés. Restent ouvertes : ${p.invoices} (${p.total} au total). Dès leur règlement, nous vous remettrons les fichiers, le code source et la documentation.`,
    hosted: (p) =>
      `Hébergement, nom de domaine et accès : nous hébergeons votre site et le maintiendrons en ligne jusqu'au ${p.date}. D'ici là, merci de choisir un nouvel hébergeur ; nous transférerons le nom de domaine et remettrons tous les accès (hébergement, bureau d'enregistrement du domaine, administration du site) à vous ou à votre nouveau prestataire.`,
    notHosted: (p) =>
      `Accès : nous vous rendrons d'ici le ${p.date} tous les accès que vous nous aviez confiés ; nous vous conseillons ensuite d'en changer les mots de passe.`,
    future: (p) =>
      `Pour la suite : pour la conception, le développement, l'hébergement et la maintenance de votre site, nous vous conseillons de faire examiner le projet par votre nouveau prestataire avant la passation. Nous répondrons à ses questions techniques jusqu'au ${p.date}.`,
    finalInvoice: (p) =>
      `Facture de solde : notre dernière facture, pour les travaux réalisés jusqu'au ${p.date}, suivra. Une fois celle-ci${p.withOpen ? " et les factures ci-dessus réglées" : " réglée"}, nos comptes seront soldés.`,
    closing: "Merci encore, et nous vous souhaitons pleine réussite pour la suite du projet.",
  },
};
