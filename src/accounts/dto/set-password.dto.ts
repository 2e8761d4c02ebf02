import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';

/** `POST /user/set-password/`, contentjet's body. */
export class SetPasswordDto {
  /** The token of the mailed `/set-password/<token>` link (`~` or `.`, either works). */
  @IsString()
  @IsNotEmpty({ message: 'token is required' })
  @MaxLength(512)
  token: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(1024)
  password: string;
}
