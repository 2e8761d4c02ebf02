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
  Req,
  Res,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CurrentProject,
  Principal,
  ProjectAccess,
  ProjectAccessContext,
  UserPrincipal,
} from '../common/access';
import { ApiError, NotFoundError } from '../common/api-error';
import { BulkDelete, bulkIds } from '../common/bulk-ids';
import { pathId } from '../common/ids';
import { Page, PageOf } from '../common/pagination';
import { MULTIPART_ROUTE } from '../http/multipart';
import {
  MediaDto,
  MediaFileQueryDto,
  MediaListQueryDto,
  MediaUploadDto,
  UpdateMediaDto,
} from './dto/media.dto';
import { MediaFiles } from './media-files';
import { versionOf } from './media-links';
import { MediaService, UploadPart } from './media.service';
import { MAX_RENDITION_INPUT_PIXELS } from './rendition.service';

const MediaPage = PageOf(MediaDto);

const mediaId = (raw: string) => pathId(raw, 'Media not found');

const FILE_RESPONSE = {
  description:
    'The file as uploaded (or a rendition, with `w`, `h`, `fit`, `format`, `q`). ' +
    'Strong ETag: send it as If-None-Match to get a 304. SVG always comes as an attachment, ' +
    'sandboxed by Content-Security-Policy.',
  content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
};

const RENDITION_REFUSED = {
  status: 422,
  description:
    'A rendition of an image that cannot be rendered: damaged, not readable as an image, or ' +
    `decoding to more than ${MAX_RENDITION_INPUT_PIXELS / 1_000_000} megapixels (a decompression ` +
    'bomb). The original is still served without rendition parameters.',
};

@ApiTags('media')
@ApiExtraModels(MediaDto)
@Controller('project/:projectId')
export class MediaController {
  constructor(
    private readonly media: MediaService,
    private readonly files: MediaFiles,
  ) {}

