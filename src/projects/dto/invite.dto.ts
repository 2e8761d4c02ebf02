import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { MEMBERSHIP_TYPES, MembershipType } from '../project-membership.entity';

/** `POST /project/:projectId/invite/`, contentjet's body plus the role. */
export class CreateInviteDto {
  /** How the invitation greets them. */
  @IsString()
  @Length(1, 128, { message: 'name must be between 1 and 128 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  /** Where the invitation is mailed; registered or not, the answer is the same. */
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  /** The role they get on accepting; `author` when left out. */
  @ApiProperty({ enum: MEMBERSHIP_TYPES, required: false })
  @IsOptional()
  @IsIn(MEMBERSHIP_TYPES, { message: 'membershipType must be "admin" or "author"' })
  membershipType?: MembershipType;
}

/** `PUT /project/:projectId/invite/accept/`. */
export class AcceptInviteDto {
  /** The token of the mailed link (`~` or `.` between its parts). */
  @IsString({ message: 'token must be a string' })
  @MaxLength(4096)
  token: string;
}

/** An invitation, as contentjet shows it, with its role and expiry. */
export class InviteDto {
  id: number;
  projectId: number;
  name: string;
  email: string;
  @ApiProperty({ enum: MEMBERSHIP_TYPES })
  membershipType: MembershipType;
  accepted: boolean;
  /** Who sent it (contentjet's `userId`); null once that user is deleted. */
  userId: number | null;
  /** When its link stops working; a resend mails a new link and moves it. */
  expiresAt: Date;
  createdAt: Date;
  modifiedAt: Date;
}
