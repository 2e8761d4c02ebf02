import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsArray, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { FieldDefinition } from '../field-definitions';
import { fieldDefinitionSchema } from './field-definition.dto';

export class EntryTypeDto {
  id: number;
  projectId: number;
  /** Who created it. */
  userId: number | null;
  name: string;
  description: string;
  metadata: string;
  @ApiProperty({ type: 'array', items: fieldDefinitionSchema })
  fields: FieldDefinition[];
  createdAt: Date;
  modifiedAt: Date;
}

/**
 * `POST` and `PUT`. contentjet-ui sends back the entry type it read: the
 * read-only fields of an entry type's own response are accepted and ignored;
 * anything else unknown is a 400.
 */
export class SaveEntryTypeDto {
  @IsString()
  @Length(1, 64, { message: 'name must be between 1 and 64 characters' })
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  metadata?: string;

  /** Checked field by field against its fieldType (errors under `errors.fields.<name>`). */
  @ApiPropertyOptional({ type: 'array', items: fieldDefinitionSchema })
  @IsOptional()
  @IsArray({ message: 'fields must be an array' })
  fields?: unknown[];

  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() projectId?: unknown;
  /** Read-only; ignored. */
  @Allow() userId?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
}

/** `PUT`'s body: the same as `POST`'s. */
export class UpdateEntryTypeDto extends SaveEntryTypeDto {}
