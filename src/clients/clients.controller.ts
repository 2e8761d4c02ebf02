import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentProject, ProjectAccess, ProjectAccessContext } from '../common/access';
import { pathId } from '../common/ids';
import { ClientsService } from './clients.service';
import { ClientDto, ClientWithSecretDto, RotateSecretDto, UpdateClientDto } from './dto/client.dto';

@ApiTags('clients')
@ProjectAccess('admin')
@Controller('project/:projectId/client')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @ApiOperation({ summary: "The project's API clients (never their secrets)" })
  @ApiOkResponse({ type: [ClientDto] })
  list(@CurrentProject() project: ProjectAccessContext): Promise<ClientDto[]> {
    return this.clients.list(project.projectId);
  }

  @Post()
  // The secret is in this response: no cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Create an API client; the response holds its secret, shown this once (read-only fields of a client as read are ignored)',
  })
  @ApiCreatedResponse({ type: ClientWithSecretDto })
  create(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: UpdateClientDto,
  ): Promise<ClientWithSecretDto> {
    return this.clients.create(project.projectId, body);
  }

  @Get(':clientId')
  @ApiOperation({ summary: 'An API client' })
  @ApiOkResponse({ type: ClientDto })
  get(
    @CurrentProject() project: ProjectAccessContext,
    @Param('clientId') clientId: string,
  ): Promise<ClientDto> {
    return this.clients.get(project.projectId, pathId(clientId, 'Client not found'));
  }

  @Put(':clientId')
  @ApiOperation({
    summary:
      'Change an API client; taking a scope, an entry type or time before expiry away also ends its live tokens',
  })
  @ApiOkResponse({ type: ClientDto })
  update(
    @CurrentProject() project: ProjectAccessContext,
    @Param('clientId') clientId: string,
    @Body() body: UpdateClientDto,
  ): Promise<ClientDto> {
    return this.clients.update(project.projectId, pathId(clientId, 'Client not found'), body);
  }

  @Delete(':clientId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an API client; its tokens stop working at once' })
  @ApiNoContentResponse()
  async remove(
    @CurrentProject() project: ProjectAccessContext,
    @Param('clientId') clientId: string,
  ): Promise<void> {
    await this.clients.remove(project.projectId, pathId(clientId, 'Client not found'));
  }

  @Post(':clientId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Replace the secret (shown once); the old one and its tokens stop at once, or with graceSeconds the old one works until then',
  })
  @ApiBody({ type: RotateSecretDto, required: false })
  @ApiOkResponse({ type: ClientWithSecretDto })
  rotate(
    @CurrentProject() project: ProjectAccessContext,
    @Param('clientId') clientId: string,
    @Body() body?: RotateSecretDto,
  ): Promise<ClientWithSecretDto> {
    return this.clients.rotateSecret(
      project.projectId,
      pathId(clientId, 'Client not found'),
      body?.graceSeconds ?? 0,
    );
  }
}
