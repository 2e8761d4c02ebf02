import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
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
  providers: [HookSecrets, WebHooksRepository, WebHooksService],
})
export class WebhooksModule {}
