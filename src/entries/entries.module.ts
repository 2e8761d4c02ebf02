import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { EntryTypesModule } from '../entry-types/entry-types.module';
import { EntriesController } from './entries.controller';
import { EntriesRepository } from './entries.repository';
import { EntriesService } from './entries.service';

@Module({
  imports: [ContentModule, EntryTypesModule],
  controllers: [EntriesController],
  providers: [EntriesService, EntriesRepository],
})
export class EntriesModule {}
