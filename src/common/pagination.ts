import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 100;

/** `?page=1&pageSize=30`, contentjet's paging parameters. */
export class PageQueryDto {
  @ApiPropertyOptional({ description: '1-based', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}

/** contentjet's page: `{page, totalPages, totalRecords, results}`. */
export interface Page<T> {
  page: number;
  totalPages: number;
  totalRecords: number;
  results: T[];
}

export function toPage<T>(query: PageQueryDto, totalRecords: number, results: T[]): Page<T> {
  return {
    page: query.page,
    totalPages: Math.ceil(totalRecords / query.pageSize),
    totalRecords,
    results,
  };
}

export function offsetOf(query: PageQueryDto): number {
  return (query.page - 1) * query.pageSize;
}

/** Documents a page of T in /spec (generic classes are invisible to the swagger plugin). */
export function PageOf<T>(item: new () => T) {
  class PageDto {
    @ApiProperty() page: number;
    @ApiProperty() totalPages: number;
    @ApiProperty() totalRecords: number;
    @ApiProperty({ type: [item] }) results: T[];
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  return PageDto;
}
