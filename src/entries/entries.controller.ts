import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  CurrentProject,
  mayPreview,
  ProjectAccess,
  readableTypesOf,
  ProjectAccessContext,
  UserPrincipal,
} from '../common/access';
import { Delivered } from '../content/delivery-cache';
import { BulkDelete, bulkIds } from '../common/bulk-ids';
import { pathId } from '../common/ids';
import {
  EntryDto,
  EntryListQueryDto,
  EntryPageDto,
  EntryReadQueryDto,
  EntryTagQueryDto,
  SaveEntryDto,
  TagCountDto,
  UpdateEntryDto,
} from './dto/entry.dto';
import { EntriesService, EntryReader } from './entries.service';

function userIdOf(project: ProjectAccessContext): number {
  return (project.principal as UserPrincipal).userId;
}

/**
 * API clients read published entries only, whatever they ask, unless
 * granted `preview`; and only entries of the types they are limited to.
 */
function readerOf(project: ProjectAccessContext, wantsUnpublished = false): EntryReader {
  return {
    projectId: project.projectId,
    includeUnpublished: mayPreview(project) && wantsUnpublished,
    readableTypes: readableTypesOf(project),
  };
}

@ApiTags('entries')
@ApiExtraModels(TagCountDto)
@Controller('project/:projectId')
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Get('entry')
  @ProjectAccess('member', { clientRead: true })
  @Delivered(EntryListQueryDto)
  @ApiOperation({
    summary:
      'Entries, newest change first; published ones only unless a member asks for nonPublished',
  })
  @ApiOkResponse({ type: EntryPageDto })
  list(
    @CurrentProject() project: ProjectAccessContext,
    @Query() query: EntryListQueryDto,
  ): Promise<EntryPageDto> {
    return this.entries.list(readerOf(project, query.nonPublished), query);
  }

  @Get('entry/:entryId')
  @ProjectAccess('member', { clientRead: true })
  @Delivered(EntryReadQueryDto)
  @ApiOperation({ summary: 'An entry (API clients: published entries only)' })
  @ApiOkResponse({ type: EntryDto })
  get(
    @CurrentProject() project: ProjectAccessContext,
    @Param('entryId') id: string,
    @Query() query: EntryReadQueryDto,
  ): Promise<EntryDto> {
    return this.entries.get(readerOf(project, true), pathId(id, 'Entry not found'), query);
  }

  @Post('entry')
  @ProjectAccess('member', { delegatedWrite: true })
  @ApiOperation({
    summary:
      'Create an entry; its fields are checked against its entry type (read-only fields of an entry as read are ignored: post a copy as it came)',
  })
  @ApiCreatedResponse({ type: EntryDto })
  create(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: SaveEntryDto,
  ): Promise<EntryDto> {
    return this.entries.create(project.projectId, userIdOf(project), body);
  }

  @Post('entry/bulk-delete')
  @ProjectAccess('member', { delegatedWrite: true })
  @ApiOperation({ summary: 'Delete several entries: all of them, or none if any id is unknown' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @BulkDelete()
  async bulkRemove(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: unknown,
  ): Promise<void> {
    await this.entries.bulkRemove(project.projectId, bulkIds(body, 'entry ids'));
  }

  @Put('entry/:entryId')
  @ProjectAccess('member', { delegatedWrite: true })
  @ApiOperation({ summary: 'Replace an entry (the read-only fields it was read with are ignored)' })
  @ApiOkResponse({ type: EntryDto })
  update(
    @CurrentProject() project: ProjectAccessContext,
    @Param('entryId') id: string,
    @Body() body: UpdateEntryDto,
  ): Promise<EntryDto> {
    return this.entries.update(
      project.projectId,
      pathId(id, 'Entry not found'),
      userIdOf(project),
      body,
    );
  }

  @Delete('entry/:entryId')
  @ProjectAccess('member', { delegatedWrite: true })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an entry' })
  @ApiNoContentResponse()
  async remove(
    @CurrentProject() project: ProjectAccessContext,
    @Param('entryId') id: string,
  ): Promise<void> {
    await this.entries.remove(project.projectId, pathId(id, 'Entry not found'));
  }

  @Get('entry-tag')
  @ProjectAccess('member', { clientRead: true })
  @Delivered(EntryTagQueryDto)
  @ApiOperation({ summary: "The project's tags; with ?counts=true, how many entries carry each" })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'array', items: { $ref: getSchemaPath(TagCountDto) } },
      ],
    },
  })
  async tags(
    @CurrentProject() project: ProjectAccessContext,
    @Query() query: EntryTagQueryDto,
  ): Promise<string[] | TagCountDto[]> {
    const tags = await this.entries.tags(readerOf(project, true));
    return query.counts ? tags : tags.map((tag) => tag.name);
  }
}
