import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  BOOLEAN_LABEL_MAX_LENGTH,
  CHOICE_FORMATS,
  CHOICE_MAX_LENGTH,
  CHOICES_COUNT,
  COLOR_FORMATS,
  DATE_FORMATS,
  FIELD_DESCRIPTION_MAX_LENGTH,
  FIELD_LABEL_LENGTH,
  FIELD_NAME_LENGTH,
  FIELD_NAME_PATTERN,
  ITEMS_MAX_LENGTH,
  LONGTEXT_FORMATS,
  LONGTEXT_MAX_LENGTH,
  NUMBER_FORMATS,
  TEXT_FORMATS,
  TEXT_MAX_LENGTH,
  type BooleanField,
  type ChoiceField,
  type ColorField,
  type DateField,
  type FieldType,
  type LinkField,
  type ListField,
  type LongTextField,
  type MediaField,
  type NumberField,
  type TextField,
} from '../field-definitions';

/*
 * Documentation only: parseFieldDefinitions validates. The classes implement
 * the FieldDefinition types so the spec cannot drift from what is stored.
 * Options with a default may be left out of a request; responses always
 * carry every option (NUMBER bounds only when set).
 */

export abstract class FieldDefinitionBaseDto {
  /** The key of the value in an entry's `fields`; unique within the entry type. */
  @ApiProperty({
    minLength: FIELD_NAME_LENGTH.min,
    maxLength: FIELD_NAME_LENGTH.max,
    pattern: FIELD_NAME_PATTERN.source,
    example: 'title',
  })
  name: string;

  @ApiProperty({
    minLength: FIELD_LABEL_LENGTH.min,
    maxLength: FIELD_LABEL_LENGTH.max,
    example: 'Title',
  })
  label: string;

  @ApiPropertyOptional({ maxLength: FIELD_DESCRIPTION_MAX_LENGTH, default: '' })
  description: string;

  /** Entries must give a value (not null, '' or an empty list). */
  @ApiPropertyOptional({ default: false })
  required: boolean;

  /** A hint for editors; values are still accepted and validated. */
  @ApiPropertyOptional({ default: false })
  disabled: boolean;
}

function fieldTypeProperty(fieldType: FieldType): PropertyDecorator {
  return ApiProperty({ enum: [fieldType], example: fieldType });
}

function minLengthProperty(max: number, counts: string): PropertyDecorator {
  return ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: max,
    default: 0,
    description: `Fewest ${counts}; at most maxLength.`,
  });
}

function maxLengthProperty(max: number, counts: string): PropertyDecorator {
  return ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: max,
    default: max,
    description: `Most ${counts}.`,
  });
}

export class TextFieldDto extends FieldDefinitionBaseDto implements TextField {
  @fieldTypeProperty('TEXT')
  fieldType: 'TEXT';

  @minLengthProperty(TEXT_MAX_LENGTH, 'characters (Unicode code points)')
  minLength: number;

  @maxLengthProperty(TEXT_MAX_LENGTH, 'characters (Unicode code points)')
  maxLength: number;

  @ApiPropertyOptional({ enum: TEXT_FORMATS, default: 'plaintext' })
  format: TextField['format'];
}

export class LongTextFieldDto extends FieldDefinitionBaseDto implements LongTextField {
  @fieldTypeProperty('LONGTEXT')
  fieldType: 'LONGTEXT';

  @minLengthProperty(LONGTEXT_MAX_LENGTH, 'characters (Unicode code points)')
  minLength: number;

  @maxLengthProperty(LONGTEXT_MAX_LENGTH, 'characters (Unicode code points)')
  maxLength: number;

  @ApiPropertyOptional({ enum: LONGTEXT_FORMATS, default: 'plaintext' })
  format: LongTextField['format'];
}

export class BooleanFieldDto extends FieldDefinitionBaseDto implements BooleanField {
  @fieldTypeProperty('BOOLEAN')
  fieldType: 'BOOLEAN';

  @ApiPropertyOptional({ maxLength: BOOLEAN_LABEL_MAX_LENGTH, default: 'Yes' })
  labelTrue: string;

  @ApiPropertyOptional({ maxLength: BOOLEAN_LABEL_MAX_LENGTH, default: 'No' })
  labelFalse: string;
}

