import { Global, Module } from '@nestjs/common';
import { AccountTokens } from './account-tokens';
import { AccountTokensRepository } from './account-tokens.repository';

/** The mailed single-use tokens, for the flows that send them (users, invites). */
@Global()
@Module({
  providers: [AccountTokens, AccountTokensRepository],
  exports: [AccountTokens],
})
export class AccountsModule {}
