import { buildApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import type { Deps } from './platform/deps.ts';
import { startMaintenance } from './platform/maintenance.ts';
import { startOutboxRelay } from './platform/outbox-relay.ts';
import { startExchangeScheduler } from './modules/exchange/index.ts';
import { startStayVerdicts } from './modules/crossings/index.ts';
import { seedDemoExchange } from './demo/exchange-demo.ts';
import { seedDemoSez } from './demo/sez-demo.ts';
import { seedDemoCases } from './demo/cases-demo.ts';
import { seedDemoCrossings } from './demo/crossings-demo.ts';

/** Runs Shekara: database, migrations, seed, HTTP API and web UI, background maintenance. */
export async function startServer(config: Config) {
  const startedAt = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onIdleError: (error) => console.error(`database connection lost while idle: ${error.message}`) });
  const bootLog = { info: (m: string) => console.log(m), warn: console.warn, error: console.error, debug: () => undefined };
  const deps: Deps = { db: database.db, database, clock: systemClock, config, log: bootLog as never };
  const prepared = await prepareDatabase(database, deps, config);
  // a few days of information exchange between the demo duty desks, made by the real services
  if (config.demo) await seedDemoExchange(deps);
  // and a month of SEZ passage at the demo ICBC Khorgos
  if (config.demo) await seedDemoSez(deps);
  // and a few cases at Korday (a hand-over accepted with a discrepancy, a detention awaiting hand-over, a use-of-force report)
  if (config.demo) await seedDemoCases(deps);
  const { app, services } = await buildApp(deps);
  deps.log = app.log;
  // and this morning at Korday's booths, with foreigners who entered weeks ago (three of them over their days)
  if (config.demo) await seedDemoCrossings(deps, services.screening);
  const interrupted = await services.importJobs.markInterrupted();
  if (interrupted) app.log.warn({ interrupted }, 'watchlist imports cut off by the last stop were marked failed (they imported nothing)');
  const stopMaintenance = startMaintenance(deps);
  const scheduler = startExchangeScheduler(deps);
  const stopVerdicts = startStayVerdicts(services.stays, app.log);
  // audited changes to NATS JetStream, when a server is configured (the rows wait in the outbox otherwise)
  const relay = config.natsUrl ? startOutboxRelay(deps, { url: config.natsUrl, stream: config.natsStream }) : null;
  await app.listen({ port: config.port, host: config.host });
  // the first screening should not wait for the index: build it now, while the officers sign in
  services.screening.warmUp().catch((error) => app.log.error({ err: error }, 'screening index build failed'));
  const address = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  app.log.info({ database: database.kind, location: database.location, migrationsApplied: prepared.applied.length, demoRowsInserted: prepared.demo.inserted, readyMs: Math.round(performance.now() - startedAt) }, 'Shekara is ready');
  if (prepared.admin.generatedPassword) {
    // Printed to the terminal once, never through the logger: logs are shipped and kept.
    process.stdout.write(`\n  Shekara created the administrator account.\n  User name: admin\n  Password:  ${prepared.admin.generatedPassword}\n  It is shown only this once: sign in at ${address} and keep it safe.\n\n`);
  }
  process.stdout.write(`  Shekara is running at ${address} (database: ${database.kind === 'pglite' ? `embedded, ${database.location}` : database.location})\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await stopMaintenance();
    await stopVerdicts();
    await scheduler.stop();
    await relay?.stop();
    // no new connection, the open ones answered; then the handlers whose client left finish their writes
    await app.close();
    if (!(await app.settled(10_000))) app.log.warn('stopping with requests still at work after 10 s');
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, database };
}
