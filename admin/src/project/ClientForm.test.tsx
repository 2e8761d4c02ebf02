// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { storedClient } from '../test/api-client-fixture';
import { renderWithMantine } from '../test/render';
import type { ApiClient, ClientBody } from './client-keys';
import ClientForm, { type EntryTypeChoice } from './ClientForm';
import { ApiFailure } from './rules';

// jsdom has no font loading API, which Mantine's autosizing textarea listens to.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {} },
  });
}

const TYPES: EntryTypeChoice[] = [
  { id: 3, name: 'Article' },
  { id: 5, name: 'Note' },
];

function renderForm(
  props: {
    client?: ApiClient;
    entryTypes?: EntryTypeChoice[] | null;
    onSubmit?: (body: ClientBody) => Promise<ApiClient>;
  } = {},
) {
  const sent: ClientBody[] = [];
  const onSubmit =
    props.onSubmit ??
    vi.fn((body: ClientBody) => {
      sent.push(body);
      return Promise.resolve(storedClient());
    });
  const onSaved = vi.fn(() => Promise.resolve());
  const rendered = renderWithMantine(
    <QueryClientProvider client={new QueryClient()}>
      <ClientForm
        client={props.client}
        entryTypes={props.entryTypes === undefined ? TYPES : props.entryTypes}
        onSubmit={onSubmit}
        onCancel={() => {}}
        onSaved={onSaved}
      />
    </QueryClientProvider>,
  );
  return { ...rendered, sent, onSubmit, onSaved };
}

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

/** The message is under the input: shown, and the input points to it for screen readers. */
function expectErrorUnder(input: HTMLElement, message: string) {
  const shown = screen.getByText(message);
  expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(shown.id);
  expect(input.getAttribute('aria-invalid')).toBe('true');
}

/** The pills a tags or multi-select input shows, by their text. */
const pillsOf = (input: HTMLElement) =>
  [...input.closest('.mantine-InputWrapper-root')!.querySelectorAll('.mantine-Pill-label')].map(
    (pill) => pill.textContent,
  );

const checked = (element: HTMLElement) => (element as HTMLInputElement).checked;

const pad = (n: number) => String(n).padStart(2, '0');
const localPickerText = (iso: string) => {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
};

