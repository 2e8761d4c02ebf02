import { Module } from '@nestjs/common';
import { ConfigurationModule } from '../config/configuration.module';
import { DatabaseModule } from '../database/database.module';
import { UsersModule } from '../users/users.module';

/** What the command line needs: configuration, the database (migrated), users. */
@Module({
  imports: [ConfigurationModule, DatabaseModule, UsersModule],
})
export class CliModule {}
