import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';

export class UserListQueryDto extends PageQueryDto {
  /** Text in the name or the email, case-insensitive; empty means every user. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
