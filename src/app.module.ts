import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { appConfig, authConfig, databaseConfig } from './config/configuration';
import { DatabaseModule } from './database/database.module';
import { EntriesModule } from './entries/entries.module';
import { EntryTypesModule } from './entry-types/entry-types.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging';
import { UsersModule } from './users/users.module';
import { ProjectsModule } from './projects/projects.module';
import { ClientsModule } from './clients/clients.module';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      // A .env is optional; tests never read one, so a developer's file cannot sway them.
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      load: [appConfig, databaseConfig, authConfig],
    }),
    LoggingModule,
    DatabaseModule,
    HealthModule,
    UsersModule,
    ProjectsModule,
    ClientsModule,
    EntryTypesModule,
    EntriesModule,
    AuthModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
})
export class AppModule {}
