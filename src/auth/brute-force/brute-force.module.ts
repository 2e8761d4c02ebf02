import { Module } from '@nestjs/common';
import { BruteForceRepository } from './brute-force.repository';
import { DatabaseThrottlerStorage } from './database-throttler.storage';
import { ExpiredCountersPurger } from './expired-counters.purger';
import { SignInAttemptsService } from './sign-in-attempts.service';

/** The rate limit and failure counters shared through the database by every instance. */
@Module({
  providers: [
    BruteForceRepository,
    DatabaseThrottlerStorage,
    SignInAttemptsService,
    ExpiredCountersPurger,
  ],
  exports: [DatabaseThrottlerStorage, SignInAttemptsService],
})
export class BruteForceModule {}
