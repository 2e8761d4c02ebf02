import { describe, expect, it } from 'vitest';
import {
  attemptInWords,
  eventsInWords,
  HOOK_EVENTS,
  hookBody,
  hookFormRules,
  hookFormValues,
  stateOf,
  type WebHook,
} from './web-hooks';

const hook = (changes: Partial<WebHook> = {}): WebHook =>
  ({
    id: 3,
    projectId: 1,
    name: 'Build',
    url: 'https://example.com/build',
    isActive: true,
    ...(Object.fromEntries(HOOK_EVENTS.map((event) => [event, true])) as Record<string, boolean>),
    failureCount: 0,
    disabledAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    modifiedAt: '2026-01-01T00:00:00.000Z',
    ...changes,
  }) as WebHook;

describe('web hooks in words', () => {
  it('counts the events a hook is sent', () => {
    expect(HOOK_EVENTS).toHaveLength(14);
    expect(eventsInWords(hook())).toBe('All 14 events');
    expect(eventsInWords(hook({ ...Object.fromEntries(HOOK_EVENTS.map((e) => [e, false])) }))).toBe(
      'No events',
    );
    const one = { ...Object.fromEntries(HOOK_EVENTS.map((e) => [e, false])), entryPublished: true };
    expect(eventsInWords(hook(one))).toBe('1 event');
    expect(eventsInWords(hook({ mediaCreated: false, mediaUpdated: false }))).toBe('12 events');
  });

  it('says the worst of a hook’s state first', () => {
    expect(stateOf(hook())).toBe('active');
    expect(stateOf(hook({ failureCount: 3 }))).toBe('failing');
    expect(stateOf(hook({ failureCount: 3, isActive: false }))).toBe('inactive');
    expect(stateOf(hook({ failureCount: 20, isActive: false, disabledAt: '2026-01-02' }))).toBe(
      'disabled',
    );
  });

  it('puts an attempt in words: the status, or the error, and the time it took', () => {
    const attempt = { attempt: 1, startedAt: '', durationMs: 120, responseExcerpt: null };
    expect(attemptInWords({ ...attempt, statusCode: 500, error: null })).toBe('HTTP 500 · 120 ms');
    expect(attemptInWords({ ...attempt, statusCode: null, error: 'timed out after 10 s' })).toBe(
      'timed out after 10 s · 120 ms',
    );
    expect(
      attemptInWords({ ...attempt, statusCode: 302, error: 'redirects are not followed' }),
    ).toBe('HTTP 302 (redirects are not followed) · 120 ms');
  });
});

describe('the web hook form', () => {
  it('starts a new hook with every event on, and an existing one with its own', () => {
    expect(hookFormValues()).toEqual({ name: '', url: '', isActive: true, events: HOOK_EVENTS });
    const values = hookFormValues(hook({ isActive: false, projectDeleted: false }));
    expect(values.isActive).toBe(false);
    expect(values.events).not.toContain('projectDeleted');
    expect(values.events).toHaveLength(13);
  });

  it('sends every event, true or false, so a PUT keeps nothing from before by accident', () => {
    const body = hookBody({
      name: '  Build ',
      url: ' https://example.com/x ',
      isActive: true,
      events: ['entryPublished'],
    });
    expect(body).toMatchObject({ name: 'Build', url: 'https://example.com/x', isActive: true });
    expect(body.entryPublished).toBe(true);
    expect(HOOK_EVENTS.filter((event) => body[event])).toEqual(['entryPublished']);
    expect(Object.keys(body)).toHaveLength(3 + 14);
  });

  it('needs a name and an absolute http(s) URL before sending', () => {
    const values = { name: ' ', url: '', isActive: true, events: [] };
    expect(hookFormRules(values)).toEqual({ name: 'A name is needed', url: 'A URL is needed' });
    expect(hookFormRules({ ...values, name: 'x', url: 'example.com/hook' })).toEqual({
      url: 'An absolute http:// or https:// URL',
    });
    expect(hookFormRules({ ...values, name: 'x', url: 'https://example.com/hook' })).toEqual({});
  });
});
