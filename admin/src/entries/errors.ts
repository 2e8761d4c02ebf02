import type { FieldErrors } from '@tessera/client';
import type { Field } from './fields/definitions';

/** "Price" + ["must be at least 0", "must be an integer"] → "Price must be at least 0 and must be an integer". */
export function fieldMessage(label: string, messages: string[]): string {
  return `${label} ${messages.join(' and ')}`;
}

function messagesIn(value: FieldErrors[string] | undefined): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return Object.values(value).flatMap(messagesIn);
}

/**
 * A 400's `errors` laid out for the entry form: the form's own inputs
 * (`name`, `tags`, `published`), each entry field under `fields.<name>`
 * (the API's words after the field's label), and what belongs to no input
 * on the page, for the alert above the form.
 */
export function entryFormErrors(
  errors: FieldErrors,
  fields: Field[],
): { byInput: Record<string, string>; elsewhere: string[] } {
  const byInput: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'name' || key === 'tags' || key === 'published') {
      byInput[key] = messagesIn(value).join('; ');
    } else if (key === 'fields' && value && !Array.isArray(value)) {
      for (const [name, nested] of Object.entries(value)) {
        const field = fields.find((candidate) => candidate.name === name);
        const messages = messagesIn(nested);
        if (field) byInput[`fields.${name}`] = fieldMessage(field.label, messages);
        else elsewhere.push(fieldMessage(name, messages));
      }
    } else {
      elsewhere.push(...messagesIn(value));
    }
  }
  return { byInput, elsewhere };
}
