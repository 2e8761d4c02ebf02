import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { UsersService } from '../../src/users/users.service';

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
}

let counter = 0;

/** A fresh user with a unique email; returns its credentials and id. */
export async function createUser(
  app: NestFastifyApplication,
  overrides: { email?: string; password?: string; name?: string; isAdmin?: boolean } = {},
) {
  counter += 1;
  const email = overrides.email ?? `user${counter}-${Date.now()}@example.com`;
  const password = overrides.password ?? 'correct horse battery';
  const user = await app.get(UsersService).create({
    email,
    password,
    name: overrides.name ?? `User ${counter}`,
    isAdmin: overrides.isAdmin ?? false,
  });
  return { id: user.id, email, password };
}

/** Signs in through `POST /authenticate` and returns the token response. */
export async function signIn(
  app: NestFastifyApplication,
  email: string,
  password: string,
): Promise<Tokens> {
  const res = await app.inject({
    method: 'POST',
    url: '/authenticate',
    payload: { username: email, password, grant_type: 'password' },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** HTTP Basic client authentication (RFC 6749 §2.3.1). */
export const basicAuth = (client: { clientId: string; clientSecret: string }) =>
  `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;

/** An API client's read token (client credentials). */
export async function clientToken(
  app: NestFastifyApplication,
  client: { clientId: string; clientSecret: string },
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    },
  });
  if (res.statusCode !== 200) throw new Error(`client credentials: ${res.statusCode} ${res.body}`);
  return res.json().access_token;
}

/** The JWT's header and payload, unverified. */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, payload };
}
