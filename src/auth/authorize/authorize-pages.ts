import {
  AuthorizationParameters,
  AuthorizationRequest,
  PARAMETER_NAMES,
  SCOPES,
} from './authorization-request';

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f4f5f7; color: #1d2330; }
  main { box-sizing: border-box; width: min(26rem, calc(100vw - 2rem)); background: #fff; border-radius: 12px; padding: 2rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12), 0 8px 24px rgb(0 0 0 / 0.06); }
  h1 { font-size: 1.35rem; margin: 0 0 0.5rem; }
  p { line-height: 1.5; margin: 0.5rem 0 1rem; color: #414a5c; }
  .brand { font-weight: 700; letter-spacing: 0.04em; color: #5b3cc4; margin-bottom: 1.25rem; }
  button, input { font: inherit; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.35rem; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 0.6rem 0.7rem;
    border: 1px solid #c5cad6; border-radius: 8px; font-size: 1rem; }
  input:focus-visible, button:focus-visible { outline: 3px solid #9b87f5; outline-offset: 2px; }
  ul { padding-left: 1.2rem; line-height: 1.6; }
  .actions { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
  button { flex: 1; padding: 0.65rem 1rem; border-radius: 8px; font-size: 1rem; font-weight: 600; cursor: pointer;
    border: 1px solid #5b3cc4; background: #5b3cc4; color: #fff; }
  button.secondary { background: #fff; color: #5b3cc4; }
  .error { background: #fdecec; color: #8a1c1c; border-radius: 8px; padding: 0.6rem 0.8rem; }
  .muted { font-size: 0.9rem; color: #6b7385; }
  @media (prefers-color-scheme: dark) {
    body { background: #15171c; color: #e8eaf0; } main { background: #1f232b; box-shadow: none; }
    p, .muted { color: #b4bac8; } input[type=email], input[type=password] { background: #15171c; color: #e8eaf0; border-color: #3a4050; }
    button.secondary { background: transparent; color: #c9bcff; border-color: #9b87f5; }
    .brand { color: #c9bcff; } .error { background: #4a1f24; color: #ffd7d7; }
  }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Tessera</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="brand">Tessera</div>
${body}
</main>
</body>
</html>`;
}

function hiddenFields(parameters: AuthorizationParameters, csrf: string): string {
  const fields = PARAMETER_NAMES.filter((name) => parameters[name] !== undefined).map(
    (name) => `<input type="hidden" name="${name}" value="${escapeHtml(parameters[name] ?? '')}">`,
  );
  fields.push(`<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`);
  return fields.join('\n');
}

export function signInPage(request: AuthorizationRequest, csrf: string, error?: string): string {
  return page(
    'Sign in',
    `<h1>Sign in to continue</h1>
<p><strong>${escapeHtml(request.client.name)}</strong> wants to use your Tessera account.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth/authorize">
${hiddenFields(request.parameters, csrf)}
<input type="hidden" name="action" value="signin">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button type="submit">Sign in</button></div>
</form>`,
  );
}

export function consentPage(
  request: AuthorizationRequest,
  csrf: string,
  userEmail: string,
): string {
  const scopes = request.scopes.map((scope) => `<li>${escapeHtml(SCOPES[scope])}</li>`).join('');
  return page(
    'Allow access',
    `<h1>Allow ${escapeHtml(request.client.name)}?</h1>
<p><strong>${escapeHtml(request.client.name)}</strong> asks to act for you in the project
<strong>${escapeHtml(request.client.projectName)}</strong>. It will be able to:</p>
<ul>${scopes}</ul>
<p class="muted">Never more than your own role allows. You can revoke this at any time.
Signed in as ${escapeHtml(userEmail)}.</p>
<form method="post" action="/oauth/authorize">
${hiddenFields(request.parameters, csrf)}
<div class="actions">
<button type="submit" name="action" value="deny" class="secondary">Deny</button>
<button type="submit" name="action" value="approve">Allow</button>
</div>
</form>`,
  );
}

export function refusalPage(
  request: AuthorizationRequest,
  csrf: string,
  userEmail: string,
): string {
  return page(
    'Not a member',
    `<h1>You cannot grant this access</h1>
<p class="error" role="alert">${escapeHtml(userEmail)} is not a member of the project
<strong>${escapeHtml(request.client.projectName)}</strong>, so it cannot let
<strong>${escapeHtml(request.client.name)}</strong> act in it.</p>
<form method="post" action="/oauth/authorize">
${hiddenFields(request.parameters, csrf)}
<div class="actions">
<button type="submit" name="action" value="signout" class="secondary">Sign in as someone else</button>
<button type="submit" name="action" value="deny">Go back to the app</button>
</div>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page(
    'Cannot continue',
    `<h1>This request cannot continue</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
<p class="muted">Go back to the application you came from and try again, or tell its developers.</p>`,
  );
}
