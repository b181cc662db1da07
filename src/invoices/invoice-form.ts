import { clientField } from "../clients/listed-clients.ts";
import { commandFormId } from "../commands/command-form.ts";
import type { CommandForm } from "../commands/define-command.ts";
import type { Context } from "../core/context.ts";
import type { Form, FormField } from "../messages/message.ts";

/** Currencies offered in the form's list, after the workspace's default. */
const COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "PLN"] as const;

/** Discord's modals hold five fields: there, the currency is written with the amount. */
const FIVE_FIELDS = new Set(["discord"]);

/**
 * `/client invoice` with nothing after it: client (type-ahead on Slack), number, amount,
 * currency (the workspace's default chosen), issue and due dates (date pickers on Slack).
 * Fields are named like the command's arguments, so the submission is the typed command's.
 */
export const invoiceForm: CommandForm = {
  async build(ctx: Context, typed: Record<string, string> = {}): Promise<Form> {
    const { t } = ctx;
    const f = t.invoices.form;
    const fallback = ctx.workspace.defaultCurrency;
    const five = FIVE_FIELDS.has(ctx.invocation.platform);
    const initial = (id: string, start?: string | null) => {
      const value = typed[id] ?? start ?? "";
      return value === "" ? {} : { initial: value };
    };
    const client = await clientField(ctx, f.client, "invoice");
    const fields: FormField[] = [
      { ...client, placeholder: f.clientPlaceholder, ...initial("client") },
      {
        id: "number",
        label: f.number,
        multiline: false,
        required: true,
        maxLength: 40,
        placeholder: f.numberPlaceholder,
        ...initial("number"),
      },
      five
        ? {
            id: "amount",
            label: f.amountWithCurrency({ currency: fallback }),
            multiline: false,
            required: true,
            maxLength: 40,
            placeholder: f.amountWithCurrencyPlaceholder,
            ...initial("amount"),
          }
        : {
            id: "amount",
            label: f.amount,
            multiline: false,
            required: true,
            maxLength: 40,
            placeholder: f.amountPlaceholder,
            ...initial("amount"),
          },
    ];
    if (!five) {
      const codes = [...new Set([...(fallback ? [fallback] : []), ...COMMON_CURRENCIES])];
      const chosen = typed.currency ?? fallback;
      if (chosen && !codes.includes(chosen)) codes.unshift(chosen);
      fields.push({
        id: "currency",
        label: f.currency,
        multiline: false,
        required: true,
        choices: codes.map((code) => ({ value: code, label: code })),
        ...initial("currency", fallback),
      });
    }
    for (const id of ["issued", "due"] as const) {
      fields.push({
        id,
        label: f[id],
        multiline: false,
        required: false,
        maxLength: 40,
        kind: "date",
        placeholder: f.datePlaceholder,
        ...initial(id),
      });
    }
    return { id: commandFormId("invoice"), title: f.title, submitLabel: f.submit, fields };
  },
  heldBy: (form) => (form.fields.some((field) => field.id === "currency") ? {} : { currency: "amount" }),
};
