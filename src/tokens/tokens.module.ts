import { Module } from '@nestjs/common';
import { NotificationsModule } from '../database/notifications.module';
import { AccessTokenService } from './access-token.service';
import { AuthorizationCodeRepository } from './authorization-code.repository';
import { AuthorizationCodeService } from './authorization-code.service';
import { PasswordService } from '../crypto/password.service';
import { RevocationRepository } from './revocation.repository';
import { RevocationService } from './revocation.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SigningKeyRepository } from './signing-key.repository';
import { SigningKeyService } from './signing-key.service';

/** The low layer: signing keys, signing and verifying tokens, revocation, sessions, password hashing. */
@Module({
  imports: [NotificationsModule],
  providers: [
    RevocationRepository,
    SessionRepository,
    AuthorizationCodeRepository,
    SigningKeyRepository,
    PasswordService,
    SigningKeyService,
    AccessTokenService,
    RevocationService,
    SessionService,
    AuthorizationCodeService,
  ],
  exports: [
    PasswordService,
    SigningKeyService,
    AccessTokenService,
    RevocationService,
    SessionService,
    AuthorizationCodeService,
  ],
})
export class TokensModule {}
