import { PageQueryDto } from '../../common/pagination';
import { Allow, IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/**
 * `POST /project/` and `PUT /project/:id`. contentjet-ui sends back the
 * project it read: its read-only fields are accepted and ignored, anything
 * else unknown is a 400.
 */
export class CreateProjectDto {
  @IsString()
  @Length(1, 64, { message: 'name must be between 1 and 64 characters' })
  name: string;

  /** Free text for the project's own use. */
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  metadata?: string;

  /**
   * Anyone may fetch the project's media files without a token (the media
   * list and details stay private). Left out: false on create, unchanged on
   * update.
   */
  @IsOptional()
  @IsBoolean({ message: 'publicMedia must be true or false' })
  publicMedia?: boolean;

  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() userId?: unknown;
  /** Read-only; ignored. */
  @Allow() members?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
}

/** `PUT /project/:id`'s body: the same as `POST /project/`'s. */
export class UpdateProjectDto extends CreateProjectDto {}

export class ProjectListQueryDto extends PageQueryDto {
  /** Words in the project name, case-insensitive. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
