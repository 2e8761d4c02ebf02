import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** One of your sign-ins (an app you allowed is a grant, not a session). */
export class SessionDto {
  /** Name it in `DELETE /user/me/sessions/{sessionId}`. */
  id: string;
  /** When you signed in. */
  createdAt: Date;
  /** When it signed in or last renewed its tokens: while in use, about every few minutes. */
  lastUsedAt: Date;
  /** When it ends at the latest, renewed or not. */
  expiresAt: Date;
  /** The User-Agent of the request that signed in, cut to 512 characters; null when none was sent. */
  userAgent: string | null;
  /** The session the calling token belongs to. */
  current: boolean;
}

export const EXCEPT_VALUES = ['current'] as const;

/** `DELETE /user/me/sessions`: every sign-in of yours, or every one but this one. */
export class EndSessionsQueryDto {
  @ApiPropertyOptional({
    enum: EXCEPT_VALUES,
    description:
      '`current` keeps the session the calling token belongs to: "sign out everywhere else"',
  })
  @IsOptional()
  @IsIn(EXCEPT_VALUES, { message: 'except must be "current"' })
  except?: (typeof EXCEPT_VALUES)[number];
}

export class EndedSessionsDto {
  /** How many sessions ended. */
  ended: number;
}
