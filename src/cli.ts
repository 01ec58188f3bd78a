import { Command, Option } from 'commander';
import { sql } from 'kysely';
import { ADMIN_USERNAME, generatePassword, prepareDatabase } from './bootstrap.ts';
import { seedDemo } from './demo/index.ts';
import { verifyAuditChains } from './modules/audit/index.ts';
import { createAuthService } from './modules/auth/index.ts';
import { createUserService, syncSystemRoles } from './modules/org/index.ts';
import { cliActor, type Ctx } from './platform/actor.ts';
import { systemClock } from './platform/clock.ts';
import { CONFIG_VARIABLES, loadConfig, type Config } from './platform/config.ts';
import { DataDirBusyError } from './platform/data-dir-lock.ts';
import { openDatabase } from './platform/db.ts';
import type { Deps } from './platform/deps.ts';
import { DomainError, StartupError } from './platform/errors.ts';
import { PERMISSIONS } from './platform/permissions.ts';
import { migrate } from './platform/migrate.ts';

const quietLog = { info: () => undefined, warn: console.warn, error: console.error, debug: () => undefined };

/** Opens the configured database for one CLI command and closes it afterwards. */
async function withDatabase<T>(fn: (deps: Deps, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn({ db: database.db, database, clock: systemClock, config, log: quietLog as never }, config);
  } finally {
    await database.close();
  }
}

const cliCtx = (): Ctx => ({ actor: cliActor(new Set(PERMISSIONS)), correlationId: `cli-${process.pid}`, ip: null });