  @Post('media/upload')
  @ProjectAccess('member', { delegatedWrite: true })
  @RouteConfig({ [MULTIPART_ROUTE]: true })
  @ApiOperation({
    summary:
      'Upload files (multipart/form-data: one or more `file` parts, and a `name` per file if ' +
      'wanted); their type is sniffed from their bytes and must be one of MEDIA_ALLOWED_TYPES',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: MediaUploadDto })
  @ApiCreatedResponse({
    description: 'The media: an object for one file, an array for several',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(MediaDto) },
        { type: 'array', items: { $ref: getSchemaPath(MediaDto) } },
      ],
    },
  })
  @ApiResponse({ status: 413, description: 'A file over MEDIA_MAX_BYTES (nothing is stored)' })
  @ApiResponse({
    status: 415,
    description:
      'A file whose type (sniffed from its bytes) is not one of MEDIA_ALLOWED_TYPES, or a ' +
      'body that is not multipart/form-data',
  })
  async upload(
    @CurrentProject() project: ProjectAccessContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MediaDto | MediaDto[]> {
    if (!request.isMultipart()) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'Upload files as multipart/form-data', {
        errors: { file: ['send the files as multipart/form-data'] },
      });
    }
    try {
      const media = await this.media.upload(
        project.projectId,
        (project.principal as UserPrincipal).userId,
        request.parts() as AsyncIterable<UploadPart>,
      );
      return media.length === 1 ? media[0] : media;
    } catch (error) {
      // Refused before the body ended (too large, a refused type): the rest
      // of it is unread. Discard what still arrives and close the connection
      // after the answer, so the client stops sending and the socket is freed.
      if (!request.raw.readableEnded) {
        void reply.header('connection', 'close');
        request.raw.resume();
      }
      throw error;
    }
  }

  @Get('media')
  @ProjectAccess('member', { clientRead: true })
  @ApiOperation({ summary: 'Media, newest first; filter by words of the name and by tags' })
  @ApiOkResponse({ type: MediaPage })
  list(
    @CurrentProject() project: ProjectAccessContext,
    @Query() query: MediaListQueryDto,
  ): Promise<Page<MediaDto>> {
    return this.media.list(project.projectId, query);
  }

  @Post('media/bulk-delete')
  @ProjectAccess('member', { delegatedWrite: true })
  @ApiOperation({
    summary: 'Delete several media and their files: all of them, or none if any id is unknown',
  })
  @HttpCode(HttpStatus.NO_CONTENT)
  @BulkDelete()
  async bulkRemove(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: unknown,
  ): Promise<void> {
    await this.media.bulkRemove(project.projectId, bulkIds(body, 'media ids'));
  }

  @Get('media/:mediaId')
  @ProjectAccess('member', { clientRead: true })
  @ApiOperation({ summary: 'A media' })
  @ApiOkResponse({ type: MediaDto })
  get(
    @CurrentProject() project: ProjectAccessContext,
    @Param('mediaId') id: string,
  ): Promise<MediaDto> {
    return this.media.get(project.projectId, mediaId(id));
  }

  @Put('media/:mediaId')
  @ProjectAccess('member', { delegatedWrite: true })
  @ApiOperation({
    summary:
      "Change a media's description and tags (the read-only fields it was read with are ignored)",
  })
  @ApiOkResponse({ type: MediaDto })
  update(
    @CurrentProject() project: ProjectAccessContext,
    @Param('mediaId') id: string,
    @Body() body: UpdateMediaDto,
  ): Promise<MediaDto> {
    return this.media.update(project.projectId, mediaId(id), body);
  }

  @Delete('media/:mediaId')
  @ProjectAccess('member', { delegatedWrite: true })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a media and its files' })
  @ApiNoContentResponse()
  async remove(
    @CurrentProject() project: ProjectAccessContext,
    @Param('mediaId') id: string,
  ): Promise<void> {
    await this.media.remove(project.projectId, mediaId(id));
  }

  @Get('media/:mediaId/file')
  @ProjectAccess('member', { clientRead: true, anonymousWhenPublicMedia: true })
  @ApiOperation({
    summary:
      "A media's file, always revalidated (Cache-Control: no-cache); anyone may fetch it when " +
      'the project has publicMedia',
  })
  @ApiOkResponse(FILE_RESPONSE)
  @ApiResponse({ status: 304, description: 'Not modified: your copy (If-None-Match) is current' })
  @ApiResponse(RENDITION_REFUSED)
  async file(
    @CurrentProject() project: ProjectAccessContext<Principal | null>,
    @Param('mediaId') id: string,
    @Query() query: MediaFileQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const { media, publicMedia } = await this.media.findForServing(project.projectId, mediaId(id));
    return this.files.serve(request, reply, media, query, {
      immutable: false,
      shared: publicMedia,
    });
  }

  @Get('media/:mediaId/file/:version')
  @ProjectAccess('member', { clientRead: true, anonymousWhenPublicMedia: true })
  @ApiOperation({
    summary:
      "A media's file under the URL of its current content (`url` in the media), cacheable " +
      'for a year (immutable); anyone may fetch it when the project has publicMedia',
  })
  @ApiParam({ name: 'version', description: "The media's current version, as in its `url`" })
  @ApiOkResponse(FILE_RESPONSE)
  @ApiResponse({ status: 304, description: 'Not modified: your copy (If-None-Match) is current' })
  @ApiResponse(RENDITION_REFUSED)
  async versionedFile(
    @CurrentProject() project: ProjectAccessContext<Principal | null>,
    @Param('mediaId') id: string,
    @Param('version') version: string,
    @Query() query: MediaFileQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const { media, publicMedia } = await this.media.findForServing(project.projectId, mediaId(id));
    // Another version is gone for good: its bytes are not these.
    if (version !== versionOf(media)) throw new NotFoundError('No such version of this media');
    return this.files.serve(request, reply, media, query, {
      immutable: true,
      shared: publicMedia,
    });
  }

  @Get('media-tag')
  @ProjectAccess('member', { clientRead: true })
  @ApiOperation({ summary: "The project's media tags" })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'string' } } })
  tags(@CurrentProject() project: ProjectAccessContext): Promise<string[]> {
    return this.media.tags(project.projectId);
  }
}
