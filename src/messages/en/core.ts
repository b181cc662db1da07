/** What every validation message may use. */
export interface InvalidParams {
  /** The argument's name, in the user's language. */
  arg: string;
  /** What the user typed. */
  value: string;
  max?: number | undefined;
  length?: number | undefined;
  choices?: string | undefined;
  suggestion?: string | undefined;
}

/** Errors and words shared by every command. */
export const core = {
  errors: {
    noVerb:
      "Tell me what to do after /client, for example `/client late acme`. `/client help` lists everything I can do.",
    unknownVerb: (p: { verb: string; suggestion: string | undefined }) =>
      `I don't know "/client ${p.verb}".${p.suggestion ? ` Did you mean \`/client ${p.suggestion}\`?` : ""} \`/client help\` lists everything I can do.`,
    missingArg: (p: { arg: string; usage: string }) => `Missing ${p.arg}. Usage: ${p.usage}`,
    unexpected: (p: { extra: string; usage: string }) => `I didn't expect "${p.extra}" here. Usage: ${p.usage}`,
    duplicateArg: (p: { what: string }) => `${p.what} is given twice.`,
    unknownOption: (p: { option: string; usage: string }) => `Unknown option "${p.option}". Usage: ${p.usage}`,
    unclosedQuote: "A quote is opened but never closed. Close it, or leave the quotes out.",
    ownerOnly: (p: { action: string; owner: string }) =>
      `Only the workspace owner (${p.owner}) can ${p.action}. The request was not carried out.`,
    ownerUnknown: (p: { action: string; platform: string }) =>
      `Only the workspace owner can ${p.action}, and I don't know yet who that is: ${
        p.platform === "slack"
          ? "Slack didn't tell me who the workspace's primary owner is when I asked. I'll ask again with the next request; if this lasts, the app may be missing the users:read permission."
          : p.platform === "discord"
            ? "Discord tells me who owns a server only once the bot is in it. Add the bot to the server (the invite needs the bot scope), then try again."
            : "the platform hasn't said."
      } The request was not carried out.`,
    dmOnly: "This can only be done in a direct message with me.",
    internal: (p: { ref: string }) =>
      `Something went wrong on my side (ref ${p.ref}). Nothing was saved; please try again in a moment.`,
    unavailable: "Tact's database is temporarily unavailable, so nothing was saved. Please try again in a minute.",
    unknownAction: "This button has expired or is no longer valid. Run the command again.",
    nameOnly: (p: { name: string }) =>
      `"@${p.name}" needs a command after it, for example \`@${p.name} /client late acme\`.`,
  },
  /** Validation messages; every one takes the same parameters (see InvalidParams). */
  invalid: {
    customerId: (p: InvalidParams) =>
      `"${p.value}" is not a customer id: copy it from the source, like cus_NffrFeUfNV2Hib.`,
    required: (p: InvalidParams) => `${p.arg} is required.`,
    tooLong: (p: InvalidParams) => `${p.arg} is too long: ${p.length ?? 0} characters, at most ${p.max ?? 0}.`,
    controlChars: (p: InvalidParams) => `${p.arg} contains control characters. Please send plain text.`,
    invisibleChars: (p: InvalidParams) =>
      `${p.arg} contains invisible characters that change the direction of the text around them. Please type it as plain text.`,
    slug: (p: InvalidParams) =>
      `"${p.value}" can't be a client's short name: use 3 to 40 lowercase letters, digits and dashes, like \`acme\` or \`acme-corp\`.${p.suggestion ? ` Try \`${p.suggestion}\`.` : ""}`,
    name: (p: InvalidParams) => `${p.arg} must be 1 to ${p.max ?? 0} characters of plain text.`,
    choice: (p: InvalidParams) => `"${p.value}" is not a valid ${p.arg}. Expected one of: ${p.choices ?? ""}.`,
    invoiceNumber: (p: InvalidParams) =>
      `"${p.value}" is not an invoice number: use up to 40 letters, digits, and - / . _ #, like INV-7.`,
  },
  console: {
    formPrompt: (p: { label: string; user: string }) =>
      `${p.label}: type it on the next line as @${p.user} (\\n starts a new line).`,
    /** A command whose form opens on Slack and Discord, typed bare in the console. */
    syntax: (p: { usage: string; example: string }) =>
      `Type it on one line: ${p.usage}\nFor example: /client ${p.example}`,
    notACommand: "Commands start with /client (try /client help), or press a button with: press <id>.",
    confirmPrompt: (p: { user: string }) => `(Type yes to confirm, or no, on the next line as @${p.user}.)`,
    savedFile: (p: { path: string }) => `Saved to ${p.path}`,
    fileFailed: (p: { path: string; reason: string }) =>
      `I couldn't save ${p.path}: ${p.reason}. Nothing was written; fix that and ask again.`,
    fileReasons: {
      full: "the disk is full",
      notWritable: "the folder is not writable",
      missing: "the folder does not exist",
      other: (p: { code: string }) => `the file system refused it (${p.code})`,
    },
  },
  words: {
    you: "you",
    ownerUnknown: "not known yet",
    none: "none",
    and: "and",
  },
};
