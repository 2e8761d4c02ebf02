import type { Page } from 'playwright-core';

/**
 * Steps the admin UI browser suites share, with the locators those suites
 * use: a person signing in on the page, moving between a project's sections,
 * and a website reading a project's entries with an API client's secret.
 */

/** Signs in through the sign-in page and waits for the projects list. */
export async function signInThroughPage(
  page: Page,
  origin: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${origin}/admin/sign-in`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Projects', level: 2 }).waitFor();
}

/** Opens one of a project's sections from its navigation. */
export const openSection = (page: Page, name: string): Promise<void> =>
  page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name }).click();

/**
 * Over real HTTP, as a website would: client credentials, then the project's
 * entries. `entries` is the status, `body` the page of entries when it is 200.
 */
export async function readEntries(
  origin: string,
  projectId: number,
  clientId: string,
  clientSecret: string,
): Promise<{ token: number; entries: number | null; accessToken?: string; body?: unknown }> {
  const token = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  if (token.status !== 200) return { token: token.status, entries: null };
  const { access_token } = (await token.json()) as { access_token: string };
  const entries = await fetch(`${origin}/project/${projectId}/entry`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  const body: unknown = entries.status === 200 ? await entries.json() : undefined;
  return { token: 200, entries: entries.status, accessToken: access_token, body };
}
