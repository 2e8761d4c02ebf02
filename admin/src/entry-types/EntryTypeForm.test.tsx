// @vitest-environment jsdom
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { renderWithMantine } from '../test/render';
import { ApiFailure } from '../project/rules';
import { EntryTypeForm } from './EntryTypeForm';
import type { EntryType, EntryTypeBody, FieldDefinition, FieldType } from './fields';
import { STORED } from './stored-fields.fixture';

// jsdom has no font loading API, which Mantine's autosizing textarea listens to.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });
}

function renderForm(
  props: {
    initial?: EntryType | null;
    locked?: boolean;
    onSubmit?: (body: EntryTypeBody) => Promise<EntryType>;
  } = {},
) {
  const submitted: EntryTypeBody[] = [];
  const onSubmit =
    props.onSubmit ??
    vi.fn((body: EntryTypeBody) => {
      submitted.push(body);
      return Promise.resolve(entryType(body.fields, body.name));
    });
  const onSaved = vi.fn();
  const ui: ReactElement = (
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <EntryTypeForm
          initial={props.initial ?? null}
          locked={props.locked ?? false}
          lockedReasonId="why"
          onSubmit={onSubmit}
          onSaved={onSaved}
        />
      </MemoryRouter>
    </QueryClientProvider>
  );
  return { ...renderWithMantine(ui), submitted, onSaved, onSubmit };
}

function entryType(fields: FieldDefinition[], name = 'Article'): EntryType {
  return {
    id: 7,
    projectId: 1,
    userId: 1,
    name,
    description: '',
    metadata: '',
    fields,
    createdAt: '2026-01-01T00:00:00Z',
    modifiedAt: '2026-01-01T00:00:00Z',
  };
}

const cards = () => within(screen.getByRole('list', { name: 'Fields' })).getAllByRole('listitem');
const card = (index: number) => within(cards()[index]);
const titles = () =>
  cards()
    .map((item) => item.getAttribute('aria-labelledby'))
    .map((id) => document.getElementById(id!)!.textContent);

type User = ReturnType<typeof renderWithMantine>['user'];

async function addField(user: User, fieldType: FieldType, label: string) {
  await user.selectOptions(
    screen.getByRole('combobox', { name: 'Type of the new field' }),
    fieldType,
  );
  await user.click(screen.getByRole('button', { name: 'Add field' }));
  // The new field's label has focus.
  await user.keyboard(label);
}

/** The option inputs every type may have, by their label. */
const OPTION_LABELS = [
  'Minimum length',
  'Maximum length',
  'Minimum value',
  'Maximum value',
  'Label for yes',
  'Label for no',
  'Choices',
  'Format',
];

function optionsShown(index: number): string[] {
  return OPTION_LABELS.filter(
    (label) =>
      card(index).queryByRole('textbox', { name: label }) ??
      card(index).queryByRole('combobox', { name: label }),
  );
}

const common = (name: string, label: string) => ({
  name,
  label,
  description: '',
  required: false,
  disabled: false,
});

