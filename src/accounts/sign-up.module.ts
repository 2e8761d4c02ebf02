import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TokensModule } from '../tokens/tokens.module';
import { UsersModule } from '../users/users.module';
import { SignUpController } from './sign-up.controller';
import { SignUpService } from './sign-up.service';

/** Sign-up and e-mail verification, on contentjet's `/user/…` paths. */
@Module({
  imports: [UsersModule, ProjectsModule, TokensModule],
  controllers: [SignUpController],
  providers: [SignUpService],
})
export class SignUpModule {}
