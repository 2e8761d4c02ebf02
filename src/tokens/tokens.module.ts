import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { authConfig, AuthConfig } from '../config/configuration';
import { NotificationsModule } from '../database/notifications.module';
import { AccessTokenService } from './access-token.service';
import { AuthorizationCodeRepository } from './authorization-code.repository';
import { AuthorizationCodeService } from './authorization-code.service';
import { PasswordService } from '../crypto/password.service';
import { RevocationRepository } from './revocation.repository';
import { RevocationService } from './revocation.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { signingKey } from './signing-key';

/** The low layer: signing and verifying tokens, revocation, sessions, password hashing. */
@Module({
  imports: [
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        secret: signingKey(config.jwtSecret),
        signOptions: {
          algorithm: 'HS256',
          issuer: config.issuer,
          audience: config.audience,
          header: { alg: 'HS256', typ: 'at+jwt' },
        },
        verifyOptions: {
          algorithms: ['HS256'],
          issuer: config.issuer,
          audience: config.audience,
        },
      }),
    }),
  ],
  providers: [
    RevocationRepository,
    SessionRepository,
    AuthorizationCodeRepository,
    PasswordService,
    AccessTokenService,
    RevocationService,
    SessionService,
    AuthorizationCodeService,
  ],
  exports: [
    PasswordService,
    AccessTokenService,
    RevocationService,
    SessionService,
    AuthorizationCodeService,
    JwtModule,
  ],
})
export class TokensModule {}
