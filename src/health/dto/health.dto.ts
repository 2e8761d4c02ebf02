import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

const indicators: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', example: 'up' } },
  },
  example: { database: { status: 'up' } },
};

/** What a health check found, by indicator (`database`). */
export class HealthDto {
  /** Anything else answers 503. */
  @ApiProperty({ enum: ['ok'] })
  status: 'ok';

  /** The indicators that are up. */
  @ApiProperty(indicators)
  info: Record<string, { status: string }>;

  /** The indicators that are down (none, in a 200). */
  @ApiProperty(indicators)
  error: Record<string, { status: string }>;

  /** Every indicator. */
  @ApiProperty(indicators)
  details: Record<string, { status: string }>;
}
