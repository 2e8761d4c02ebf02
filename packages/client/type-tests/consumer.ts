// Compiled with --strict (npm run check), never run: what an application
// writes against the client must type-check, and what it must not, must not.
import { createTesseraClient, type FieldErrors } from '@tessera/client';

const tessera = createTesseraClient({ baseUrl: 'https://cms.example.com' });

export async function createProject(name: string): Promise<string | FieldErrors | undefined> {
  const created = await tessera.POST('/project', { body: { name } });
  if (created.status === 400) {
    // A 400 is a ValidationError: its field messages are typed.
    const messages: FieldErrors | undefined = created.error.errors;
    return messages;
  }
  // @ts-expect-error POST /project declares no 409: the comparison cannot be true
  if (created.status === 409) return undefined;
  if (!created.ok) {
    // Every other error is in the one error shape.
    const status: number = created.error.status;
    return `${status} ${created.error.name}: ${created.error.message}`;
  }
  // @ts-expect-error a project has no `title`
  void created.data.title;
  return created.data.name;
}

export async function entryNames(projectId: number): Promise<string[]> {
  const page = await tessera.GET('/project/{projectId}/entry', {
    params: { path: { projectId }, query: { pageSize: 100, orderBy: '-published' } },
  });
  if (!page.ok) return [];
  // A page of entries: `results` is typed.
  const names = page.data.results.map((entry) => entry.name);
  const total: number = page.data.totalRecords;
  void total;
  return names;
}

export async function allEntryTypes(projectId: number): Promise<string[]> {
  const names: string[] = [];
  const pages = tessera.pages('/project/{projectId}/entry-type', {
    params: { path: { projectId } },
  });
  for await (const page of pages) names.push(...page.results.map((type) => type.name));
  for await (const entry of tessera.items('/project/{projectId}/entry', {
    params: { path: { projectId } },
  })) {
    names.push(entry.name);
  }
  return names;
}

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error the entry list needs its projectId
  await tessera.GET('/project/{projectId}/entry');
  // @ts-expect-error not a paged list
  tessera.pages('/user/me');
  // @ts-expect-error no such path
  await tessera.GET('/nowhere');
  await tessera.signIn('ada@example.com', 'a long password');
  await tessera.signInAsClient({ clientId: 'id', clientSecret: 'secret' });
}
