import { CreateUser1764057600000 } from './1764057600000-create-user';
import { CreateSessions1764144000000 } from './1764144000000-create-sessions';

/** Every migration, oldest first. Listed here so builds and tests need no file globbing. */
export const MIGRATIONS = [CreateUser1764057600000, CreateSessions1764144000000];
