// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderWithMantine } from '../test/render';
import { ApiFailure } from './rules';
import { WebHookForm } from './WebHookForm';
import { HOOK_EVENTS, type WebHook, type WebHookBody } from './web-hooks';

function renderForm(onSubmit?: (body: WebHookBody) => Promise<WebHook>) {
  const sent: WebHookBody[] = [];
  const submit =
    onSubmit ??
    vi.fn((body: WebHookBody) => {
      sent.push(body);
      return Promise.resolve({ id: 1, ...body } as unknown as WebHook);
    });
  const rendered = renderWithMantine(
    <QueryClientProvider client={new QueryClient()}>
      <WebHookForm onSubmit={submit} onCancel={() => {}} onSaved={() => Promise.resolve()} />
    </QueryClientProvider>,
  );
  return { ...rendered, sent };
}

const on = (body: WebHookBody) => HOOK_EVENTS.filter((event) => body[event]);

describe('WebHookForm', () => {
  it('sends every event, a group turned off as one, and the rest on', async () => {
    const { user, sent } = renderForm();
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Rebuild');
    await user.type(screen.getByRole('textbox', { name: /URL/ }), 'https://ci.example.com/hook');
    await user.click(screen.getByRole('checkbox', { name: 'All media events' }));
    await user.click(screen.getByRole('checkbox', { name: 'Project: Deleted' }));
    await user.click(screen.getByRole('button', { name: 'Create web hook' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      name: 'Rebuild',
      url: 'https://ci.example.com/hook',
      isActive: true,
    });
    expect(on(sent[0])).toEqual([
      'projectUpdated',
      'entryTypeCreated',
      'entryTypeUpdated',
      'entryTypeDeleted',
      'entryCreated',
      'entryUpdated',
      'entryPublished',
      'entryDeleted',
      'entryDeletedBulk',
    ]);
    expect(screen.getByRole('checkbox', { name: 'All project events' })).toHaveProperty(
      'indeterminate',
      true,
    );
  });

  it('checks the URL before sending, and shows the API’s refusal under its field', async () => {
    const refuse = vi.fn(() =>
      Promise.reject(
        new ApiFailure('Validation failed', 400, {
          url: ['url must not point at localhost or a loopback, private … address'],
        }),
      ),
    );
    const { user } = renderForm(refuse);
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Local');
    await user.type(screen.getByRole('textbox', { name: /URL/ }), 'localhost/hook');
    await user.click(screen.getByRole('button', { name: 'Create web hook' }));
    await screen.findByText('An absolute http:// or https:// URL');
    expect(refuse).not.toHaveBeenCalled();
    await user.clear(screen.getByRole('textbox', { name: /URL/ }));
    await user.type(screen.getByRole('textbox', { name: /URL/ }), 'http://localhost/hook');
    await user.click(screen.getByRole('button', { name: 'Create web hook' }));
    await screen.findByText(/url must not point at localhost/);
    expect(screen.getByRole('alert').textContent).toBe('Validation failed');
  });
});