/** Per type: the options shown, the formats offered, what to type, and the definition sent. */
const CASES: {
  fieldType: FieldType;
  options: string[];
  formats?: string[];
  fill: Record<string, string>;
  format?: string;
  sent: FieldDefinition;
}[] = [
  {
    fieldType: 'TEXT',
    options: ['Minimum length', 'Maximum length', 'Format'],
    formats: ['plaintext', 'uri', 'email'],
    fill: { 'Minimum length': '2', 'Maximum length': '80' },
    format: 'uri',
    sent: {
      ...common('webAddress', 'Web address'),
      fieldType: 'TEXT',
      minLength: 2,
      maxLength: 80,
      format: 'uri',
    },
  },
  {
    fieldType: 'LONGTEXT',
    options: ['Minimum length', 'Maximum length', 'Format'],
    formats: ['plaintext', 'markdown'],
    fill: { 'Maximum length': '20000' },
    format: 'markdown',
    sent: {
      ...common('bodyText', 'Body text'),
      fieldType: 'LONGTEXT',
      minLength: 0,
      maxLength: 20000,
      format: 'markdown',
    },
  },
  {
    fieldType: 'BOOLEAN',
    options: ['Label for yes', 'Label for no'],
    fill: { 'Label for yes': 'Shown', 'Label for no': 'Hidden' },
    sent: {
      ...common('featured', 'Featured'),
      fieldType: 'BOOLEAN',
      labelTrue: 'Shown',
      labelFalse: 'Hidden',
    },
  },
  {
    fieldType: 'NUMBER',
    options: ['Minimum value', 'Maximum value', 'Format'],
    formats: ['number', 'integer'],
    fill: { 'Minimum value': '-2.5', 'Maximum value': '1e3' },
    format: 'integer',
    sent: {
      ...common('priceEur', 'Price EUR'),
      fieldType: 'NUMBER',
      minValue: -2.5,
      maxValue: 1000,
      format: 'integer',
    },
  },
  {
    fieldType: 'DATE',
    options: ['Format'],
    formats: ['datetime', 'date'],
    fill: {},
    format: 'date',
    sent: { ...common('publishDay', 'Publish day'), fieldType: 'DATE', format: 'date' },
  },
  {
    fieldType: 'CHOICE',
    options: ['Choices', 'Format'],
    formats: ['single', 'multiple'],
    fill: { Choices: 'Small{Enter}{Enter}Large ' },
    format: 'multiple',
    sent: {
      ...common('sizes', 'Sizes'),
      fieldType: 'CHOICE',
      choices: ['Small', 'Large'],
      format: 'multiple',
    },
  },
  {
    fieldType: 'COLOR',
    options: ['Format'],
    formats: ['rgb', 'rgba'],
    fill: {},
    format: 'rgba',
    sent: { ...common('accentColour', 'Accent colour'), fieldType: 'COLOR', format: 'rgba' },
  },
  {
    fieldType: 'LINK',
    options: ['Minimum length', 'Maximum length'],
    fill: { 'Minimum length': '1' },
    sent: { ...common('related', 'Related'), fieldType: 'LINK', minLength: 1, maxLength: 1000 },
  },
  {
    fieldType: 'LIST',
    options: ['Minimum length', 'Maximum length'],
    fill: { 'Maximum length': '10' },
    sent: { ...common('keywords', 'Keywords'), fieldType: 'LIST', minLength: 0, maxLength: 10 },
  },
  {
    fieldType: 'MEDIA',
    options: ['Minimum length', 'Maximum length'],
    fill: {},
    sent: { ...common('gallery', 'Gallery'), fieldType: 'MEDIA', minLength: 0, maxLength: 1000 },
  },
];

