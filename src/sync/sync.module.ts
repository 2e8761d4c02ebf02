import { Module } from '@nestjs/common';
import { EntryTypesModule } from '../entry-types/entry-types.module';
import { ExpiredTombstonesPurger } from './expired-tombstones.purger';
import { SyncController } from './sync.controller';
import { SyncRepository } from './sync.repository';
import { SyncService } from './sync.service';

/** The sync API: full passes and deltas of a project's entries, for build pipelines. */
@Module({
  imports: [EntryTypesModule],
  controllers: [SyncController],
  providers: [SyncService, SyncRepository, ExpiredTombstonesPurger],
})
export class SyncModule {}
