import type { Catalog } from "../catalog.ts";

export const core: Pick<Catalog, "errors" | "invalid" | "console" | "words"> = {
  errors: {
    noVerb:
      "Dites-moi quoi faire après /client, par exemple `/client late acme`. `/client help` liste tout ce que je sais faire.",
    unknownVerb: (p) =>
      `Je ne connais pas « /client ${p.verb} ».${p.suggestion ? ` Vouliez-vous dire \`/client ${p.suggestion}\` ?` : ""} \`/client help\` liste tout ce que je sais faire.`,
    missingArg: (p) => `Il manque : ${p.arg}. Syntaxe : ${p.usage}`,
    unexpected: (p) => `Je n'attendais pas « ${p.extra} » ici. Syntaxe : ${p.usage}`,
    duplicateArg: (p) => `${p.what} est donné deux fois.`,
    unknownOption: (p) => `Option inconnue « ${p.option} ». Syntaxe : ${p.usage}`,
    unclosedQuote: "Un guillemet est ouvert mais jamais fermé. Fermez-le, ou retirez les guillemets.",
    ownerOnly: (p) => `Seul le responsable de l'espace (${p.owner}) peut ${p.action}. La demande n'a pas été exécutée.`,
    ownerUnknown: (p) =>
      `Seul le responsable de l'espace peut ${p.action}, et je ne sais pas encore qui c'est : ${
        p.platform === "slack"
          ? "Slack ne m'a pas dit qui est le propriétaire principal de l'espace quand je le lui ai demandé. Je lui reposerai la question à la prochaine demande ; si cela dure, il manque peut-être à l'application la permission users:read."
          : p.platform === "discord"
            ? "Discord ne m'indique qui possède un serveur qu'une fois le bot présent sur ce serveur. Ajoutez le bot au serveur (l'invitation doit inclure le scope bot), puis réessayez."
            : "la plateforme ne l'a pas indiqué."
      } La demande n'a pas été exécutée.`,
    dmOnly: "Cela ne peut se faire que dans un message privé avec moi.",
    internal: (p) =>
      `Un problème est survenu de mon côté (réf. ${p.ref}). Rien n'a été enregistré ; réessayez dans un instant.`,
    unavailable:
      "La base de données de Tact est momentanément indisponible : rien n'a été enregistré. Réessayez dans une minute.",
    unknownAction: "Ce bouton a expiré ou n'est plus valable. Relancez la commande.",
    nameOnly: (p) => `« @${p.name} » doit être suivi d'une commande, par exemple \`@${p.name} /client late acme\`.`,
  },
  invalid: {
    customerId: (p) =>
      `« ${p.value} » n'est pas un identifiant client : copiez-le depuis la source, par exemple cus_NffrFeUfNV2Hib.`,
    required: (p) => `${p.arg} : obligatoire.`,
    tooLong: (p) => `${p.arg} est trop long : ${p.length ?? 0} caractères, ${p.max ?? 0} au maximum.`,
    controlChars: (p) => `${p.arg} contient des caractères de contrôle. Envoyez du texte simple.`,
    invisibleChars: (p) =>
      `${p.arg} contient des caractères invisibles qui inversent le sens du texte qui les entoure. Saisissez-le en texte simple.`,
    slug: (p) =>
      `« ${p.value} » ne peut pas servir de nom court : 3 à 40 lettres minuscules, chiffres et tirets, comme \`acme\` ou \`acme-corp\`.${p.suggestion ? ` Essayez \`${p.suggestion}\`.` : ""}`,
    name: (p) => `${p.arg} : de 1 à ${p.max ?? 0} caractères de texte simple.`,
    choice: (p) => `« ${p.value} » n'est pas valable pour ${p.arg}. Valeurs possibles : ${p.choices ?? ""}.`,
    invoiceNumber: (p) =>
      `« ${p.value} » n'est pas un numéro de facture : jusqu'à 40 lettres, chiffres et - / . _ #, comme FAC-7.`,
  },
  console: {
    formPrompt: (p) =>
      `${p.label} : tapez-le à la ligne suivante en tant que @${p.user} (\\n pour un retour à la ligne).`,
    syntax: (p) => `Tapez-la sur une ligne : ${p.usage}\nPar exemple : /client ${p.example}`,
    notACommand: "Les commandes commencent par /client (essayez /client help), ou pressez un bouton avec : press <id>.",
    confirmPrompt: (p) => `(Tapez oui pour confirmer, ou non, sur la ligne suivante en tant que @${p.user}.)`,
    savedFile: (p) => `Enregistré dans ${p.path}`,
    fileFailed: (p) =>
      `Impossible d'enregistrer ${p.path} : ${p.reason}. Rien n'a été écrit ; corrigez cela et redemandez.`,
    fileReasons: {
      full: "le disque est plein",
      notWritable: "le dossier n'est pas accessible en écriture",
      missing: "le dossier n'existe pas",
      other: (p) => `le système de fichiers l'a refusé (${p.code})`,
    },
  },
  words: {
    you: "vous",
    ownerUnknown: "pas encore connu",
    none: "aucun",
    and: "et",
  },
};