export function buildCli(): Command {
  const program = new Command('shekara')
    .description('Shekara: state-border management and inter-agency coordination')
    .addHelpText('after', `\nEnvironment: ${CONFIG_VARIABLES.join(', ')} (see README).`)
    .showHelpAfterError();

  program.command('start').description('run the server: API, web UI and background jobs').action(async () => {
    const { startServer } = await import('./server.ts');
    await startServer(loadConfig());
  });

  const db = program.command('db').description('database maintenance');
  db.command('migrate').description('apply pending migrations (the server also does this at start)').action(() =>
    withDatabase(async (deps) => {
      const applied = await migrate(deps.database);
      await syncSystemRoles(deps.db);
      console.log(applied.length ? `Applied ${applied.map((m) => m.file).join(', ')}` : 'The database is up to date.');
    }));

  program.command('demo').description('demo data').command('seed').description('load the demo units, checkpoints, officers and users (idempotent)').action(() =>
    withDatabase(async (deps, config) => {
      await prepareDatabase(deps.database, deps, { ...config, demo: false });
      const { inserted } = await seedDemo(deps);
      const { seedDemoExchange } = await import('./demo/exchange-demo.ts');
      await seedDemoExchange(deps);
      const { seedDemoSez } = await import('./demo/sez-demo.ts');
      await seedDemoSez(deps);
      const { seedDemoCases } = await import('./demo/cases-demo.ts');
      await seedDemoCases(deps);
      const { seedDemoCrossings } = await import('./demo/crossings-demo.ts');
      const { createScreeningModule } = await import('./modules/screening/index.ts');
      await seedDemoCrossings(deps, createScreeningModule(deps).screening);
      console.log(inserted ? `Loaded ${inserted} demo records.` : 'The demo data is already loaded; nothing changed.');
    }));

  const user = program.command('user').description('user accounts');
  user.command('create')
    .description('create a user in a unit with roles; prints the password when generated')
    .requiredOption('--username <name>', 'login name (lower-case letters, digits, . _ -)')
    .requiredOption('--unit <code>', 'unit code, e.g. BS-POST-KORDAY')
    .option('--display-name <text>', 'full name shown in the interface')
    .option('--role <role...>', 'role to grant, as ROLE or ROLE@UNIT-CODE to scope it to a unit subtree (repeatable)', [])
    .option('--password <password>', 'password; generated when omitted (avoid: it stays in shell history)')
    .addOption(new Option('--locale <lang>', 'interface language').choices(['kk', 'ru', 'en']).default('ru'))
    .action((opts: { username: string; unit: string; displayName?: string; role: string[]; password?: string; locale: 'kk' | 'ru' | 'en' }) =>
      withDatabase(async (deps, config) => {
        await prepareDatabase(deps.database, deps, { ...config, demo: false });
        const unitByCode = async (code: string) => (await deps.db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirst())?.id;
        const unitId = await unitByCode(opts.unit);
        if (!unitId) throw new DomainError('VALIDATION', 400, `Unknown unit code ${opts.unit}.`);
        const roles = [];
        for (const spec of opts.role) {
          const [role, scope] = spec.split('@');
          const scopeUnitId = scope ? await unitByCode(scope) : null;
          if (scope && !scopeUnitId) throw new DomainError('VALIDATION', 400, `Unknown unit code ${scope} in --role ${spec}.`);
          roles.push({ role: role!, scopeUnitId: scopeUnitId ?? null });
        }
        const password = opts.password ?? generatePassword();
        const created = await createUserService(deps).createUser(cliCtx(), { username: opts.username, displayName: opts.displayName ?? opts.username, password, unitId, locale: opts.locale, roles });
        console.log(`Created user ${created.username} (${created.id}).`);
        if (!opts.password) console.log(`Password: ${password}`);
      }));

  program.command('token').description('API tokens for machine clients').command('create')
    .description('print a new bearer token for a user (stored hashed; revocable)')
    .requiredOption('--username <name>', 'the user the token acts as')
    .option('--name <text>', 'what the token is for', 'cli')
    .option('--expires-days <n>', 'lifetime in days (default: no expiry)')
    .action((opts: { username: string; name: string; expiresDays?: string }) =>
      withDatabase(async (deps, config) => {
        await prepareDatabase(deps.database, deps, { ...config, demo: false });
        const row = await deps.db.selectFrom('appUser').select(['id', 'isActive']).where(sql`lower(username)`, '=', opts.username.toLowerCase()).executeTakeFirst();
        if (!row || !row.isActive) throw new DomainError('NOT_FOUND', 404, `No active user ${opts.username}.`);
        const days = opts.expiresDays ? Number.parseInt(opts.expiresDays, 10) : null;
        if (days !== null && !(days > 0 && days <= 3650)) throw new DomainError('VALIDATION', 400, '--expires-days must be 1-3650.');
        const created = await createAuthService(deps).createToken(cliCtx(), row.id, opts.name, days ? new Date(Date.now() + days * 86_400_000) : null);
        console.log(created.token);
      }));

  const watchlist = program.command('watchlist').description('watchlists of persons');
  watchlist.command('import')
    .description('import a list all-or-nothing (UN consolidated XML, or CSV as in the README); importing the same file again changes nothing')
    .addOption(new Option('--format <format>', 'file format').choices(['un-xml', 'csv']).makeOptionMandatory())
    .option('--kind <kind>', 'kind of a list the file creates: entry_ban, exit_ban, wanted, sanctions, other')
    .argument('<file>', 'the file to import')
    .action((file: string, opts: { format: 'un-xml' | 'csv'; kind?: string }) =>
      withDatabase(async (deps, config) => {
        await prepareDatabase(deps.database, deps, { ...config, demo: false });
        const { importWatchlistFile } = await import('./modules/screening/import/cli-import.ts');
        await importWatchlistFile(deps, cliCtx(), file, opts.format, opts.kind);
      }));

  program.command('screen')
    .description('screen one traveller (--surname/--given-names/...) or a CSV file of travellers (--file) and print the hits as JSON lines')
    .option('--surname <text>').option('--given-names <text>').option('--date-of-birth <date>').option('--nationality <code>').option('--sex <M|F|X>')
    .option('--document <number>').option('--issuing-state <code>')
    .option('--file <csv>', 'travellers: surname,given_names,date_of_birth,nationality,sex,document_number,issuing_state')
    .action((opts: Record<string, string | undefined>) =>
      withDatabase(async (deps, config) => {
        await prepareDatabase(deps.database, deps, { ...config, demo: false });
        const { screenFromCli } = await import('./modules/screening/import/cli-import.ts');
        await screenFromCli(deps, cliCtx(), opts);
      }));

  program.command('mrz').description('machine readable zones (ICAO 9303)').command('parse')
    .description('read an MRZ (2 or 3 lines) from standard input and print it as JSON; exit 0 valid, 1 read but failing a check, 2 unreadable')
    .action(async () => {
      const { parseMrz } = await import('./modules/documents/mrz.ts');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const result = parseMrz(Buffer.concat(chunks).toString('utf8'));
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      process.exitCode = result.valid ? 0 : result.format ? 1 : 2;
    });

  program.command('exchange').description('information exchange on deadline clocks').command('round')
    .description('run one round of the obligations scheduler now: open periodic clocks, sweep due ones (warn, escalate), deliver notifications')
    .action(() =>
      withDatabase(async (deps) => {
        const { runExchangeRound } = await import('./modules/exchange/index.ts');
        const { defaultSender } = await import('./modules/exchange/notifications.ts');
        const r = await runExchangeRound(deps, defaultSender(deps.config));
        console.log(`Opened ${r.opened} clock(s); ${r.escalated} overdue and escalated, ${r.warned} warned; ${r.notifications} notification(s); ${r.sent} delivered to channels, ${r.failed} failed (retried later).`);
      }));

  program.command('audit').description('the audit trail').command('verify')
    .description('recompute the hash chains and report the first broken link (exit 1 if any)')
    .action(() =>
      withDatabase(async (deps) => {
        const result = await verifyAuditChains(deps.db);
        for (const chain of result.chains) console.log(`chain ${chain.chain}: ${chain.rows} events ${chain.ok ? 'intact' : 'BROKEN'}`);
        if (result.firstBreak) {
          const b = result.firstBreak;
          console.log(`First broken link: chain ${b.chain}, event #${b.seq}${b.id ? ` (${b.id})` : ''}: ${b.problem.replace('_', ' ')}`);
          process.exitCode = 1;
        } else if (result.chains.length === 0) console.log('The audit trail is empty.');
        else console.log('Audit trail intact.');
      }));

  return program;
}

/** Runs the CLI; known failures print one clear line (no stack trace) and set the exit code. */
export async function runCli(argv: string[]) {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof DataDirBusyError) {
      console.error(error.detail);
      process.exitCode = 3;
    } else if (error instanceof DomainError) {
      console.error(`${error.detail}${error.errors.length ? `\n${error.errors.map((e) => `  - ${e.path}: ${e.message}`).join('\n')}` : ''}`);
      process.exitCode = 2;
    } else if (error instanceof StartupError || (error instanceof Error && error.name === 'ConfigError')) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      throw error;
    }
  }
}
export { ADMIN_USERNAME };
