import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { EntryTypesController } from './entry-types.controller';
import { EntryTypesRepository } from './entry-types.repository';
import { EntryTypesService } from './entry-types.service';

@Module({
  imports: [ContentModule],
  controllers: [EntryTypesController],
  providers: [EntryTypesService, EntryTypesRepository],
  exports: [EntryTypesService],
})
export class EntryTypesModule {}
