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

// The README reads and writes a file with node:fs; this package has no Node types.
export async function admin(
  readFileSync: (path: string, encoding: 'utf8') => string,
  writeFileSync: (path: string, text: string, options: { mode: number }) => void,
): Promise<void> {
  const saved = (() => {
    try {
      return JSON.parse(readFileSync('.tessera-tokens.json', 'utf8')) as never;
    } catch {
      return undefined;
    }
  })();
  const tessera = createTesseraClient({
    baseUrl: 'https://cms.example.com',
    tokens: saved,
    onTokens: (tokens) =>
      writeFileSync('.tessera-tokens.json', JSON.stringify(tokens), { mode: 0o600 }),
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
