import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectAccess } from '../common/access';
import { Page, PageQueryDto, toPage } from '../common/pagination';

/**
 * Entry types arrive with the content issue. The route exists now so the
 * access model (members and the project's own API clients may read) is
 * declared and tested where content will live; it lists nothing yet.
 */
@ApiTags('entry types')
@Controller('project/:projectId/entry-type')
export class EntryTypesController {
  @Get()
  @ProjectAccess('member', { clientRead: true })
  @ApiOperation({ summary: "The project's entry types (none until content types exist)" })
  @ApiOkResponse({ description: 'A page of entry types' })
  list(@Query() query: PageQueryDto): Page<never> {
    return toPage(query, 0, []);
  }
}
