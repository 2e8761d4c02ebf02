import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { DeliveryFanout } from './delivery-fanout';
import { DeliveryRetention } from './delivery-retention';
import { DeliveryWorker } from './delivery-worker';
import { DeliveryRepository } from './delivery.repository';
import { HookSecrets } from './hook-secrets';
import { WebHooksController } from './web-hooks.controller';
import { WebHooksRepository } from './web-hooks.repository';
import { WebHooksService } from './web-hooks.service';

/**
 * Web hooks: their administration, the fan-out of content events into
 * deliveries, and the delivery worker. Features never import this module:
 * they emit content events, which it subscribes to.
 */
@Module({
  imports: [ContentModule],
  controllers: [WebHooksController],
  providers: [
    HookSecrets,
    WebHooksRepository,
    WebHooksService,
    DeliveryRepository,
    DeliveryFanout,
    DeliveryWorker,
    DeliveryRetention,
  ],
})
export class WebhooksModule {}
