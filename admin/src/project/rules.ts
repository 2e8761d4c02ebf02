import type { FieldErrors, Schemas } from '@tessera/client';

export type Project = Schemas['ProjectDto'];
export type Member = Schemas['MemberDto'];
export type Role = Member['membershipType'];

/** What the signed-in user may do in a project, as the API's access rules decide it. */
export interface Powers {
  /** Rename, members, API clients: the project's admins, its owner and global admins. */
  manage: boolean;
  /** Delete the project: its owner and global admins only. */
  delete: boolean;
}

export function powersIn(
  project: Pick<Project, 'userId' | 'members'>,
  user: { id: number; isAdmin: boolean },
): Powers {
  const owner = project.userId === user.id;
  const admin = project.members.some(
    (member) =>
      member.id === user.id && member.membershipIsActive && member.membershipType === 'admin',
  );
  return { manage: user.isAdmin || owner || admin, delete: user.isAdmin || owner };
}

/**
 * Which changes the API would refuse for a member, and why: the owner and
 * the last active admin stay active admins and stay in the project (the
 * members service answers 409 otherwise).
 */
export interface MemberControls {
  /** Demote to author or deactivate. */
  demote: boolean;
  remove: boolean;
  /** Why the controls are off, in words; null when they are on. */
  reason: string | null;
}

export function memberControls(member: Member, members: Member[], ownerId: number): MemberControls {
  if (member.id === ownerId) {
    return {
      demote: false,
      remove: false,
      reason: 'The project owner cannot be demoted, deactivated or removed.',
    };
  }
  const admins = members.filter(
    (other) => other.membershipType === 'admin' && other.membershipIsActive,
  );
  if (admins.length === 1 && admins[0].id === member.id) {
    return {
      demote: false,
      remove: false,
      reason: 'The last admin of a project cannot be demoted, deactivated or removed.',
    };
  }
  return { demote: true, remove: true, reason: null };
}

/** Redirect URIs typed one a line (or separated by spaces): blanks dropped, duplicates once. */
export function parseRedirectUris(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))];
}

/** A refused request, with the API's message and, for a 400, its field errors. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** The first message about a field, or about anything nested in it (`redirectUris.0`); else null. */
  field(name: string): string | null {
    return firstMessage(this.fields[name]);
  }
}

function firstMessage(value: FieldErrors[string] | undefined): string | null {
  if (!value) return null;
  if (Array.isArray(value)) return value[0] ?? null;
  for (const nested of Object.values(value)) {
    const message = firstMessage(nested);
    if (message) return message;
  }
  return null;
}

/** The failure an API answer carries: its `message` in words, never a bare status. */
export function failureOf(answer: { status: number; error?: unknown }): ApiFailure {
  const body = answer.error as { message?: unknown; errors?: unknown } | undefined;
  const message =
    typeof body?.message === 'string' && body.message
      ? body.message
      : `The server answered ${answer.status}`;
  const fields =
    body?.errors && typeof body.errors === 'object' ? (body.errors as FieldErrors) : {};
  return new ApiFailure(message, answer.status, fields);
}

/**
 * How to read a project's entries with an API client: a shell and a
 * TypeScript snippet. An `envelope` client's token is under `data`
 * (@tessera/client reads either body).
 */
export function readSnippets(
  origin: string,
  projectId: number,
  clientId: string,
  tokenResponse: 'oauth2' | 'envelope' = 'oauth2',
) {
  const envelope = tokenResponse === 'envelope';
  const curl = [
    '# The secret: from the dialog that showed it once',
    "export TESSERA_CLIENT_SECRET='…'",
    `TOKEN=$(curl -s ${origin}/oauth/token \\`,
    '  -d grant_type=client_credentials \\',
    `  -d client_id=${clientId} \\`,
    `  --data-urlencode "client_secret=$TESSERA_CLIENT_SECRET" | jq -r ${envelope ? '.data.access_token' : '.access_token'})`,
    `curl -s -H "Authorization: Bearer $TOKEN" ${origin}/project/${projectId}/entry`,
  ].join('\n');
  const client = [
    "import { createTesseraClient } from '@tessera/client';",
    '',
    `const tessera = createTesseraClient({ baseUrl: '${origin}' });`,
    'await tessera.signInAsClient({',
    `  clientId: '${clientId}',`,
    '  clientSecret: process.env.TESSERA_CLIENT_SECRET!,',
    '});',
    "const entries = tessera.items('/project/{projectId}/entry', {",
    `  params: { path: { projectId: ${projectId} } },`,
    '});',
    'for await (const entry of entries) console.log(entry.name, entry.fields);',
  ].join('\n');
  return { curl, client };
}
