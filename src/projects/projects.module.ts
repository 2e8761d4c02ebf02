import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ContentModule } from '../content/content.module';
import { MediaModule } from '../media/media.module';
import { UsersModule } from '../users/users.module';
import { InviteTokens } from './invite-tokens';
import { InvitesController } from './invites.controller';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { ProjectAccessService } from './project-access.service';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

@Module({
  imports: [UsersModule, ClientsModule, ContentModule, MediaModule],
  controllers: [ProjectsController, MembersController, InvitesController],
  providers: [
    ProjectsRepository,
    MembersRepository,
    InvitesRepository,
    ProjectsService,
    MembersService,
    InvitesService,
    InviteTokens,
    ProjectAccessService,
  ],
  exports: [ProjectAccessService, InvitesService],
})
export class ProjectsModule {}
