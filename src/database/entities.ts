import { RateLimit } from '../auth/brute-force/rate-limit.entity';
import { SignInFailure } from '../auth/brute-force/sign-in-failure.entity';
import { Client } from '../clients/client.entity';
import { Entry } from '../entries/entry.entity';
import { EntryType } from '../entry-types/entry-type.entity';
import { Media } from '../media/media.entity';
import { ProjectMembership } from '../projects/project-membership.entity';
import { Project } from '../projects/project.entity';
import { AuthorizationCode } from '../tokens/authorization-code.entity';
import { RefreshToken } from '../tokens/refresh-token.entity';
import { RevokedToken } from '../tokens/revoked-token.entity';
import { Session } from '../tokens/session.entity';
import { SigningKey } from '../tokens/signing-key.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once for the app, the CLI and ormconfig.ts alike. */
export const ENTITIES = [
  User,
  Session,
  RefreshToken,
  RevokedToken,
  Project,
  ProjectMembership,
  Client,
  EntryType,
  Entry,
  AuthorizationCode,
  RateLimit,
  SignInFailure,
  SigningKey,
  Media,
];
