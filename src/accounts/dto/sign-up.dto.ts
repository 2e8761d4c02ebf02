import {
  IsEmail,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/** `POST /user/sign-up/`, contentjet's body; the password rules are create-user's. */
export class SignUpDto {
  @IsString()
  @Length(1, 128, { message: 'name must be between 1 and 128 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  /** With an invitation, the address it was sent to (any case). */
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(1024)
  password: string;

  /**
   * The token of an invitation's link (`~` or `.` between its parts):
   * required when SIGNUP=invite (the default). The account joins the
   * project once its address is verified.
   */
  @IsOptional()
  @IsString({ message: 'inviteToken must be a string' })
  @MaxLength(4096)
  inviteToken?: string;
}

/** The answer to every sign-up, whether the address was new or taken. */
export class SignUpAnswerDto {
  /** What happens next: a mail to the address. */
  message: string;
}

/** `POST /user/verify/`. */
export class VerifyDto {
  /** The token of the mailed `/sign-up/verify/<token>` link. */
  @IsString({ message: 'token must be a string' })
  @MaxLength(4096)
  token: string;
}
