import type { ClientRow } from "../../db/queries/clients.ts";
import { mixedScripts, slugFromName } from "../clients/slug-from-name.ts";
import { type ArgDef, NAME_MAX, nameText } from "../commands/args.ts";
import { checkArg } from "../commands/parse-command.ts";

/** A row of the file that is wrong: the message says what and how to fix it (no SQL, no code). */
export class RowError extends Error {}

export type ImportClient = ClientRow | { newSlug: string; name: string };

/** Where an invoice went by a route the file did not spell out: said in the report. */
interface Note {
  text: (lines: string) => string;
  lines: number[];
}

/** A client's name from the file is checked as the same name typed in chat would be. */
const nameArg: ArgDef<string> = {
  kind: "name",
  label: (t) => t.help.argNames.client,
  schema: nameText(NAME_MAX),
  optional: false,
  max: NAME_MAX,
};

/**
 * Resolves the client names of an import file against the workspace's clients (slug, alias,
 * then display name, as `/client show` does), all in memory. With `createClients`, a name no
 * client has gets a new client whose short name is made from it; when that short name is
 * already another client's (or another name's in the file), the invoice goes there and the
 * report says so.
 */
export class ImportClients {
  readonly #bySlug = new Map<string, ClientRow>();
  readonly #byAlias = new Map<string, ClientRow>();
  readonly #byName = new Map<string, ClientRow>();
  readonly #created = new Map<string, string>();
  readonly #notes = new Map<string, Note>();

  constructor(
    directory: { clients: ClientRow[]; aliases: { clientId: number; alias: string }[] },
    private readonly createClients: boolean,
  ) {
    const byId = new Map(directory.clients.map((c) => [c.id, c]));
    for (const c of directory.clients) {
      this.#bySlug.set(c.slug, c);
      const name = c.displayName.toLowerCase();
      if (!this.#byName.has(name)) this.#byName.set(name, c);
    }
    for (const a of directory.aliases) {
      const client = byId.get(a.clientId);
      if (client) this.#byAlias.set(a.alias, client);
    }
  }

  /**
   * The client a name stands for. Returns a function recording the report's note for this
   * line, to call once the whole row is valid. Throws RowError or UserError.
   */
  resolve(raw: string): { client: ImportClient; noteLine: (line: number) => void } {
    if (raw.trim() === "") throw new RowError("the client is missing.");
    const name = checkArg(nameArg, raw);
    if (name.includes("\uFFFD")) {
      throw new RowError(`"${name}" contains \uFFFD, left by a wrong conversion of the file: fix the name.`);
    }
    const key = name.toLowerCase();
    const found = this.#bySlug.get(key) ?? this.#byAlias.get(key) ?? this.#byName.get(key);
    if (found) return { client: found, noteLine: () => {} };

    const mixed = mixedScripts(name);
    if (mixed) {
      throw new RowError(
        `"${name}" mixes ${mixed.join(" and ")} letters in one word, as a look-alike of another name would: write it in one alphabet.`,
      );
    }
    const made = slugFromName(name);
    const slug = "slug" in made ? made.slug : undefined;
    const existing = slug ? (this.#bySlug.get(slug) ?? this.#byAlias.get(slug)) : undefined;
    if (!this.createClients) {
      const hint = existing ? ` Did you mean ${existing.displayName} (${existing.slug})?` : "";
      throw new RowError(
        `no client called "${name}" in this workspace.${hint} Add it first (/client add), or pass --create-clients.`,
      );
    }
    if (!slug) {
      throw new RowError(
        `cannot make a short name from "${name}": add this client first with /client add SHORT-NAME ${name}.`,
      );
    }
    if (existing) {
      return {
        client: existing,
        noteLine: this.#note(
          `${name}>${existing.id}`,
          (lines) =>
            `"${name}" (${lines}) is not the name of a client here; its invoices go under ${existing.displayName} (${existing.slug}), whose short name it makes.`,
        ),
      };
    }
    const first = this.#created.get(slug);
    if (first === undefined) this.#created.set(slug, name);
    else if (first !== name) {
      return {
        client: { newSlug: slug, name: first },
        noteLine: this.#note(
          `${name}>${slug}`,
          (lines) =>
            `"${name}" (${lines}) makes the same short name as "${first}": their invoices go under one new client, ${first} (${slug}).`,
        ),
      };
    }
    return { client: { newSlug: slug, name }, noteLine: () => {} };
  }

  /** The report's notes, one per name, with its lines. */
  notes(): string[] {
    return [...this.#notes.values()].map(({ text, lines }) => {
      const shown = lines.slice(0, 10).join(", ") + (lines.length > 10 ? ` and ${lines.length - 10} more` : "");
      return text(lines.length === 1 ? `line ${shown}` : `lines ${shown}`);
    });
  }

  #note(key: string, text: Note["text"]): (line: number) => void {
    return (line) => {
      const note = this.#notes.get(key) ?? { text, lines: [] };
      note.lines.push(line);
      this.#notes.set(key, note);
    };
  }
}
