import type { Schemas } from '@tessera/client';

/*
 * A web hook and its delivery log, in the API's terms and in words: the
 * events it is sent, grouped as the form shows them, and the state it is in.
 */

export type WebHook = Schemas['WebHookDto'];
export type WebHookWithSecret = Schemas['WebHookWithSecretDto'];
/** What create and edit send: name, url, isActive and every event. */
export type WebHookBody = Schemas['UpdateWebHookDto'];
export type Delivery = Schemas['DeliveryDto'];
export type DeliveryAttempt = Schemas['DeliveryAttemptDto'];

export type HookEvent =
  | 'projectUpdated'
  | 'projectDeleted'
  | 'entryTypeCreated'
  | 'entryTypeUpdated'
  | 'entryTypeDeleted'
  | 'entryCreated'
  | 'entryUpdated'
  | 'entryDeleted'
  | 'entryDeletedBulk'
  | 'entryPublished'
  | 'mediaCreated'
  | 'mediaUpdated'
  | 'mediaDeleted'
  | 'mediaDeletedBulk';

/** The events, grouped as the form shows them, each with its label. */
export const EVENT_GROUPS: { label: string; events: { event: HookEvent; label: string }[] }[] = [
  {
    label: 'Project',
    events: [
      { event: 'projectUpdated', label: 'Updated' },
      { event: 'projectDeleted', label: 'Deleted' },
    ],
  },
  {
    label: 'Entry types',
    events: [
      { event: 'entryTypeCreated', label: 'Created' },
      { event: 'entryTypeUpdated', label: 'Updated' },
      { event: 'entryTypeDeleted', label: 'Deleted' },
    ],
  },
  {
    label: 'Entries',
    events: [
      { event: 'entryCreated', label: 'Created' },
      { event: 'entryUpdated', label: 'Updated' },
      { event: 'entryPublished', label: 'Published (also when a scheduled entry goes live)' },
      { event: 'entryDeleted', label: 'Deleted' },
      { event: 'entryDeletedBulk', label: 'Deleted in bulk' },
    ],
  },
  {
    label: 'Media',
    events: [
      { event: 'mediaCreated', label: 'Uploaded' },
      { event: 'mediaUpdated', label: 'Updated' },
      { event: 'mediaDeleted', label: 'Deleted' },
      { event: 'mediaDeletedBulk', label: 'Deleted in bulk' },
    ],
  },
];

export const HOOK_EVENTS: HookEvent[] = EVENT_GROUPS.flatMap((group) =>
  group.events.map(({ event }) => event),
);

/** Failed deliveries in a row after which the API disables a hook. */
export const FAILURES_BEFORE_DISABLED = 20;

/** The events a hook is sent. */
export function eventsOf(hook: Pick<WebHook, HookEvent>): HookEvent[] {
  return HOOK_EVENTS.filter((event) => hook[event]);
}

/** “All 14 events”, “3 events”, “1 event”, “No events”. */
export function eventsInWords(hook: Pick<WebHook, HookEvent>): string {
  const count = eventsOf(hook).length;
  if (count === HOOK_EVENTS.length) return `All ${count} events`;
  if (count === 0) return 'No events';
  return `${count} event${count === 1 ? '' : 's'}`;
}

export type HookState = 'disabled' | 'inactive' | 'failing' | 'active';

/**
 * What is wrong with a hook, the worst first: disabled after failing too
 * often, switched off, failing lately, or fine.
 */
export function stateOf(
  hook: Pick<WebHook, 'disabledAt' | 'isActive' | 'failureCount'>,
): HookState {
  if (hook.disabledAt) return 'disabled';
  if (!hook.isActive) return 'inactive';
  if (hook.failureCount > 0) return 'failing';
  return 'active';
}

export interface HookFormValues {
  name: string;
  url: string;
  isActive: boolean;
  events: HookEvent[];
}

/** A new hook's form starts with every event, as the API's defaults. */
export function hookFormValues(hook?: WebHook): HookFormValues {
  return hook
    ? { name: hook.name, url: hook.url, isActive: hook.isActive, events: eventsOf(hook) }
    : { name: '', url: '', isActive: true, events: [...HOOK_EVENTS] };
}

/** The body to send: every event named, true or false, so PUT leaves nothing to what was. */
export function hookBody(values: HookFormValues): WebHookBody {
  const wanted = new Set(values.events);
  return {
    name: values.name.trim(),
    url: values.url.trim(),
    isActive: values.isActive,
    ...(Object.fromEntries(HOOK_EVENTS.map((event) => [event, wanted.has(event)])) as Record<
      HookEvent,
      boolean
    >),
  };
}

/** The form's own checks before sending (the API checks again, and more). */
export function hookFormRules(
  values: HookFormValues,
): Partial<Record<keyof HookFormValues, string>> {
  const errors: Partial<Record<keyof HookFormValues, string>> = {};
  if (!values.name.trim()) errors.name = 'A name is needed';
  const url = values.url.trim();
  if (!url) errors.url = 'A URL is needed';
  else if (!/^https?:\/\/[^\s]+$/i.test(url)) errors.url = 'An absolute http:// or https:// URL';
  return errors;
}

/** One attempt in words: “500 · 120 ms”, “timed out after 10 s · 10001 ms”. */
export function attemptInWords(attempt: DeliveryAttempt): string {
  const outcome =
    attempt.statusCode !== null
      ? `HTTP ${attempt.statusCode}${attempt.error ? ` (${attempt.error})` : ''}`
      : (attempt.error ?? 'no answer');
  return `${outcome} · ${attempt.durationMs} ms`;
}
