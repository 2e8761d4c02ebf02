/**
 * A link into the admin UI that carries a token, on contentjet's routes
 * (`/accept-invite/<token>`, `/sign-up/verify/<token>`,
 * `/set-password/<token>`). Like contentjet, a token's dots are written as
 * `~` so a JWT survives routers and mail clients that cut a path at a dot;
 * `tokenFromLink` turns them back, and every endpoint that takes a mailed
 * token accepts either form.
 */
export function adminLink(adminUrl: string, route: string, token: string): string {
  return `${adminUrl}/${route.replace(/^\/+|\/+$/g, '')}/${token.replace(/\./g, '~')}`;
}

export function tokenFromLink(token: string): string {
  return token.replace(/~/g, '.');
}
