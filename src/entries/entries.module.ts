import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { EntryTypesModule } from '../entry-types/entry-types.module';
import { MediaModule } from '../media/media.module';
import { EntriesController } from './entries.controller';
import { EntriesRepository } from './entries.repository';
import { EntriesService } from './entries.service';
import { EntryCursors } from './entry-cursors';
import { DEFAULT_ENTRY_LIST_LIMITS, ENTRY_LIST_LIMITS } from './entry-list-query';
import { EntryTotals } from './entry-totals';
import { ListedEntryTypes } from './listed-entry-types';
import { ScheduledPublications } from './scheduled-publications';

@Module({
  imports: [ContentModule, EntryTypesModule, MediaModule],
  controllers: [EntriesController],
  providers: [
    EntriesService,
    EntriesRepository,
    EntryTotals,
    EntryCursors,
    ListedEntryTypes,
    ScheduledPublications,
    { provide: ENTRY_LIST_LIMITS, useValue: DEFAULT_ENTRY_LIST_LIMITS },
  ],
})
export class EntriesModule {}
