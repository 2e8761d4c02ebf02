import { Module } from '@nestjs/common';
import { DatabaseThrottlerStorage } from './database-throttler.storage';
import { SignInAttemptsService } from './sign-in-attempts.service';

/** The rate limit and failure counters shared through the database by every instance. */
@Module({
  providers: [DatabaseThrottlerStorage, SignInAttemptsService],
  exports: [DatabaseThrottlerStorage, SignInAttemptsService],
})
export class BruteForceModule {}
