import {
  Allow,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';

/**
 * `PUT /user/:userId`, for a global admin. The read-only fields of a user as
 * it was read are accepted and ignored (contentjet-ui sends back what it
 * read); anything else unknown is a 400. A field not given stays as it is.
 */
export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @Length(1, 128, { message: 'name must be between 1 and 128 characters' })
  name?: string;

  /** Unique, case-insensitively. */
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;

  /** Global administrator. Never false for yourself: another admin must take it away. */
  @IsOptional()
  @IsBoolean({ message: 'isAdmin must be true or false' })
  isAdmin?: boolean;

  /**
   * False deactivates: the user's sessions, tokens and apps' grants end at
   * once, and signing in is refused until true again. Never false for yourself.
   */
  @IsOptional()
  @IsBoolean({ message: 'isActive must be true or false' })
  isActive?: boolean;

  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
}
