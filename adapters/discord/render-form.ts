import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from "discord-api-types/v10";
import type { Form } from "../../src/messages/message.ts";
import { scopedId } from "./custom-id.ts";
import { LIMITS } from "./discord-limits.ts";
import { neutraliseMentions, truncate } from "./escape-markdown.ts";

/**
 * A form as a Discord modal: each field a labelled text input (a label holds 45 characters;
 * a longer one continues in the label's description). Discord has no custom submit label.
 */
export function renderForm(form: Form, guildId: string | undefined): APIModalInteractionResponseCallbackData {
  return {
    custom_id: scopedId(form.id, guildId),
    title: truncate(neutraliseMentions(form.title), LIMITS.modalTitle),
    components: form.fields.slice(0, LIMITS.modalComponents).map((field) => {
      const label = neutraliseMentions(field.label);
      const long = label.length > LIMITS.labelText;
      const max = Math.min(field.maxLength ?? LIMITS.textInputValue, LIMITS.textInputValue);
      const heading = {
        type: ComponentType.Label,
        label: long ? truncate(label, LIMITS.labelText) : label,
        ...(long ? { description: truncate(label, LIMITS.labelDescription) } : {}),
      } as const;
      if (field.choices) {
        // A choice: a select in the modal (Discord's labelled components).
        return {
          ...heading,
          component: {
            type: ComponentType.StringSelect,
            custom_id: field.id,
            required: field.required,
            options: field.choices.slice(0, 25).map((c) => ({
              label: truncate(c.label, 100),
              value: c.value,
              ...(c.value === field.initial ? { default: true } : {}),
            })),
          },
        };
      }
      return {
        ...heading,
        component: {
          type: ComponentType.TextInput,
          custom_id: field.id,
          style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: field.required,
          max_length: max,
          ...(field.initial ? { value: field.initial.slice(0, max) } : {}),
          // Dates and clients are typed here: the hint says how.
          ...(field.placeholder ? { placeholder: truncate(field.placeholder, LIMITS.placeholder) } : {}),
        },
      };
    }),
  };
}
