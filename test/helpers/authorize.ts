import { createHash, randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Cookies from Set-Cookie headers, as a Cookie header value (name=value; …). */
export function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    take(setCookie: string | string[] | undefined) {
      for (const line of [setCookie ?? []].flat()) {
        const [pair] = line.split(';');
        const eq = pair.indexOf('=');
        const value = pair.slice(eq + 1);
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '')
          cookies.delete(pair.slice(0, eq));
        else cookies.set(pair.slice(0, eq), value);
      }
    },
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

export function hiddenInputs(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1]] = match[2].replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCharCode(Number(code)),
    );
  }
  return fields;
}

/**
 * Opens /oauth/authorize as a browser would and signs in on its page.
 * Returns every answer and the browser's cookies, to go on from there.
 */
export async function signInOnAuthorizePage(
  app: NestFastifyApplication,
  query: Record<string, string>,
  user: { email: string; password: string },
  remoteAddress?: string,
) {
  const jar = cookieJar();
  const url = `/oauth/authorize?${new URLSearchParams(query).toString()}`;
  const post = (fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/oauth/authorize',
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      payload: new URLSearchParams(fields).toString(),
    });
  const first = await app.inject({ method: 'GET', url, remoteAddress });
  jar.take(first.headers['set-cookie']);
  if (first.statusCode !== 200) return { jar, url, first, signedIn: null, post };
  const signedIn = await post({
    ...hiddenInputs(first.body),
    action: 'signin',
    email: user.email,
    password: user.password,
  });
  jar.take(signedIn.headers['set-cookie']);
  return { jar, url, first, signedIn, post };
}

/**
 * Drives /oauth/authorize as a browser would: GET the page, sign in, then
 * approve or deny. Returns the final response (a 302 to the app, or a page).
 */
export async function authorize(
  app: NestFastifyApplication,
  query: Record<string, string>,
  user: { email: string; password: string },
  decision: 'approve' | 'deny' = 'approve',
  remoteAddress?: string,
) {
  const { first, signedIn, post } = await signInOnAuthorizePage(app, query, user, remoteAddress);
  if (!signedIn) return first;
  if (signedIn.statusCode !== 200) return signedIn;
  return post({ ...hiddenInputs(signedIn.body), action: decision });
}
