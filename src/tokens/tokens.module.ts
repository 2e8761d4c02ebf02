import { Module } from '@nestjs/common';
import { PasswordService } from './password.service';

/** The low layer: password hashing now; signing, verification and revocation join it. */
@Module({
  providers: [PasswordService],
  exports: [PasswordService],
})
export class TokensModule {}