export class NumberFieldDto extends FieldDefinitionBaseDto implements NumberField {
  @fieldTypeProperty('NUMBER')
  fieldType: 'NUMBER';

  @ApiPropertyOptional({ type: 'number', description: 'Unbounded when absent; at most maxValue.' })
  minValue?: number;

  @ApiPropertyOptional({ type: 'number', description: 'Unbounded when absent.' })
  maxValue?: number;

  @ApiPropertyOptional({ enum: NUMBER_FORMATS, default: 'number' })
  format: NumberField['format'];
}

export class DateFieldDto extends FieldDefinitionBaseDto implements DateField {
  @fieldTypeProperty('DATE')
  fieldType: 'DATE';

  /** `date`: `YYYY-MM-DD`; `datetime`: ISO 8601 with a timezone. */
  @ApiPropertyOptional({ enum: DATE_FORMATS, default: 'datetime' })
  format: DateField['format'];
}

export class ChoiceFieldDto extends FieldDefinitionBaseDto implements ChoiceField {
  @fieldTypeProperty('CHOICE')
  fieldType: 'CHOICE';

  @ApiProperty({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: CHOICE_MAX_LENGTH },
    minItems: CHOICES_COUNT.min,
    maxItems: CHOICES_COUNT.max,
    uniqueItems: true,
  })
  choices: string[];

  /** `multiple`: the value is a list of distinct choices. */
  @ApiPropertyOptional({ enum: CHOICE_FORMATS, default: 'single' })
  format: ChoiceField['format'];
}

export class ColorFieldDto extends FieldDefinitionBaseDto implements ColorField {
  @fieldTypeProperty('COLOR')
  fieldType: 'COLOR';

  /** `rgb`: `#rrggbb`; `rgba`: `#rrggbbaa`. */
  @ApiPropertyOptional({ enum: COLOR_FORMATS, default: 'rgb' })
  format: ColorField['format'];
}

export class LinkFieldDto extends FieldDefinitionBaseDto implements LinkField {
  @fieldTypeProperty('LINK')
  fieldType: 'LINK';

  @minLengthProperty(ITEMS_MAX_LENGTH, 'linked entries')
  minLength: number;

  @maxLengthProperty(ITEMS_MAX_LENGTH, 'linked entries')
  maxLength: number;
}

export class ListFieldDto extends FieldDefinitionBaseDto implements ListField {
  @fieldTypeProperty('LIST')
  fieldType: 'LIST';

  @minLengthProperty(ITEMS_MAX_LENGTH, 'items')
  minLength: number;

  @maxLengthProperty(ITEMS_MAX_LENGTH, 'items')
  maxLength: number;
}

export class MediaFieldDto extends FieldDefinitionBaseDto implements MediaField {
  @fieldTypeProperty('MEDIA')
  fieldType: 'MEDIA';

  @minLengthProperty(ITEMS_MAX_LENGTH, 'media items')
  minLength: number;

  @maxLengthProperty(ITEMS_MAX_LENGTH, 'media items')
  maxLength: number;
}

/** Keyed by fieldType so adding a type without its DTO fails to compile. */
const DTO_BY_TYPE = {
  TEXT: TextFieldDto,
  LONGTEXT: LongTextFieldDto,
  BOOLEAN: BooleanFieldDto,
  NUMBER: NumberFieldDto,
  DATE: DateFieldDto,
  CHOICE: ChoiceFieldDto,
  COLOR: ColorFieldDto,
  LINK: LinkFieldDto,
  LIST: ListFieldDto,
  MEDIA: MediaFieldDto,
} satisfies Record<FieldType, new () => FieldDefinitionBaseDto & { fieldType: FieldType }>;

export const FIELD_DEFINITION_DTOS = Object.values(DTO_BY_TYPE);

export const fieldDefinitionSchema = {
  oneOf: FIELD_DEFINITION_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })),
  discriminator: {
    propertyName: 'fieldType',
    mapping: Object.fromEntries(
      Object.entries(DTO_BY_TYPE).map(([fieldType, dto]) => [fieldType, getSchemaPath(dto)]),
    ),
  },
};
