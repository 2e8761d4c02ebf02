import { Module } from '@nestjs/common';
import { AdminUiController } from './admin-ui.controller';

/** Serves the built admin UI (admin/ → dist/admin) at /admin. */
@Module({ controllers: [AdminUiController] })
export class AdminUiModule {}
