import type { User } from '../user.entity';

/** A user as the API shows it: never the password hash. */
export class UserDto {
  id: number;
  email: string;
  name: string;
  isAdmin: boolean;
  isActive: boolean;
  createdAt: Date;
  modifiedAt: Date;

  static from(user: User): UserDto {
    const { id, email, name, isAdmin, isActive, createdAt, modifiedAt } = user;
    return Object.assign(new UserDto(), {
      id,
      email,
      name,
      isAdmin,
      isActive,
      createdAt,
      modifiedAt,
    });
  }
}
