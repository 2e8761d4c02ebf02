import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig, authConfig, databaseConfig } from '../config/configuration';
import { DatabaseModule } from '../database/database.module';
import { UsersModule } from '../users/users.module';

/** What the command line needs: configuration, the database (migrated), users. */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      load: [appConfig, databaseConfig, authConfig],
    }),
    DatabaseModule,
    UsersModule,
  ],
})
export class CliModule {}
