/**
 * The events a web hook can want, as the API names them (contentjet's and
 * `entryPublished`): written out here rather than imported from the source,
 * so a test notices an event that goes missing there.
 */
export const WEB_HOOK_EVENTS = [
  'projectUpdated',
  'projectDeleted',
  'entryTypeCreated',
  'entryTypeUpdated',
  'entryTypeDeleted',
  'entryCreated',
  'entryUpdated',
  'entryDeleted',
  'entryDeletedBulk',
  'entryPublished',
  'mediaCreated',
  'mediaUpdated',
  'mediaDeleted',
  'mediaDeletedBulk',
] as const;
