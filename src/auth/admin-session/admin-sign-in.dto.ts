import { IsEmail, IsString, MaxLength } from 'class-validator';

export class AdminSignInDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @IsString()
  @MaxLength(1024)
  password: string;
}
