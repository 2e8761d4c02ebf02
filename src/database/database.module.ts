import { Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { databaseConfig, DatabaseConfig } from '../config/configuration';
import { buildDataSourceOptions, runMigrations } from './data-source';
import { EmbeddedDatabaseInUseError, EmbeddedSource } from './embedded-database';
import { SqlModule } from './sql';

/**
 * Where the embedded database's data comes from when not DATA_DIR.
 * `null` in the app; tests override it with a migrated snapshot.
 */
export const EMBEDDED_SOURCE = Symbol('EMBEDDED_SOURCE');

@Module({
  providers: [{ provide: EMBEDDED_SOURCE, useValue: null }],
  exports: [EMBEDDED_SOURCE],
})
class EmbeddedSourceModule {}

type StartupOptions = TypeOrmModuleOptions & { runMigrationsAtStart: boolean };

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedSourceModule],
      inject: [databaseConfig.KEY, EMBEDDED_SOURCE],
      useFactory: (config: DatabaseConfig, embedded: EmbeddedSource | null): StartupOptions => ({
        ...buildDataSourceOptions(config, embedded ?? undefined),
        runMigrationsAtStart: config.runMigrations,
        retryAttempts: 3,
        retryDelay: 2000,
        // A held data directory will not free itself by waiting.
        toRetry: (error: unknown) => !(error instanceof EmbeddedDatabaseInUseError),
      }),
      dataSourceFactory: async (options) => {
        const { runMigrationsAtStart, ...dataSourceOptions } = options as StartupOptions;
        const dataSource = await new DataSource(
          dataSourceOptions as DataSourceOptions,
        ).initialize();
        try {
          if (runMigrationsAtStart) await runMigrations(dataSource);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
    SqlModule,
  ],
})
export class DatabaseModule {}
