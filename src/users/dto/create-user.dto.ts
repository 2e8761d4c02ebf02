import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateUserDto {
  /** Unique, case-insensitively. */
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(1024)
  password: string;

  @IsString()
  @Length(1, 128, { message: 'name must be between 1 and 128 characters' })
  name: string;

  /** Global administrator: may do everything in every project. */
  @IsOptional()
  @IsBoolean()
  isAdmin?: boolean;
}
