import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db, DatabaseHandle } from './db.ts';

/** What every service factory is given: no ambient globals. */
export type Deps = {
  db: Db;
  database: DatabaseHandle;
  clock: Clock;
  config: Config;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
};
