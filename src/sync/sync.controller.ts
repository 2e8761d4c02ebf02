import { Controller, Get, Header, HttpStatus, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentProject,
  mayPreview,
  ProjectAccess,
  ProjectAccessContext,
  readableTypesOf,
} from '../common/access';
import { ApiError } from '../common/api-error';
import { EntryDto } from '../entries/dto/entry.dto';
import { SyncPageDto, SyncQueryDto, SyncTombstoneDto } from './dto/sync.dto';
import { SyncService } from './sync.service';

@ApiTags('sync')
@ApiExtraModels(EntryDto, SyncTombstoneDto)
@Controller('project/:projectId')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Get('sync')
  @ProjectAccess('member', { clientRead: true })
  // Every answer depends on the moment it is asked and hands out a new token: nothing to reuse.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Every entry the caller may see, page by page; then, with the sync token, only what changed (deletions as tombstones)',
  })
  @ApiOkResponse({ type: SyncPageDto })
  @ApiBadRequestResponse({
    description:
      'A token that is not one of this API, of the wrong kind, or issued for another project or kind of caller',
  })
  @ApiForbiddenResponse({ description: 'An API client limited to some entry types' })
  @ApiGoneResponse({
    description: 'The token is older than SYNC_RETENTION_DAYS: start over without a token',
  })
  page(
    @CurrentProject() project: ProjectAccessContext,
    @Query() query: SyncQueryDto,
  ): Promise<SyncPageDto> {
    if (readableTypesOf(project) !== null) {
      // An entry can move between types, and leave such a key's view with no tombstone to say so.
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'Sync is not available to API clients limited to some entry types',
      );
    }
    // API clients see published entries only, unless granted preview; members (and apps acting for them) see all.
    const audience = mayPreview(project) ? 'member' : 'client';
    return this.sync.page({ projectId: project.projectId, audience }, query);
  }
}
