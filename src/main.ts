import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './app.setup';
import type { AppConfig } from './config/configuration';
import { validateEnvironment } from './config/environment';
import { explainStartupFailure } from './startup-failure';

async function bootstrap(): Promise<void> {
  // Validate before Nest starts, so a bad variable is one line, not a stack.
  validateEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApp(app);
  const { port, host } = app.get(ConfigService).getOrThrow<AppConfig>('app');
  await app.listen(port, host);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`${explainStartupFailure(error)}\n`);
  process.exit(1);
});
