import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { MEMBERSHIP_TYPES, MembershipType } from '../project-membership.entity';

export class AddMemberDto {
  /** An existing user's email. */
  @IsEmail({}, { message: 'email must be a valid email address' })
  email: string;

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
