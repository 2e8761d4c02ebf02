import { tessera } from '../api';
import { failureOf } from '../project/rules';
import type { EntryType, EntryTypeBody } from './fields';

/** Under the project's key: whatever refreshes the project refreshes its entry types too. */
export const entryTypesKey = (projectId: number) => ['project', projectId, 'entry-types'] as const;
export const entryTypeKey = (projectId: number, id: number) =>
  [...entryTypesKey(projectId), id] as const;

export const PAGE_SIZE = 20;

export function listEntryTypes(projectId: number, page: number) {
  return async () => {
    const answer = await tessera.GET('/project/{projectId}/entry-type', {
      params: { path: { projectId }, query: { page, pageSize: PAGE_SIZE } },
    });
    if (!answer.ok) throw failureOf(answer);
    return answer.data;
  };
}

export function fetchEntryType(projectId: number, id: number) {
  return async () => {
    const answer = await tessera.GET('/project/{projectId}/entry-type/{entryTypeId}', {
      params: { path: { projectId, entryTypeId: String(id) } },
    });
    if (!answer.ok) throw failureOf(answer);
    return answer.data;
  };
}

/** Creates the type when `id` is null, else replaces its name, description and fields. */
export async function saveEntryType(
  projectId: number,
  id: number | null,
  body: EntryTypeBody,
): Promise<EntryType> {
  const answer =
    id === null
      ? await tessera.POST('/project/{projectId}/entry-type', {
          params: { path: { projectId } },
          body,
        })
      : await tessera.PUT('/project/{projectId}/entry-type/{entryTypeId}', {
          params: { path: { projectId, entryTypeId: String(id) } },
          body,
        });
  if (!answer.ok) throw failureOf(answer);
  return answer.data;
}

export async function deleteEntryType(projectId: number, id: number): Promise<void> {
  const answer = await tessera.DELETE('/project/{projectId}/entry-type/{entryTypeId}', {
    params: { path: { projectId, entryTypeId: String(id) } },
  });
  if (!answer.ok) throw failureOf(answer);
}
