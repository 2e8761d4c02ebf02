import { CreateUser1764057600000 } from './1764057600000-create-user';
import { CreateSessions1764144000000 } from './1764144000000-create-sessions';
import { CreateProjectsAndClients1764230400000 } from './1764230400000-create-projects-and-clients';
import { CreateContent1764316800000 } from './1764316800000-create-content';
import { CreateAuthorizationCodes1764403200000 } from './1764403200000-create-authorization-codes';
import { HardenSignIn1764489600000 } from './1764489600000-harden-sign-in';
import { EntryListIndexes1764576000000 } from './1764576000000-entry-list-indexes';
import { CreateSyncTombstones1764662400000 } from './1764662400000-create-sync-tombstones';
import { CreateSigningKeys1764748800000 } from './1764748800000-create-signing-keys';
import { SessionDetails1764835200000 } from './1764835200000-session-details';
import { ClientKeys1764921600000 } from './1764921600000-client-keys';
import { DeferredRevocations1764925200000 } from './1764925200000-deferred-revocations';
import { CreateMedia1765008000000 } from './1765008000000-create-media';
import { CreateWebHooks1765094400000 } from './1765094400000-create-web-hooks';
import { CreateAccountTokens1765180800000 } from './1765180800000-create-account-tokens';
import { CreateProjectInvites1765267200000 } from './1765267200000-create-project-invites';

/** Every migration, oldest first. Listed here so builds and tests need no file globbing. */
export const MIGRATIONS = [
  CreateUser1764057600000,
  CreateSessions1764144000000,
  CreateProjectsAndClients1764230400000,
  CreateContent1764316800000,
  CreateAuthorizationCodes1764403200000,
  HardenSignIn1764489600000,
  EntryListIndexes1764576000000,
  CreateSyncTombstones1764662400000,
  CreateSigningKeys1764748800000,
  SessionDetails1764835200000,
  ClientKeys1764921600000,
  DeferredRevocations1764925200000,
  CreateMedia1765008000000,
  CreateWebHooks1765094400000,
  CreateAccountTokens1765180800000,
  CreateProjectInvites1765267200000,
];
