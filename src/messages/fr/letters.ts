import type { Catalog } from "../catalog.ts";

/** « une fois », « deux fois », « 3 fois » : un courrier compte exactement. */
const fois = (n: number) => (n === 1 ? "une fois" : n === 2 ? "deux fois" : `${n} fois`);
const jours = (n: number) => `${n} ${n === 1 ? "jour" : "jours"}`;

export const letters: Catalog["letters"] = {
  greeting: () => "Bonjour,",
  signOff: "Bien cordialement,",
  why: {
    opening:
      "Après mûre réflexion, nous avons décidé de mettre fin à notre collaboration. Nous préférons vous en expliquer les raisons clairement et par écrit, pour que rien ne reste flou entre nous.",
    reasonsIntro: "Ces derniers mois :",
    reasons: {
      late: (p) => {
        const parts: string[] = [];
        if (p.paid)
          parts.push(
            p.paid.count === 1
              ? `un règlement nous est parvenu ${p.paid.days === null ? "après" : `${jours(p.paid.days)} après`} son échéance du ${p.paid.since}`
              : `des règlements nous sont parvenus après leur échéance ${fois(p.paid.count)} depuis le ${p.paid.since}`,
          );
        if (p.unpaid)
          parts.push(
            p.unpaid.count === 1
              ? `la facture ${p.unpaid.invoices} reste impayée`
              : `les factures ${p.unpaid.invoices} restent impayées`,
          );
        if (p.noted) {
          const autre = parts.length > 0;
          parts.push(
            p.noted.count === 1
              ? `nous avons noté ${autre ? "un autre" : "un"} retard de paiement, le ${p.noted.since}`
              : `nous avons noté ${autre ? "d'autres" : "des"} retards de paiement ${fois(p.noted.count)} depuis le ${p.noted.since}`,
          );
        }
        const joined = parts.length > 1 ? `${parts.slice(0, -1).join(", ")}, et ${parts.at(-1)}` : (parts[0] ?? "");
        return `${joined}, ce qu'une équipe de notre taille ${p.total > 1 ? "ne peut pas absorber" : "peut difficilement absorber"} ;`;
      },
      unpaidInvoice: (p) => `${p.number} (échue le ${p.due})`,
      conduct: (p) =>
        p.count === 1
          ? `nos échanges se sont tendus une fois, le ${p.since}, et un projet a besoin de sérénité pour bien se dérouler ;`
          : `nos échanges se sont tendus ${fois(p.count)} depuis le ${p.since}, et nous ne parvenons plus à travailler ensemble dans la sérénité qu'exige un projet ;`,
      advice: (p) =>
        p.count === 1
          ? `nous avons été en désaccord une fois, le ${p.since}, sur un choix qui relève de notre métier, et nous ne pouvons pas pleinement défendre le résultat ;`
          : `nous avons été en désaccord ${fois(p.count)} depuis le ${p.since} sur des choix qui relèvent de notre métier, et nous ne pouvons plus pleinement défendre le résultat ;`,
      scope: (p) =>
        p.count === 1
          ? `le projet a dépassé le périmètre convenu une fois, le ${p.since}, et il nous faut un périmètre clair pour l'organiser correctement ;`
          : `le projet a dépassé le périmètre convenu ${fois(p.count)} depuis le ${p.since}, et nous ne pouvons plus l'organiser correctement ;`,
      ethics: (p) =>
        p.count === 1
          ? `le ${p.since}, nous avons reçu une demande que notre déontologie professionnelle ne nous permet pas de satisfaire ;`
          : `depuis le ${p.since}, nous avons reçu ${p.count === 2 ? "deux" : p.count} demandes que notre déontologie professionnelle ne nous permet pas de satisfaire ;`,
    },
    share:
      "Nous reconnaissons aussi notre part : nous aurions pu définir plus clairement, dès le départ, le cadre de notre intervention.",
    kind: "Surtout, nous ne sommes plus en mesure de vous apporter l'accompagnement dont vous avez besoin, et nous pensons qu'un autre partenaire saura mieux vous servir.",
    closing:
      "Merci pour la confiance que vous nous avez accordée. Nous vous adresserons séparément les modalités pratiques de la passation, pour que la transition se fasse en douceur.",
  },
  next: {
    opening: (p) => `Comme annoncé dans notre courrier du ${p.date}, voici comment nous allons organiser la passation.`,
    workPaid: (p) =>
      `Travaux en cours : tout ce qui a été livré jusqu'ici est réglé et vous appartient donc. Nous vous remettrons les fichiers, le code source et la documentation d'ici le ${p.date}.`,
    workUnpaid: (p) =>
      `Travaux en cours : sous réserve des termes de notre contrat, les travaux livrés vous appartiennent une fois réglés. Restent ouvertes : ${p.invoices} (${p.total} au total). Dès leur règlement, nous vous remettrons les fichiers, le code source et la documentation.`,
    workOwed: (p) =>
      `Travaux en cours : sous réserve des termes de notre contrat, les travaux livrés vous appartiennent une fois réglés. Restent dus :\n${p.items}\nTotal : ${p.total}${p.incomplete ? ", auxquels s'ajoutent les intérêts restant à calculer" : ""}. Dès leur règlement, nous vous remettrons les fichiers, le code source et la documentation.`,
    owedInvoice: (p) =>
      `facture ${p.number}${p.due ? `, échue le ${p.due}` : ""} : ${p.amount}${p.charges ? `, plus ${p.charges} de pénalités de retard :` : ""}`,
    owedCharges: (p) =>
      `facture ${p.number}${p.due ? `, échue le ${p.due}` : ""}, réglée après son échéance : ${p.charges} de pénalités de retard :`,
    interestPending: (p) =>
      `– intérêts de retard à partir du ${p.from} (${p.days} jour${p.days > 1 ? "s" : ""}) : à ajouter dès que le taux de référence de cette période sera publié`,
    workWrittenOff: (p) =>
      `Travaux en cours : nous avons décidé de ne pas réclamer ce qui restait dû sur ${p.invoices}. Nous vous remettrons les fichiers, le code source et la documentation d'ici le ${p.date}.`,
    alsoWrittenOff: (p) => `Nous avons décidé de ne pas réclamer ce qui restait dû sur ${p.invoices}.`,
    hosted: (p) =>
      `Hébergement, nom de domaine et accès : nous hébergeons votre site et le maintiendrons en ligne jusqu'au ${p.date}. D'ici là, merci de choisir un nouvel hébergeur ; nous transférerons le nom de domaine et remettrons tous les accès (hébergement, bureau d'enregistrement du domaine, administration du site) à vous ou à votre nouveau prestataire.`,
    notHosted: (p) =>
      `Accès : nous vous rendrons d'ici le ${p.date} tous les accès que vous nous aviez confiés ; nous vous conseillons ensuite d'en changer les mots de passe.`,
    future: (p) =>
      `Pour la suite : pour la conception, le développement, l'hébergement et la maintenance de votre site, nous vous conseillons de faire examiner le projet par votre nouveau prestataire avant la passation. Nous répondrons à ses questions techniques jusqu'au ${p.date}.`,
    finalInvoice: (p) =>
      `Facture de solde : notre dernière facture, pour les travaux réalisés jusqu'au ${p.date}, suivra. Une fois celle-ci${p.withOpen ? ` et ${p.withCharges ? "les sommes" : "les factures"} ci-dessus réglées` : " réglée"}, nos comptes seront soldés.`,
    closing: "Merci encore, et nous vous souhaitons pleine réussite pour la suite du projet.",
  },
};
