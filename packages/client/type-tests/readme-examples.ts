// The examples of both READMEs, compiled with --strict (npm run check) so they stay true.
import { createTesseraClient } from '@tessera/client';

export async function website(): Promise<void> {
  const tessera = createTesseraClient({ baseUrl: 'https://cms.example.com' });
  await tessera.signInAsClient({ clientId: 'your-client-id', clientSecret: 'your-client-secret' });
  const entries = tessera.items('/project/{projectId}/entry', {
    params: { path: { projectId: 1 } },
  });
  for await (const entry of entries) console.log(entry.name, entry.fields);
}

export async function admin(storage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}): Promise<void> {
  const tessera = createTesseraClient({
    baseUrl: 'https://cms.example.com',
    tokens: (JSON.parse(storage.getItem('tessera') ?? 'null') as never) ?? undefined,
    onTokens: (tokens) => storage.setItem('tessera', JSON.stringify(tokens)),
  });
  await tessera.signIn('ada@example.com', 'a long password');

  const project = await tessera.POST('/project', { body: { name: 'Website' } });
  if (project.status === 400) {
    console.log(project.error.errors);
  } else if (project.ok) {
    console.log(project.data.id);
  }

  const created = await tessera.POST('/project/{projectId}/entry', {
    params: { path: { projectId: 1 } },
    body: { entryTypeId: 2, name: 'Hello', fields: { title: 'Hello' } },
  });
  if (created.status === 400) {
    console.log(created.error.errors);
  } else if (!created.ok) {
    console.log(created.error.message);
  } else {
    console.log(created.data.id);
  }

  for await (const entry of tessera.items('/project/{projectId}/entry', {
    params: { path: { projectId: 1 }, query: { orderBy: '-published' } },
  }))
    console.log(entry.name);
  await tessera.signOut();
}
