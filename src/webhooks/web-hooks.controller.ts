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
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { NotFoundError } from '../common/api-error';
import { CurrentProject, ProjectAccess, ProjectAccessContext } from '../common/access';
import { pathId } from '../common/ids';
import { Page, PageOf, PageQueryDto } from '../common/pagination';
import {
  DeliveryDetailDto,
  DeliveryDto,
  UpdateWebHookDto,
  WebHookDto,
  WebHookWithSecretDto,
} from './dto/web-hook.dto';
import { WebHooksService } from './web-hooks.service';

const DeliveryPage = PageOf(DeliveryDto);

const hookId = (raw: string) => pathId(raw, 'Web hook not found');

/** A delivery id (bigserial) or a 404: digits only, within what a JSON number holds exactly. */
function deliveryId(raw: string): number {
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new NotFoundError('Delivery not found');
  return id;
}

@ApiTags('web hooks')
@ProjectAccess('admin')
@Controller('project/:projectId/web-hook')
export class WebHooksController {
  constructor(private readonly hooks: WebHooksService) {}

  @Get()
  @ApiOperation({ summary: "The project's web hooks, newest first (never their secrets)" })
  @ApiOkResponse({ type: [WebHookDto] })
  list(@CurrentProject() project: ProjectAccessContext): Promise<WebHookDto[]> {
    return this.hooks.list(project.projectId);
  }

  @Post()
  // The secret is in this response: no cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Create a web hook; the response holds its signing secret, shown this once (read-only fields of a hook as read are ignored)',
  })
  @ApiCreatedResponse({ type: WebHookWithSecretDto })
  create(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: UpdateWebHookDto,
  ): Promise<WebHookWithSecretDto> {
    return this.hooks.create(project.projectId, body);
  }

  @Get(':hookId')
  @ApiOperation({ summary: 'A web hook' })
  @ApiOkResponse({ type: WebHookDto })
  get(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
  ): Promise<WebHookDto> {
    return this.hooks.get(project.projectId, hookId(id));
  }

  @Put(':hookId')
  @ApiOperation({
    summary:
      'Change a web hook: name and url replaced, isActive and each event kept where left out (read-only fields are ignored)',
  })
  @ApiOkResponse({ type: WebHookDto })
  update(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
    @Body() body: UpdateWebHookDto,
  ): Promise<WebHookDto> {
    return this.hooks.update(project.projectId, hookId(id), body);
  }

  @Delete(':hookId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a web hook and its delivery log; nothing more is sent to it' })
  @ApiNoContentResponse()
  async remove(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
  ): Promise<void> {
    await this.hooks.remove(project.projectId, hookId(id));
  }

  @Post(':hookId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Replace the signing secret (shown once); the old one signs nothing from now on',
  })
  @ApiOkResponse({ type: WebHookWithSecretDto })
  rotate(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
  ): Promise<WebHookWithSecretDto> {
    return this.hooks.rotateSecret(project.projectId, hookId(id));
  }

  @Post(':hookId/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Re-enable a hook disabled after 20 failed deliveries in a row: disabledAt cleared, failureCount back to 0',
  })
  @ApiOkResponse({ type: WebHookDto })
  enable(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
  ): Promise<WebHookDto> {
    return this.hooks.enable(project.projectId, hookId(id));
  }

  @Get(':hookId/delivery')
  @ApiOperation({ summary: "The hook's delivery log, newest first, with every attempt" })
  @ApiOkResponse({ type: DeliveryPage })
  deliveries(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DeliveryDto>> {
    return this.hooks.deliveries(project.projectId, hookId(id), query);
  }

  @Get(':hookId/delivery/:deliveryId')
  @ApiOperation({ summary: 'A delivery, its attempts and the payload sent' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  delivery(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
    @Param('deliveryId') delivery: string,
  ): Promise<DeliveryDetailDto> {
    return this.hooks.delivery(project.projectId, hookId(id), deliveryId(delivery));
  }

  @Post(':hookId/delivery/:deliveryId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a delivery again, now (the same body and webhook-id; a new attempt in its log)',
  })
  @ApiAcceptedResponse({ type: DeliveryDto })
  @ApiConflictResponse({ description: 'The hook is disabled or inactive' })
  redeliver(
    @CurrentProject() project: ProjectAccessContext,
    @Param('hookId') id: string,
    @Param('deliveryId') delivery: string,
  ): Promise<DeliveryDto> {
    return this.hooks.redeliver(project.projectId, hookId(id), deliveryId(delivery));
  }
}
