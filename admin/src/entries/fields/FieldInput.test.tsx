// @vitest-environment jsdom
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderWithMantine } from '../../test/render';
import { fieldOf, type Field } from './definitions';
import { EntrySearchContext, type EntrySearch, type LinkOption } from './entry-search';
import { FieldInput } from './FieldInput';

type Dto = Parameters<typeof fieldOf>[0];

// jsdom has no font loading, which Mantine's autosizing textarea listens to.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {} },
});

/**
 * The input a label names. A combobox's listbox is labelled by the same
 * label, so getByLabelText alone finds two elements.
 */
function inputLabelled<T extends HTMLElement = HTMLInputElement>(label: string | RegExp): T {
  const inputs = screen
    .getAllByLabelText(label)
    .filter((element) => ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
  expect(inputs).toHaveLength(1);
  return inputs[0] as T;
}

/** One field's input, holding its value as the editor does; `changes` is every value it reported. */
function renderField(dto: Dto, initial?: unknown, error?: string) {
  const field = fieldOf(dto);
  const onChange = vi.fn();
  function Holder() {
    const [value, setValue] = useState<unknown>(initial);
    return (
      <FieldInput
        field={field}
        value={value}
        error={error}
        onChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
    );
  }
  const rendered = renderWithMantine(<Holder />);
  return { ...rendered, field, last: () => onChange.mock.calls.at(-1)?.[0] as unknown, onChange };
}

/** The API's message is under the field: shown, and the input points to it for screen readers. */
function expectErrorUnder(input: HTMLElement, message: string) {
  const shown = screen.getByText(message);
  expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(shown.id);
  expect(input.getAttribute('aria-invalid')).toBe('true');
}

const base = { label: 'Field label', required: false };

describe('TEXT', () => {
  it('is a text input with its label and constraints; what is typed is the value', async () => {
    const { user, last } = renderField({
      ...base,
      fieldType: 'TEXT',
      name: 'contact',
      label: 'Contact',
      format: 'email',
      minLength: 6,
      maxLength: 64,
    });
    const input = inputLabelled('Contact');
    expect(input.getAttribute('type')).toBe('email');
    screen.getByText('An email address · 6 to 64 characters');
    await user.type(input, 'ada@example.com');
    expect(last()).toBe('ada@example.com');
  });

  it('shows the API’s message under the field', () => {
    renderField(
      { ...base, fieldType: 'TEXT', name: 'contact', label: 'Contact' },
      'ada',
      'Contact must be an email address',
    );
    expectErrorUnder(inputLabelled('Contact'), 'Contact must be an email address');
  });
});

describe('LONGTEXT', () => {
  it('is a textarea; a markdown field previews what is typed, rendered', async () => {
    const { user, last } = renderField({
      ...base,
      fieldType: 'LONGTEXT',
      name: 'body',
      label: 'Body',
      format: 'markdown',
    });
    const input = inputLabelled('Body');
    expect(input.tagName).toBe('TEXTAREA');
    screen.getByText('Markdown');
    await user.type(input, '# Hello{Enter}{Enter}Some **bold** words');
    expect(last()).toBe('# Hello\n\nSome **bold** words');
    await user.click(screen.getByRole('button', { name: 'Preview Body' }));
    const preview = screen.getByRole('region', { name: 'Body preview' });
    await within(preview).findByRole('heading', { name: 'Hello', level: 1 });
    expect(within(preview).getByText('bold').tagName).toBe('STRONG');
  });

  it('a plaintext field has no preview; the API’s message is under it', () => {
    renderField(
      { ...base, fieldType: 'LONGTEXT', name: 'body', label: 'Body' },
      'x',
      'Body must be at least 10 characters',
    );
    expect(screen.queryByRole('button', { name: 'Preview Body' })).toBeNull();
    expectErrorUnder(inputLabelled('Body'), 'Body must be at least 10 characters');
  });
});

describe('BOOLEAN', () => {
  it('is a switch showing the entry type’s label for its state; the value is true or false', async () => {
    const { user, last } = renderField(
      {
        ...base,
        fieldType: 'BOOLEAN',
        name: 'featured',
        label: 'Featured',
        labelTrue: 'On the front page',
        labelFalse: 'Not featured',
      },
      false,
      'Featured must be a boolean',
    );
    const input = screen.getByRole('switch', { name: 'Featured' });
    screen.getByText('Not featured');
    await user.click(input);
    expect(last()).toBe(true);
    screen.getByText('On the front page');
    await user.click(input);
    expect(last()).toBe(false);
    expectErrorUnder(input, 'Featured must be a boolean');
  });
});

describe('NUMBER', () => {
  it('an integer field gives a JSON integer and takes no decimal point; its bounds are said', async () => {
    const { user, last } = renderField({
      ...base,
      fieldType: 'NUMBER',
      name: 'stock',
      label: 'Stock',
      format: 'integer',
      minValue: 0,
      maxValue: 500,
    });
    screen.getByText('A whole number from 0 to 500');
    const input = inputLabelled('Stock');
    await user.type(input, '4.5');
    expect(last()).toBe(45);
    await user.clear(input);
    expect(last()).toBeNull();
  });

  it('a number field keeps “1.” while typing 1.5; out of bounds stays for the API to refuse', async () => {
    const { user, last } = renderField(
      { ...base, fieldType: 'NUMBER', name: 'price', label: 'Price', maxValue: 10 },
      undefined,
      'Price must be at most 10',
    );
    const input = inputLabelled('Price');
    await user.type(input, '12.5');
    expect(last()).toBe(12.5);
    expect(input.value).toBe('12.5');
    await user.tab();
    expect(input.value).toBe('12.5');
    expectErrorUnder(input, 'Price must be at most 10');
  });
});

describe('DATE', () => {
  it('a date field gives YYYY-MM-DD', async () => {
    const { user, last } = renderField({
      ...base,
      fieldType: 'DATE',
      name: 'day',
      label: 'Day',
      format: 'date',
    });
    screen.getByText('A date: YYYY-MM-DD');
    await user.type(inputLabelled('Day'), '2024-05-31');
    expect(last()).toBe('2024-05-31');
  });

  it('a datetime field gives ISO 8601 with the person’s own offset, and shows a stored one in local time', async () => {
    const stored = '2024-01-15T08:00:00Z';
    const { user, last } = renderField(
      { ...base, fieldType: 'DATE', name: 'startsAt', label: 'Starts at', format: 'datetime' },
      stored,
      'Starts at must be a date and time with a timezone',
    );
    const input = inputLabelled('Starts at');
    const local = new Date(stored);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(input.value).toBe(
      `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`,
    );
    expectErrorUnder(input, 'Starts at must be a date and time with a timezone');
    await user.clear(input);
    await user.type(input, '2024-05-31 14:30');
    const value = last() as string;
    expect(value).toMatch(/^2024-05-31T14:30:00[+-]\d{2}:\d{2}$/);
    // The offset is the local one: the instant is 14:30 where the person is.
    expect(new Date(value).getHours()).toBe(14);
    expect(new Date(value).getMinutes()).toBe(30);
  });
});

describe('CHOICE', () => {
  it('a single choice is a select of the choices; none is null', async () => {
    const { user, last } = renderField(
      {
        ...base,
        fieldType: 'CHOICE',
        name: 'size',
        label: 'Size',
        choices: ['Small', 'Large'],
      },
      null,
      'Size must be one of: Small, Large',
    );
    const input = inputLabelled('Size');
    await user.selectOptions(input, 'Large');
    expect(last()).toBe('Large');
    await user.selectOptions(input, '(none)');
    expect(last()).toBeNull();
    expectErrorUnder(input, 'Size must be one of: Small, Large');
  });

  it('a multiple choice is a multi-select; the value is the list of choices picked', async () => {
    const { user, last } = renderField(
      {
        ...base,
        fieldType: 'CHOICE',
        name: 'colours',
        label: 'Colours',
        choices: ['Red', 'Green', 'Blue'],
        format: 'multiple',
      },
      [],
    );
    screen.getByText('Any number of choices');
    await user.click(inputLabelled('Colours'));
    await user.click(await screen.findByRole('option', { name: 'Blue' }));
    await user.click(await screen.findByRole('option', { name: 'Red' }));
    expect(last()).toEqual(['Blue', 'Red']);
  });
});

describe('COLOR', () => {
  it('an rgb field gives #rrggbb in lowercase, from six or three digits', async () => {
    const { user, last } = renderField(
      { ...base, fieldType: 'COLOR', name: 'accent', label: 'Accent' },
      null,
      'Accent must be a color (#rrggbb)',
    );
    screen.getByText('#rrggbb');
    const input = inputLabelled('Accent');
    await user.type(input, '#ABCDEF');
    expect(last()).toBe('#abcdef');
    await user.clear(input);
    await user.type(input, '#abc');
    expect(last()).toBe('#aabbcc');
    expectErrorUnder(input, 'Accent must be a color (#rrggbb)');
  });

  it('an rgba field gives #rrggbbaa: a colour without opacity is opaque', async () => {
    const { user, last } = renderField({
      ...base,
      fieldType: 'COLOR',
      name: 'overlay',
      label: 'Overlay',
      format: 'rgba',
    });
    const input = inputLabelled('Overlay');
    await user.type(input, '#336699');
    expect(last()).toBe('#336699ff');
    // Still as typed: the opacity digits can follow.
    expect(input.value).toBe('#336699');
    await user.type(input, '80');
    expect(last()).toBe('#33669980');
  });
});

describe('LINK', () => {
  const entries: LinkOption[] = [
    { id: 3, name: 'About us', entryType: 'Page' },
    { id: 7, name: 'Introduction', entryType: 'Article' },
    { id: 8, name: 'Intro video', entryType: 'Media page' },
  ];
  const search: EntrySearch = {
    scope: ['test'],
    search: (words) =>
      Promise.resolve(
        entries.filter((entry) => entry.name.toLowerCase().includes(words.toLowerCase())),
      ),
    find: (ids) => Promise.resolve(entries.filter((entry) => ids.includes(entry.id))),
  };

  it('searches the project’s entries by name; the value is their ids', async () => {
    const client = new QueryClient();
    const field = fieldOf({
      ...base,
      fieldType: 'LINK',
      name: 'related',
      label: 'Related',
      maxLength: 3,
    });
    const onChange = vi.fn();
    function Holder() {
      const [value, setValue] = useState<unknown>([3]);
      return (
        <FieldInput
          field={field}
          value={value}
          error="Related no entry 99 in this project"
          onChange={(next) => {
            onChange(next);
            setValue(next);
          }}
        />
      );
    }
    const { user } = renderWithMantine(
      <QueryClientProvider client={client}>
        <EntrySearchContext value={search}>
          <Holder />
        </EntrySearchContext>
      </QueryClientProvider>,
    );
    screen.getByText('Entries of this project · At most 3 entries');
    // The entry linked before shows by name.
    await screen.findByText('About us (Page)');
    const input = inputLabelled('Related');
    expectErrorUnder(input, 'Related no entry 99 in this project');
    await user.type(input, 'intro');
    await user.click(await screen.findByRole('option', { name: 'Introduction (Article)' }));
    expect(onChange).toHaveBeenLastCalledWith([3, 7]);
    expect(screen.queryByRole('option', { name: 'About us (Page)' })).toBeNull();
  });
});

describe('LIST', () => {
  it('is a tag-style input: each item ends with Enter, commas stay in it; the value is a list of strings', async () => {
    const { user, last } = renderField(
      { ...base, fieldType: 'LIST', name: 'places', label: 'Places', minLength: 1, maxLength: 5 },
      [],
      'Places must have at least 1 item',
    );
    screen.getByText('Press Enter after each item · 1 to 5 items');
    const input = inputLabelled('Places');
    await user.type(input, 'Paris, France{Enter}Lyon{Enter}');
    expect(last()).toEqual(['Paris, France', 'Lyon']);
    expectErrorUnder(input, 'Places must have at least 1 item');
  });
});

describe('every field', () => {
  it('a disabled field is shown but not editable, and says so', () => {
    renderField(
      { ...base, fieldType: 'TEXT', name: 'slug', label: 'Slug', disabled: true },
      'hello',
    );
    const input = inputLabelled('Slug');
    expect(input.disabled).toBe(true);
    expect(input.value).toBe('hello');
    screen.getByText('Not editable here');
  });

  it('a required field is marked so', () => {
    renderField({ ...base, fieldType: 'TEXT', name: 'title', label: 'Title', required: true });
    const input = inputLabelled(/Title/);
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toMatch(/^Title\s*\*$/);
  });
});

describe('waiting for a search', () => {
  it('the LINK picker says it is searching while the API answers', async () => {
    let answer: (options: LinkOption[]) => void = () => {};
    const slow: EntrySearch = {
      scope: ['slow'],
      search: () => new Promise((resolve) => (answer = resolve)),
      find: () => Promise.resolve([]),
    };
    const field: Field = fieldOf({ ...base, fieldType: 'LINK', name: 'related', label: 'Related' });
    const { user } = renderWithMantine(
      <QueryClientProvider client={new QueryClient()}>
        <EntrySearchContext value={slow}>
          <FieldInput field={field} value={[]} onChange={() => {}} />
        </EntrySearchContext>
      </QueryClientProvider>,
    );
    await user.click(inputLabelled('Related'));
    await screen.findByText('Searching…');
    answer([{ id: 1, name: 'First', entryType: 'Page' }]);
    await waitFor(() => screen.getByRole('option', { name: 'First (Page)' }));
  });
});
