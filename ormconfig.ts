import { DataSource } from 'typeorm';
import { databaseConfig } from './src/config/configuration';
import { buildDataSourceOptions } from './src/database/data-source';

/** The data source the TypeORM CLI uses (`npm run migration:run`, `migration:generate`). */
export default new DataSource(buildDataSourceOptions(databaseConfig()));
