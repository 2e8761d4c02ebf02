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
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  readableTypesOf,
  CurrentProject,
  ProjectAccess,
  ProjectAccessContext,
  UserPrincipal,
} from '../common/access';
import { Delivered } from '../content/delivery-cache';
import { pathId } from '../common/ids';
import { Page, PageOf, PageQueryDto } from '../common/pagination';
import { FIELD_DEFINITION_DTOS } from './dto/field-definition.dto';
import { EntryTypeDto, SaveEntryTypeDto, UpdateEntryTypeDto } from './dto/entry-type.dto';
import { EntryTypesService } from './entry-types.service';

const EntryTypePage = PageOf(EntryTypeDto);

@ApiTags('entry types')
@ApiExtraModels(...FIELD_DEFINITION_DTOS)
@Controller('project/:projectId/entry-type')
export class EntryTypesController {
  constructor(private readonly entryTypes: EntryTypesService) {}

  @Get()
  @ProjectAccess('member', { clientRead: true })
  @Delivered(PageQueryDto)
  @ApiOperation({ summary: "The project's entry types with their field definitions" })
  @ApiOkResponse({ type: EntryTypePage })
  list(
    @CurrentProject() project: ProjectAccessContext,
    @Query() query: PageQueryDto,
  ): Promise<Page<EntryTypeDto>> {
    return this.entryTypes.list(project.projectId, query, readableTypesOf(project));
  }

  @Get(':entryTypeId')
  @ProjectAccess('member', { clientRead: true })
  @Delivered()
  @ApiOperation({ summary: 'An entry type' })
  @ApiOkResponse({ type: EntryTypeDto })
  get(
    @CurrentProject() project: ProjectAccessContext,
    @Param('entryTypeId') id: string,
  ): Promise<EntryTypeDto> {
    return this.entryTypes.get(
      project.projectId,
      pathId(id, 'Entry type not found'),
      readableTypesOf(project),
    );
  }

  @Post()
  @ProjectAccess('admin')
  @ApiOperation({ summary: 'Define an entry type and its fields' })
  @ApiCreatedResponse({ type: EntryTypeDto })
  create(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: SaveEntryTypeDto,
  ): Promise<EntryTypeDto> {
    return this.entryTypes.create(
      project.projectId,
      (project.principal as UserPrincipal).userId,
      body,
    );
  }

  @Put(':entryTypeId')
  @ProjectAccess('admin')
  @ApiOperation({
    summary:
      'Change an entry type; entries keep their values and meet new rules at their next write',
  })
  @ApiOkResponse({ type: EntryTypeDto })
  update(
    @CurrentProject() project: ProjectAccessContext,
    @Param('entryTypeId') id: string,
    @Body() body: UpdateEntryTypeDto,
  ): Promise<EntryTypeDto> {
    return this.entryTypes.update(project.projectId, pathId(id, 'Entry type not found'), body);
  }

  @Delete(':entryTypeId')
  @ProjectAccess('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an entry type that has no entries' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The type still has entries' })
  async remove(
    @CurrentProject() project: ProjectAccessContext,
    @Param('entryTypeId') id: string,
  ): Promise<void> {
    await this.entryTypes.remove(project.projectId, pathId(id, 'Entry type not found'));
  }
}
