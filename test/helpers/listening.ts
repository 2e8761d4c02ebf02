import { createServer as createHttpServer, Server } from 'node:http';
import { createTestApp, TestApp, TestAppOptions } from './app';
import { createUser } from './auth';
import { freePort } from './network';

export { freePort };

/**
 * The app on a real port, its PUBLIC_URL (the token issuer) pointing there,
 * for clients that fetch; `options` add environment and modules.
 */
export async function listeningApp(
  options: Pick<TestAppOptions, 'env' | 'extraModules'> = {},
): Promise<{ t: TestApp; issuer: URL }> {
  const port = await freePort();
  const issuer = new URL(`http://127.0.0.1:${port}`);
  const t = await createTestApp({
    env: { TOKEN_RATE_LIMIT_PER_MINUTE: '100000', ...options.env, PUBLIC_URL: issuer.origin },
    extraModules: options.extraModules,
  });
  await t.app.listen(port, '127.0.0.1');
  return { t, issuer };
}

/**
 * A global admin signed in over HTTP, and a helper that POSTs JSON as them,
 * expecting 201: enough to set up projects, entry types and clients.
 */
export async function adminPoster(t: TestApp, issuer: URL) {
  const admin = await createUser(t.app, { isAdmin: true });
  const signedIn = await fetch(new URL('/authenticate', issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: admin.email, password: admin.password }),
  });
  if (signedIn.status !== 200) throw new Error(`admin sign-in failed: ${signedIn.status}`);
  const adminToken = ((await signedIn.json()) as { access_token: string }).access_token;
  return async (path: string, payload: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(new URL(path, issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(payload),
    });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
}

/** The app's side of the redirect: a real HTTP server answering a small page, recording callbacks. */
export async function redirectListener(): Promise<{
  server: Server;
  url: string;
  received: URL[];
}> {
  const received: URL[] = [];
  const server = createHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname !== '/callback') {
      // The browser asks for /favicon.ico: nothing, without a 404 in its console.
      response.writeHead(204).end();
      return;
    }
    received.push(url);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Example app</title><h1>Back in the app</h1>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/callback`, received };
}
