import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { basicAuth, bearer, createUser, signIn, Tokens } from './auth';
import { authorize, pkce } from './authorize';

export const APP_REDIRECT = 'http://127.0.0.1:9999/callback';

export interface Publisher {
  adminToken: string;
  projectId: number;
  app: { id: number; clientId: string; clientSecret: string };
  member: { id: number; email: string; password: string };
}

/** A project with an admin, an author, and a third-party app registered as its API client. */
export async function publisher(app: NestFastifyApplication): Promise<Publisher> {
  const owner = await createUser(app);
  const adminToken = (await signIn(app, owner.email, owner.password)).access_token;
  const call = async (url: string, payload: unknown) => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: bearer(adminToken),
      payload: payload as object,
    });
    if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const projectId: number = (await call('/project/', { name: 'Delegated' })).id;
  const client = await call(`/project/${projectId}/client/`, {
    name: 'Publisher App',
    redirectUris: [APP_REDIRECT],
  });
  const member = await createUser(app, { name: 'Author' });
  await call(`/project/${projectId}/member/`, { email: member.email, membershipType: 'author' });
  return { adminToken, projectId, app: client, member };
}

/** An authorization request of the app's, as it would send the browser to /oauth/authorize. */
export function authorizeQuery(
  setup: Pick<Publisher, 'app'>,
  options: { scope?: string; codeChallenge?: string } = {},
): Record<string, string> {
  return {
    response_type: 'code',
    client_id: setup.app.clientId,
    redirect_uri: APP_REDIRECT,
    scope: options.scope ?? 'read',
    state: 's',
    code_challenge: options.codeChallenge ?? pkce().challenge,
    code_challenge_method: 'S256',
  };
}

/** The member's tokens for the app: authorization code grant with PKCE, as the app would. */
export async function delegatedTokens(
  app: NestFastifyApplication,
  setup: Publisher,
  scope = 'read write',
): Promise<Tokens & { scope: string }> {
  const { verifier, challenge } = pkce();
  const approved = await authorize(
    app,
    authorizeQuery(setup, { scope, codeChallenge: challenge }),
    setup.member,
  );
  if (approved.statusCode !== 302) throw new Error(`authorize: ${approved.statusCode}`);
  const code = new URL(approved.headers.location as string).searchParams.get('code')!;
  const res = await exchangeCode(app, setup.app, { code, code_verifier: verifier });
  if (res.statusCode !== 200) throw new Error(`code exchange: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The app's side of the authorization code grant: code and verifier for tokens. */
export function exchangeCode(
  app: NestFastifyApplication,
  client: { clientId: string; clientSecret: string },
  fields: Record<string, string>,
) {
  return app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basicAuth(client),
    },
    payload: new URLSearchParams({
      grant_type: 'authorization_code',
      redirect_uri: APP_REDIRECT,
      ...fields,
    }).toString(),
  });
}
