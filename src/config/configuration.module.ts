import { ConfigModule } from '@nestjs/config';
import {
  appConfig,
  authConfig,
  databaseConfig,
  jobsConfig,
  mediaConfig,
  webhooksConfig,
  mailConfig,
} from './configuration';

/** The validated configuration namespaces, for the server and the CLI alike. */
export const ConfigurationModule = ConfigModule.forRoot({
  isGlobal: true,
  // A .env is optional; tests never read one, so a developer's file cannot sway them.
  ignoreEnvFile: process.env.NODE_ENV === 'test',
  load: [
    appConfig,
    databaseConfig,
    authConfig,
    mediaConfig,
    jobsConfig,
    webhooksConfig,
    mailConfig,
  ],
});
