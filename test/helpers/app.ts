import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp, createFastifyAdapter } from '../../src/http/app.setup';
import { EMBEDDED_SOURCE } from '../../src/database/database.module';
import type { EmbeddedSource } from '../../src/database/embedded-database';
import { onServer, uniqueDatabaseName, withDatabase } from './databases';

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

let fileDatabase: Promise<EmbeddedSource | null> | undefined;

/**
 * This test file's own database, made once per file: a clone of the run's
 * migrated template on Postgres (DATABASE_URL then points at it), or the
 * migrated snapshot for an in-memory PGlite.
 */
export function fileDatabaseSource(): Promise<EmbeddedSource | null> {
  fileDatabase ??= (async () => {
    const serverUrl = process.env.TESSERA_TEST_SERVER_URL ?? process.env.DATABASE_URL;
    if (serverUrl) {
      process.env.TESSERA_TEST_SERVER_URL = serverUrl;
      const name = uniqueDatabaseName();
      await onServer(serverUrl, (client) =>
        client.query(
          `CREATE DATABASE "${name}" TEMPLATE "${process.env.TESSERA_TEST_TEMPLATE_DB}"`,
        ),
      );
      process.env.DATABASE_URL = withDatabase(serverUrl, name);
      return null;
    }
    return { snapshot: snapshotBlob() };
  })();
  return fileDatabase;
}

function snapshotBlob(): Blob {
  return new Blob([readFileSync(process.env.TESSERA_TEST_SNAPSHOT!)]);
}

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  spec: OpenAPIObject;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment for this app only; restored on close. */
  env?: Record<string, string | undefined>;
  /** Use files in this DATA_DIR instead of the file's snapshot (embedded mode only). */
  dataDir?: string;
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  /** Extra modules mounted beside the app (e.g. a route that fails on purpose). */
  extraModules?: Type[];
}

/** Boots the real app on this file's database, ready for `app.inject()`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const source = await fileDatabaseSource();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tessera-data-'));
  const restoreEnv = applyEnv({ DATA_DIR: dataDir, ...options.env });
  try {
    let builder = Test.createTestingModule({
      imports: [AppModule, ...(options.extraModules ?? [])],
    });
    if (source && !options.dataDir)
      builder = builder.overrideProvider(EMBEDDED_SOURCE).useValue(source);
    if (options.override) builder = options.override(builder);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
      logger: false,
    });
    const spec = await configureApp(app);
    try {
      await app.init();
    } catch (error) {
      // A start refused at bootstrap still opened the database: let it go.
      await app.close().catch(() => undefined);
      throw error;
    }
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      spec,
      dataDir,
      dataSource: app.get<DataSource>(getDataSourceToken()),
      close: async () => {
        await app.close();
        restoreEnv();
        if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    restoreEnv();
    throw error;
  }
}

/** Sets variables (undefined unsets) and returns a function putting the old values back. */
export function applyEnv(env: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  set(env);
  return () => set(previous);
}
