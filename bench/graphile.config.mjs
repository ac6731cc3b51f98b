// PostGraphile 5 for the benchmark: the amber preset (its recommended defaults) and the
// connection-filter plugin (for the name search of W4 and the theme/period filter of W6), over
// the tables Minsheng migrated and seeded. Its pool gets the same 16 connections as Minsheng's.
// PgIndexBehaviorsPlugin is off (PostGraphile 4's `ignoreIndexes`): with it, only indexed columns can
// be filtered, and W4 filters on the unindexed region name, as Minsheng's search does.
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

export default {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: 16 },
    }),
  ],
  schema: { connectionFilterRelations: true },
  grafserv: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5678), graphiql: false },
};
