import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @IsString()
  @MaxLength(1024)
  currentPassword: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8, { message: 'newPassword must be at least 8 characters' })
  @MaxLength(1024)
  newPassword: string;
}

/** contentjet's body for `POST /user/change-password/`: the current password is `password`. */
export class ContentjetChangePasswordDto {
  /** Your current password. */
  @IsString()
  @MaxLength(1024)
  password: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8, { message: 'newPassword must be at least 8 characters' })
  @MaxLength(1024)
  newPassword: string;
}
