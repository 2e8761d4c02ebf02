import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
} from 'class-validator';
import { MEMBERSHIP_TYPES, MembershipType } from '../project-membership.entity';

export class AddMemberDto {
  /** A user's email; an address with no active account is invited instead (202). */
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

  /** How an invitation greets them, when one is sent; the address's local part when left out. */
  @IsOptional()
  @IsString()
  @Length(1, 128, { message: 'name must be between 1 and 128 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiProperty({ enum: MEMBERSHIP_TYPES })
  @IsIn(MEMBERSHIP_TYPES, { message: 'membershipType must be "admin" or "author"' })
  membershipType: MembershipType;
}

/** contentjet's `POST /project/:id/update-member` body. */
export class UpdateMemberDto {
  @IsInt()
  @Min(1)
  userId: number;

  @IsOptional()
  @IsBoolean()
  membershipIsActive?: boolean;

  @ApiProperty({ enum: MEMBERSHIP_TYPES, required: false })
  @IsOptional()
  @IsIn(MEMBERSHIP_TYPES, { message: 'membershipType must be "admin" or "author"' })
  membershipType?: MembershipType;
}
