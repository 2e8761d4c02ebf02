// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { storedClient } from '../test/api-client-fixture';
import { renderWithMantine } from '../test/render';
import { formatInstant } from './client-keys';
import { ClientKeySummary, RotateSecretDialog, rotatedSecretInWords } from './ClientKey';
import { ApiFailure } from './rules';

const HOUR = 3_600_000;
const NAMES = new Map([
  [3, 'Article'],
  [5, 'Note'],
  [8, 'Page'],
]);

/** The badges' words, in order. */
const badges = () =>
  [...document.querySelectorAll('.mantine-Badge-label')].map((badge) => badge.textContent);

describe('ClientKeySummary', () => {
  it('a plain key: read, all entry types, no expiry, no previous secret', () => {
    renderWithMantine(<ClientKeySummary client={storedClient()} entryTypeNames={NAMES} />);
    expect(badges()).toEqual(['read', 'All entry types']);
    expect(screen.queryByText(/previous secret/)).toBeNull();
  });

  it('its scopes, the entry types by name, its expiry, the envelope and the previous secret’s end', () => {
    const expiresAt = new Date(Date.now() + 48 * HOUR).toISOString();
    const previous = new Date(Date.now() + HOUR).toISOString();
    renderWithMantine(
      <ClientKeySummary
        client={storedClient({
          scopes: ['read', 'preview', 'shop:orders'],
          entryTypeIds: [3, 5],
          expiresAt,
          tokenResponse: 'envelope',
          previousSecretExpiresAt: previous,
        })}
        entryTypeNames={NAMES}
      />,
    );
    expect(badges()).toEqual([
      'read',
      'preview',
      'shop:orders',
      'Only Article, Note',
      `Expires ${formatInstant(expiresAt)}`,
      'Envelope tokens',
    ]);
    screen.getByText(`The previous secret works until ${formatInstant(previous)}`);
  });

  it('an expired key says “Expired”; many types and scopes are counted', () => {
    const expiresAt = new Date(Date.now() - HOUR).toISOString();
    const labels = Array.from({ length: 8 }, (_, index) => `l${index}`);
    renderWithMantine(
      <ClientKeySummary
        client={storedClient({ scopes: ['read', ...labels], entryTypeIds: [3, 5, 8], expiresAt })}
        entryTypeNames={NAMES}
      />,
    );
    expect(badges()).toEqual([
      'read',
      'l0',
      'l1',
      'l2',
      'l3',
      'l4',
      '+3 more',
      '3 entry types',
      'Expired',
    ]);
    // The full list and the instant are one hover away.
    expect(screen.getByText('3 entry types').closest('[title]')?.getAttribute('title')).toBe(
      'Only Article, Note, Page',
    );
    expect(screen.getByText('Expired').closest('[title]')?.getAttribute('title')).toBe(
      `Expired ${formatInstant(expiresAt)}`,
    );
  });
});

describe('rotatedSecretInWords', () => {
  it('without grace the old secret stopped; with grace, until when it works', () => {
    expect(rotatedSecretInWords({ previousSecretExpiresAt: null })).toBe(
      'The old secret and its tokens have stopped working.',
    );
    const until = '2031-01-01T10:00:00.000Z';
    expect(rotatedSecretInWords({ previousSecretExpiresAt: until })).toBe(
      `The old secret still works until ${formatInstant(until)}; the tokens it got live to their own expiry.`,
    );
  });
});

describe('RotateSecretDialog', { timeout: 30_000 }, () => {
  function renderDialog(failure: Error | null = null) {
    const onRotate = vi.fn();
    const rendered = renderWithMantine(
      <RotateSecretDialog
        client={storedClient()}
        onRotate={onRotate}
        onClose={() => {}}
        pending={false}
        failure={failure}
      />,
    );
    const dialog = within(screen.getByRole('dialog', { name: 'Rotate the secret of “Website”?' }));
    return { ...rendered, onRotate, dialog };
  }

  it('no grace by default: the old secret stops at once', async () => {
    const { user, onRotate, dialog } = renderDialog();
    expect(
      dialog.getByRole<HTMLInputElement>('radio', { name: 'None: it stops at once' }).checked,
    ).toBe(true);
    dialog.getByText(/stops working at once, and so do the tokens it got/);
    await user.click(dialog.getByRole('button', { name: 'Rotate secret' }));
    expect(onRotate).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), 0);
  });

  it.each([
    ['1 hour', 3600],
    ['1 day', 86_400],
    ['7 days', 604_800],
  ])('a grace of %s is sent in seconds, and said', async (label, seconds) => {
    const { user, onRotate, dialog } = renderDialog();
    await user.click(dialog.getByRole('radio', { name: label }));
    dialog.getByText(new RegExp(`keeps working for ${label}, and the tokens it got live`));
    await user.click(dialog.getByRole('button', { name: 'Rotate secret' }));
    expect(onRotate).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), seconds);
  });

  it('a number of seconds, 0 to 604800: outside that it is refused before sending', async () => {
    const { user, onRotate, dialog } = renderDialog();
    await user.click(dialog.getByRole('radio', { name: 'A number of seconds' }));
    const button = dialog.getByRole<HTMLButtonElement>('button', { name: 'Rotate secret' });
    // Nothing typed yet: nothing to send.
    expect(button.disabled).toBe(true);
    const seconds = dialog.getByRole('textbox', { name: 'Grace in seconds' });
    await user.type(seconds, '604801');
    const problem = dialog.getByText('Between 0 and 604800 seconds (7 days)');
    expect(seconds.getAttribute('aria-describedby')?.split(' ')).toContain(problem.id);
    expect(button.disabled).toBe(true);
    await user.clear(seconds);
    await user.type(seconds, '90');
    dialog.getByText(/keeps working for 90 seconds/);
    await user.click(button);
    expect(onRotate).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), 90);
  });

  it('the API’s refusal of the grace is under the seconds, its message above', async () => {
    const { user, dialog } = renderDialog(
      new ApiFailure('Validation failed', 400, {
        graceSeconds: ['graceSeconds must be between 0 and 604800'],
      }),
    );
    expect(dialog.getByRole('alert').textContent).toContain('Validation failed');
    await user.click(dialog.getByRole('radio', { name: 'A number of seconds' }));
    const seconds = dialog.getByRole('textbox', { name: 'Grace in seconds' });
    const problem = dialog.getByText('graceSeconds must be between 0 and 604800');
    expect(seconds.getAttribute('aria-describedby')?.split(' ')).toContain(problem.id);
  });
});
