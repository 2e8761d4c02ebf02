import { AccountsModule } from '../accounts/accounts.module';
import { Module } from '@nestjs/common';
import { ConfigurationModule } from '../config/configuration.module';
import { DatabaseModule } from '../database/database.module';
import { NotificationsModule } from '../database/notifications.module';
import { SigningKeyRepository } from '../tokens/signing-key.repository';
import { SigningKeyRotationService } from '../tokens/signing-key-rotation.service';
import { UsersModule } from '../users/users.module';

/** What the command line needs: configuration, the database (migrated), users. */
@Module({
  // AccountsModule: UsersService ends a deactivated user's mailed links.
  imports: [ConfigurationModule, DatabaseModule, AccountsModule, UsersModule],
})
export class CliModule {}

/**
 * What rotate-signing-key needs, and no more: without the tokens layer, whose
 * start unseals the current key, it also replaces a key sealed under a
 * JWT_SECRET that is gone.
 */
@Module({
  imports: [ConfigurationModule, DatabaseModule, NotificationsModule],
  providers: [SigningKeyRepository, SigningKeyRotationService],
})
export class SigningKeysCliModule {}
