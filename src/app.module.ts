import { Module } from '@nestjs/common';
import { AdminUiModule } from './admin-ui/admin-ui.module';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { ConfigurationModule } from './config/configuration.module';
import { DatabaseModule } from './database/database.module';
import { EntriesModule } from './entries/entries.module';
import { EntryTypesModule } from './entry-types/entry-types.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { MailModule } from './mail/mail.module';
import { AccountsModule } from './accounts/accounts.module';
import { SignUpModule } from './accounts/sign-up.module';
import { AccountRecoveryModule } from './accounts/account-recovery.module';
import { LoggingModule } from './http/logging';
import { MediaModule } from './media/media.module';
import { MetricsModule } from './metrics/metrics.module';
import { UsersModule } from './users/users.module';
import { ProjectsModule } from './projects/projects.module';
import { ClientsModule } from './clients/clients.module';
import { SyncModule } from './sync/sync.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ConfigurationModule,
    LoggingModule,
    DatabaseModule,
    JobsModule,
    MailModule,
    AccountsModule,
    HealthModule,
    UsersModule,
    ProjectsModule,
    ClientsModule,
    EntryTypesModule,
    EntriesModule,
    MediaModule,
    SyncModule,
    WebhooksModule,
    SignUpModule,
    AuthModule,
    AccountRecoveryModule,
    MetricsModule,
    AdminUiModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
})
export class AppModule {}
