import { User } from '../users/user.entity';

/** Every entity, listed once for the app, the CLI and ormconfig.ts alike. */
export const ENTITIES = [User];