// Typing into a controlled form in jsdom is slow on a busy machine.
describe('EntryTypeForm: the field editor', { timeout: 30_000 }, () => {
  it.each(CASES)(
    '$fieldType shows exactly its options and sends the definition the API stores',
    async ({ fieldType, options, formats, fill, format, sent }) => {
      const { user, submitted } = renderForm();
      await user.type(screen.getByRole('textbox', { name: 'Entry type name' }), 'Article');
      await addField(user, fieldType, sent.label);
      expect(optionsShown(0)).toEqual(options);
      if (formats) {
        const select = card(0).getByRole('combobox', { name: 'Format' });
        expect(
          within(select)
            .getAllByRole('option')
            .map((option) => option.getAttribute('value')),
        ).toEqual(formats);
      }
      // The name follows the label while it has not been edited.
      expect(card(0).getByRole('textbox', { name: 'Name' })).toHaveProperty('value', sent.name);
      for (const [label, text] of Object.entries(fill)) {
        await user.type(card(0).getByRole('textbox', { name: label }), text);
      }
      if (fieldType === 'BOOLEAN') {
        await user.clear(card(0).getByRole('textbox', { name: 'Label for yes' }));
        await user.type(card(0).getByRole('textbox', { name: 'Label for yes' }), 'Shown');
        await user.clear(card(0).getByRole('textbox', { name: 'Label for no' }));
        await user.type(card(0).getByRole('textbox', { name: 'Label for no' }), 'Hidden');
      }
      if (format)
        await user.selectOptions(card(0).getByRole('combobox', { name: 'Format' }), format);
      await user.click(screen.getByRole('button', { name: 'Create entry type' }));
      await waitFor(() => expect(submitted).toHaveLength(1));
      expect(submitted[0]).toEqual({ name: 'Article', description: '', fields: [sent] });
    },
  );

  it('sends the label, name, help text and both flags of a field', async () => {
    const { user, submitted } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Entry type name' }), 'Article');
    await addField(user, 'TEXT', 'Title');
    const name = card(0).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'heading');
    // An edited name no longer follows the label.
    await user.type(card(0).getByRole('textbox', { name: 'Label' }), ' line');
    await user.type(card(0).getByRole('textbox', { name: 'Help text' }), 'Keep it short');
    await user.click(card(0).getByRole('switch', { name: /^Required/ }));
    await user.click(card(0).getByRole('switch', { name: /^Disabled/ }));
    await user.click(screen.getByRole('button', { name: 'Create entry type' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0].fields[0]).toMatchObject({
      name: 'heading',
      label: 'Title line',
      description: 'Keep it short',
      required: true,
      disabled: true,
    });
  });

  it('a stored type of every field type is sent back unchanged', async () => {
    const { user, submitted } = renderForm({ initial: entryType(STORED) });
    expect(titles()).toEqual(STORED.map((field, i) => `${i + 1}. ${field.label}`));
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toEqual({ name: 'Article', description: '', fields: STORED });
  });

  it('changing a field’s type keeps what fits and resets the other options', async () => {
    const { user, submitted } = renderForm({ initial: entryType([STORED[0]]) });
    await user.selectOptions(card(0).getByRole('combobox', { name: 'Format' }), 'uri');
    await user.selectOptions(card(0).getByRole('combobox', { name: 'Type' }), 'LONGTEXT');
    expect(optionsShown(0)).toEqual(['Minimum length', 'Maximum length', 'Format']);
    // 5 to 120 characters fit a long text; "URL" is no long text format.
    expect(card(0).getByRole('textbox', { name: 'Maximum length' })).toHaveProperty('value', '120');
    expect(card(0).getByRole('combobox', { name: 'Format' })).toHaveProperty('value', 'plaintext');
    await user.selectOptions(card(0).getByRole('combobox', { name: 'Type' }), 'CHOICE');
    expect(optionsShown(0)).toEqual(['Choices', 'Format']);
    await user.type(card(0).getByRole('textbox', { name: 'Choices' }), 'A{Enter}B');
    await user.selectOptions(card(0).getByRole('combobox', { name: 'Type' }), 'LIST');
    await user.selectOptions(card(0).getByRole('combobox', { name: 'Type' }), 'CHOICE');
    expect(card(0).getByRole('textbox', { name: 'Choices' })).toHaveProperty('value', '');
    await user.selectOptions(card(0).getByRole('combobox', { name: 'Type' }), 'BOOLEAN');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0].fields).toEqual([
      {
        fieldType: 'BOOLEAN',
        name: 'headline',
        label: 'Headline',
        description: 'Short',
        required: true,
        disabled: false,
        labelTrue: 'Yes',
        labelFalse: 'No',
      },
    ]);
  });

  it('edits choices one a line', async () => {
    const { user, submitted } = renderForm({ initial: entryType([STORED[5]]) });
    const choices = card(0).getByRole('textbox', { name: 'Choices' });
    expect(choices).toHaveProperty('value', 'Red\nGreen');
    await user.type(choices, '{Enter}  Blue  {Enter}{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0].fields[0]).toMatchObject({ choices: ['Red', 'Green', 'Blue'] });
  });

  it('moves a field with the keyboard: focus stays on it, the move is announced and saved', async () => {
    const { user, submitted } = renderForm({ initial: entryType(STORED.slice(0, 3)) });
    expect(titles()).toEqual(['1. Headline', '2. Body text', '3. Featured']);
    card(2).getByRole('button', { name: 'Move “Featured” up' }).focus();
    await user.keyboard('{Enter}');
    expect(titles()).toEqual(['1. Headline', '2. Featured', '3. Body text']);
    expect(screen.getByTestId('field-moves').textContent).toBe(
      '“Featured” moved to position 2 of 3.',
    );
    expect(document.activeElement).toBe(
      card(1).getByRole('button', { name: 'Move “Featured” up' }),
    );
    await user.keyboard('{Enter}');
    expect(titles()).toEqual(['1. Featured', '2. Headline', '3. Body text']);
    // At the top "up" is off: focus moves to "down" rather than being lost.
    expect(document.activeElement).toBe(
      card(0).getByRole('button', { name: 'Move “Featured” down' }),
    );
    await user.keyboard('{Enter}');
    expect(titles()).toEqual(['1. Headline', '2. Featured', '3. Body text']);
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0].fields.map((field) => field.name)).toEqual([
      'headline',
      'featured',
      'body',
    ]);
    await waitFor(() => expect(screen.queryByText('Unsaved changes')).toBeNull());
  });

  it('removes a field', async () => {
    const { user, submitted } = renderForm({ initial: entryType(STORED.slice(0, 3)) });
    await user.click(card(1).getByRole('button', { name: 'Remove “Body text”' }));
    expect(titles()).toEqual(['1. Headline', '2. Featured']);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0].fields.map((field) => field.name)).toEqual(['headline', 'featured']);
  });

  it('shows the API’s validation messages under the inputs they are about', async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(
        new ApiFailure('Validation failed', 400, {
          fields: {
            headline: { minLength: ['minLength must not be greater than maxLength'] },
            '1': { name: ['name must start with a letter and contain only letters'] },
          },
        }),
      ),
    );
    const { user } = renderForm({ initial: entryType(STORED.slice(0, 2)), onSubmit });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const message = await screen.findByText('minLength must not be greater than maxLength');
    const minLength = card(0).getByRole('textbox', { name: 'Minimum length' });
    expect(minLength.getAttribute('aria-describedby')).toContain(message.id);
    expect(minLength.getAttribute('aria-invalid')).toBe('true');
    // The first input with a message has focus.
    expect(document.activeElement).toBe(minLength);
    const second = card(1).getByText('name must start with a letter and contain only letters');
    expect(
      card(1).getByRole('textbox', { name: 'Name' }).getAttribute('aria-describedby'),
    ).toContain(second.id);
    expect(screen.getByRole('alert', { name: '' }).textContent).toContain(
      'Validation failed: see the messages under the fields.',
    );
    // Typing clears the message of that input only.
    await user.type(minLength, '0');
    expect(screen.queryByText('minLength must not be greater than maxLength')).toBeNull();
    expect(
      card(1).getByText('name must start with a letter and contain only letters'),
    ).toBeTruthy();
  });

  it('says what is not a number before sending anything', async () => {
    const { user, onSubmit } = renderForm({ initial: entryType([STORED[3]]) });
    const max = card(0).getByRole('textbox', { name: 'Maximum value' });
    await user.type(max, '-');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await card(0).findByText('Enter a number, or leave it empty')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('for an author: everything is shown and nothing can be changed', () => {
    renderForm({ initial: entryType(STORED), locked: true });
    const list = screen.getByRole('list', { name: 'Fields' });
    const controls = [
      ...within(list).getAllByRole('textbox'),
      ...within(list).getAllByRole('combobox'),
      ...within(list).getAllByRole('switch'),
      ...within(list).getAllByRole('button'),
    ];
    expect(controls.length).toBeGreaterThan(50);
    expect(controls.filter((control) => !control.matches(':disabled'))).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Add field' })).toBeNull();
    const save = screen.getByRole('button', { name: 'Save changes' });
    expect(save.matches(':disabled')).toBe(true);
    expect(save.getAttribute('aria-describedby')).toBe('why');
  });
});
