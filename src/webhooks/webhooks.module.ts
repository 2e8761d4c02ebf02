import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { HookSecrets } from './hook-secrets';

/**
 * Web hooks: their administration, the fan-out of content events into
 * deliveries, and the delivery worker. Features never import this module:
 * they emit content events, which it subscribes to.
 */
@Module({
  imports: [ContentModule],
  providers: [HookSecrets],
})
export class WebhooksModule {}
