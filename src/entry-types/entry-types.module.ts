import { Module } from '@nestjs/common';
import { EntryTypesController } from './entry-types.controller';

@Module({ controllers: [EntryTypesController] })
export class EntryTypesModule {}
