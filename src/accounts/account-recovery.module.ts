import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TokensModule } from '../tokens/tokens.module';
import { UsersModule } from '../users/users.module';
import { EmailChangeController } from './email-change.controller';
import { EmailChangeService } from './email-change.service';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetService } from './password-reset.service';

/** Users recovering and moving their own accounts by mail: password reset, email change. */
@Module({
  imports: [AuthModule, UsersModule, TokensModule],
  controllers: [PasswordResetController, EmailChangeController],
  providers: [PasswordResetService, EmailChangeService],
})
export class AccountRecoveryModule {}
