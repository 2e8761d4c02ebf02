import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens/tokens.module';
import { UserAdminController } from './user-admin.controller';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TokensModule],
  controllers: [UsersController, UserAdminController],
  providers: [UsersRepository, UsersService],
  // The repository too, for flows that change a user inside their own transaction.
  exports: [UsersService, UsersRepository],
})
export class UsersModule {}
