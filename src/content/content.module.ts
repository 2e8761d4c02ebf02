import { Module } from '@nestjs/common';
import { NotificationsModule } from '../database/notifications.module';
import { ContentEvents } from './content-events.service';
import { ContentRepository } from './content.repository';
import { DeliveryCache, DeliveryCacheInterceptor } from './delivery-cache';

@Module({
  imports: [NotificationsModule],
  providers: [ContentEvents, ContentRepository, DeliveryCache, DeliveryCacheInterceptor],
  exports: [ContentEvents, DeliveryCache, DeliveryCacheInterceptor],
})
export class ContentModule {}
