import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';

/** The one job queue of the instance, for every feature that queues or runs jobs. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
