import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where `npm run build` puts the admin UI: `dist/admin` beside `dist/src`,
 * found from here whether this runs built (dist/src/admin-ui) or from source
 * (src/admin-ui, under the tests).
 */
export function adminBuildDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'admin');
}

/** Written into index.html by the build; replaced by each answer's CSP nonce. */
export const NONCE_PLACEHOLDER = '__TESSERA_CSP_NONCE__';

/**
 * Nothing beyond this origin, and inline styles only with this answer's nonce
 * (Mantine's <style>). Images may also be `blob:` URLs: media thumbnails are
 * fetched with the access token, which an `<img src>` cannot send, and shown
 * from a blob; nothing else (scripts, frames, connections) may use blobs.
 */
export function adminContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