// Typing into Mantine's inputs key by key is slow in jsdom on a shared machine.
describe('ClientForm', { timeout: 30_000 }, () => {
  it('a new client: read on and locked (with the reason), preview off, all entry types, the RFC body, the defaults sent', async () => {
    const { user, sent } = renderForm();
    const read = screen.getByRole('checkbox', { name: 'read' });
    expect(checked(read)).toBe(true);
    expect((read as HTMLInputElement).disabled).toBe(true);
    const reason = screen.getByText('Every key reads published content');
    expect(read.getAttribute('aria-describedby')).toContain(reason.id);
    expect(checked(screen.getByRole('checkbox', { name: 'preview' }))).toBe(false);
    expect(checked(screen.getByRole('radio', { name: 'All entry types' }))).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Entry types' })).toBeNull();
    expect(inputLabelled<HTMLSelectElement>('Token response').value).toBe('oauth2');
    expect(
      within(inputLabelled<HTMLSelectElement>('Token response'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['OAuth 2.0 (RFC 6749)', 'Envelope (/v1 token API)']);
    expect(inputLabelled('Token lifetime (seconds)').placeholder).toBe(
      'Default: CLIENT_TOKEN_EXPIRY',
    );

    await user.type(inputLabelled(/^Name/), ' Website ');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      name: 'Website',
      redirectUris: [],
      scopes: ['read'],
      entryTypeIds: null,
      expiresAt: null,
      tokenLifetime: null,
      tokenResponse: 'oauth2',
    });
  });

  it('sends preview, labels, the entry types picked, the expiry with the person’s offset, a lifetime and the envelope', async () => {
    const { user, sent } = renderForm();
    await user.type(inputLabelled(/^Name/), 'Preview site');
    await user.click(screen.getByRole('checkbox', { name: 'preview' }));
    await user.type(inputLabelled('Labels'), 'shop:orders{Enter}team.web{Enter}');
    await user.click(screen.getByRole('radio', { name: 'Only some' }));
    await user.click(inputLabelled('Entry types'));
    await user.click(await screen.findByRole('option', { name: 'Note' }));
    await user.click(await screen.findByRole('option', { name: 'Article' }));
    await user.type(inputLabelled('Expires'), '2031-01-01 09:00');
    await user.type(inputLabelled('Token lifetime (seconds)'), '600');
    await user.selectOptions(inputLabelled('Token response'), 'Envelope (/v1 token API)');
    expect(inputLabelled('Token lifetime (seconds)').placeholder).toBe(
      'Default: 900 (or CLIENT_TOKEN_EXPIRY if shorter)',
    );
    await user.type(inputLabelled('Redirect URIs'), 'https://a.example/cb');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const { expiresAt, ...rest } = sent[0];
    expect(rest).toEqual({
      name: 'Preview site',
      redirectUris: ['https://a.example/cb'],
      scopes: ['read', 'preview', 'shop:orders', 'team.web'],
      entryTypeIds: [5, 3],
      tokenLifetime: 600,
      tokenResponse: 'envelope',
    });
    // 09:00 where the person is, with their offset.
    expect(expiresAt).toMatch(/^2031-01-01T09:00:00[+-]\d{2}:\d{2}$/);
    expect(new Date(expiresAt!).getHours()).toBe(9);
  });

  it('shows a stored client’s key as it is, and sends it back unchanged', async () => {
    const expiresAt = '2031-06-01T16:30:00.000Z';
    const { user, sent } = renderForm({
      client: storedClient({
        scopes: ['read', 'preview', 'shop:orders'],
        entryTypeIds: [5, 9],
        expiresAt,
        tokenLifetime: 300,
        tokenResponse: 'envelope',
        redirectUris: ['https://a.example/cb'],
      }),
    });
    expect(checked(screen.getByRole('checkbox', { name: 'preview' }))).toBe(true);
    expect(pillsOf(inputLabelled('Labels'))).toEqual(['shop:orders']);
    expect(checked(screen.getByRole('radio', { name: 'Only some' }))).toBe(true);
    // Names for the project's types; an id no longer among them says so, to be removed.
    expect(pillsOf(inputLabelled('Entry types'))).toEqual(['Note', 'Deleted entry type #9']);
    expect(inputLabelled('Expires').value).toBe(localPickerText(expiresAt));
    expect(inputLabelled('Token lifetime (seconds)').value).toBe('300');
    expect(inputLabelled<HTMLSelectElement>('Token response').value).toBe('envelope');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      name: 'Website',
      redirectUris: ['https://a.example/cb'],
      scopes: ['read', 'preview', 'shop:orders'],
      entryTypeIds: [5, 9],
      tokenLifetime: 300,
      tokenResponse: 'envelope',
    });
    expect(new Date(sent[0].expiresAt!).toISOString()).toBe(expiresAt);
  });

  it('clearing the expiry and choosing all entry types sends null for both', async () => {
    const { user, sent } = renderForm({
      client: storedClient({ entryTypeIds: [3], expiresAt: '2031-06-01T16:30:00.000Z' }),
    });
    await user.click(screen.getByRole('radio', { name: 'All entry types' }));
    await user.clear(inputLabelled('Expires'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ entryTypeIds: null, expiresAt: null });
  });

  it.each([
    [
      'capitals and a space',
      'Shop Orders',
      'is not a valid label: 1 to 64 of a-z, 0-9 and : . _ -',
    ],
    ['65 characters', 'x'.repeat(65), 'is not a valid label: 1 to 64 of a-z, 0-9 and : . _ -'],
    ['a checkbox’s name', 'preview', 'is a checkbox above, not a label'],
  ])('refuses a label with %s before sending, under the labels', async (_, label, problem) => {
    const { user, onSubmit } = renderForm();
    await user.type(inputLabelled(/^Name/), 'Website');
    await user.type(inputLabelled('Labels'), `${label}{Enter}`);
    expectErrorUnder(inputLabelled('Labels'), `“${label}” ${problem}`);
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses more than 20 scopes in all, read and preview counted', async () => {
    const { user, onSubmit, sent } = renderForm();
    await user.type(inputLabelled(/^Name/), 'Website');
    await user.click(screen.getByRole('checkbox', { name: 'preview' }));
    const labels = Array.from({ length: 19 }, (_, index) => `label-${index}{Enter}`).join('');
    await user.type(inputLabelled('Labels'), labels);
    expectErrorUnder(
      inputLabelled('Labels'),
      'At most 20 scopes in all, read and preview included: remove 1 label',
    );
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).not.toHaveBeenCalled();
    // Without preview, 19 labels and read are 20: allowed.
    await user.click(screen.getByRole('checkbox', { name: 'preview' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].scopes).toHaveLength(20);
  });

  it('“only some” entry types needs one picked', async () => {
    const { user, onSubmit } = renderForm();
    await user.type(inputLabelled(/^Name/), 'Website');
    await user.click(screen.getByRole('radio', { name: 'Only some' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expectErrorUnder(
      inputLabelled('Entry types'),
      'Pick at least one entry type, or choose all of them',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the API’s 400 messages under their fields, and its message above', async () => {
    const onSubmit = vi.fn(() =>
      Promise.reject(
        new ApiFailure('Validation failed', 400, {
          scopes: ['scopes may hold at most 20 names'],
          entryTypeIds: ['9 is not an entry type of this project'],
          expiresAt: ['expiresAt must be in the future'],
          tokenLifetime: ['tokenLifetime must be at least 60'],
        }),
      ),
    );
    const { user, onSaved } = renderForm({
      client: storedClient({ entryTypeIds: [9], expiresAt: '2020-01-01T00:00:00.000Z' }),
      onSubmit,
    });
    await user.type(inputLabelled('Token lifetime (seconds)'), '30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('expiresAt must be in the future');
    expect(screen.getByRole('alert').textContent).toContain('Validation failed');
    expectErrorUnder(inputLabelled('Labels'), 'scopes may hold at most 20 names');
    expectErrorUnder(inputLabelled('Entry types'), '9 is not an entry type of this project');
    expectErrorUnder(inputLabelled('Expires'), 'expiresAt must be in the future');
    expectErrorUnder(
      inputLabelled('Token lifetime (seconds)'),
      'tokenLifetime must be at least 60',
    );
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says the entry types are loading, and offers them once loaded', () => {
    renderForm({ client: storedClient({ entryTypeIds: [3] }), entryTypes: null });
    const picker = inputLabelled('Entry types');
    expect(picker.disabled).toBe(true);
    expect(pillsOf(picker)).toEqual(['Entry type #3']);
  });
});
