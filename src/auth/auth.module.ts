import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { authConfig, AuthConfig } from '../config/configuration';
import { ClientsModule } from '../clients/clients.module';
import { ProjectsModule } from '../projects/projects.module';
import { TokensModule } from '../tokens/tokens.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AdminSessionController } from './admin-session/admin-session.controller';
import { AuthController } from './auth.controller';
import { BruteForceModule } from './brute-force/brute-force.module';
import { DatabaseThrottlerStorage } from './brute-force/database-throttler.storage';
import { AuthorizeController } from './authorize/authorize.controller';
import { ClientAuthenticateController } from './client-authenticate.controller';
import { CredentialsService } from './credentials.service';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { OAuthTokenController } from './oauth-token.controller';
import { TokenGrantsService } from './token-grants.service';
import { CompatRenewalsService } from './compat/compat-renewals.service';
import { ContentjetTokenController } from './compat/contentjet-token.controller';
import { V1Controller } from './compat/v1.controller';

@Module({
  imports: [
    PassportModule,
    TokensModule,
    UsersModule,
    ClientsModule,
    ProjectsModule,
    BruteForceModule,
    ThrottlerModule.forRootAsync({
      imports: [BruteForceModule],
      inject: [authConfig.KEY, DatabaseThrottlerStorage],
      useFactory: (config: AuthConfig, storage: DatabaseThrottlerStorage) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.tokenRateLimitPerMinute }],
        storage,
      }),
    }),
  ],
  controllers: [
    AuthController,
    OAuthTokenController,
    ContentjetTokenController,
    V1Controller,
    ClientAuthenticateController,
    AuthorizeController,
    AdminSessionController,
  ],
  providers: [
    CredentialsService,
    TokenGrantsService,
    CompatRenewalsService,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  // The one password check, for flows elsewhere that ask for the current password.
  exports: [CredentialsService],
})
export class AuthModule {}
