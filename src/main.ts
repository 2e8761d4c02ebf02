import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './http/app.setup';
import { trackConnections } from './http/connection-drain';
import type { AppConfig } from './config/configuration';
import { validateEnvironment } from './config/environment';
import { explainStartupFailure } from './http/startup-failure';

const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(): Promise<void> {
  // Validate before Nest starts, so a bad variable is one line, not a stack.
  validateEnvironment(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApp(app);
  const connections = trackConnections(app.getHttpServer());
  const { port, host } = app.get(ConfigService).getOrThrow<AppConfig>('app');
  await app.listen(port, host);
  closeOnSignal(app, connections);
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let requests in flight
 * (including those received but not yet read) finish, close the database,
 * exit 0. Stuck past the grace period, exit 1.
 */
function closeOnSignal(
  app: NestFastifyApplication,
  connections: ReturnType<typeof trackConnections>,
): void {
  const close = (signal: NodeJS.Signals) => {
    process.stderr.write(`tessera: ${signal} received, shutting down\n`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    connections
      .drain()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`tessera: error while shutting down: ${String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`${explainStartupFailure(error)}\n`);
  process.exit(1);
});
