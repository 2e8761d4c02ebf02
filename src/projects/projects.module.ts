import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { UsersModule } from '../users/users.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { ProjectAccessService } from './project-access.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [UsersModule, ClientsModule],
  controllers: [ProjectsController, MembersController],
  providers: [ProjectsService, MembersService, ProjectAccessService],
  exports: [ProjectAccessService],
})
export class ProjectsModule {}
