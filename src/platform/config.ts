import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** The environment variables Shekara reads, each with its default (contracts.md lists the fixed ones). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  SHEKARA_DATA_DIR: z.string().min(1).default('./data'),
  SHEKARA_ADMIN_PASSWORD: z.string().min(1).optional(),
  SHEKARA_DEMO: booleanFlag.optional(),
  SHEKARA_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SHEKARA_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  SHEKARA_AUDIT_CHAINS: z.coerce.number().int().min(1).max(256).default(8),
  SHEKARA_WRITE_BATCH: z.coerce.number().int().min(1).max(500).default(64),
  SHEKARA_WRITE_LANES: z.coerce.number().int().min(1).max(16).default(1),
  SHEKARA_IMPORT_LIMIT_BYTES: z.coerce.number().int().min(1024).max(512 * 1024 * 1024).default(64 * 1024 * 1024),
  SHEKARA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  SHEKARA_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  SHEKARA_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  SHEKARA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SHEKARA_LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SHEKARA_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  SHEKARA_TRUST_PROXY: booleanFlag.default(false),
  SHEKARA_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  SHEKARA_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be smtp:// or smtps://').optional(),
  SHEKARA_SMTP_FROM: z.string().min(3).default('shekara@localhost'),
  SHEKARA_WEBHOOK_SECRET: z.string().min(16).optional(),
  SHEKARA_NODE_ID: z.string().regex(/^[a-z0-9-]{1,40}$/).default('hq'),
  SHEKARA_NATS_URL: z.string().regex(/^(nats|tls):\/\/\S+$/, 'must be nats://host:port or tls://host:port').optional(),
  SHEKARA_NATS_STREAM: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be upper-case letters, digits and _ (a JetStream stream name)').default('SHEKARA'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  demo: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  bodyLimitBytes: number;
  /** Hash chains of the audit trail per writer node: concurrent writes take them in turn. */
  auditChains: number;
  /** Most audited writes joined into one statement and commit under load (1: each its own). */
  writeBatch: number;
  /** Joined statements in flight at once. */
  writeLanes: number;
  /** Largest watchlist file the web UI may upload (JSON-escaped text). */
  importLimitBytes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  cacheSeconds: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  trustProxy: boolean;
  /** Names this node's audit chain and outbox origin (a checkpoint node later; `hq` by default). */
  nodeId: string;
  /** Seconds between sweeps of the obligations engine (0: no sweeps in this process). */
  sweepSeconds: number;
  /** SMTP server for e-mail notifications (none: e-mail channels stay pending). */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** HMAC-SHA256 key that signs webhook notifications (x-shekara-signature). */
  webhookSecret: string | undefined;
  /** NATS server the outbox relay publishes to (none: events wait in the outbox). */
  natsUrl: string | undefined;
  /** The JetStream stream of the events; its subjects are `<stream in lower case>.<node>.<topic>`. */
  natsStream: string;
};

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SHEKARA_DATA_DIR),
    adminPassword: e.SHEKARA_ADMIN_PASSWORD,
    // demo accounts share a published password: on by default only on the embedded (trial) database
    demo: e.SHEKARA_DEMO ?? !e.DATABASE_URL,
    logLevel: e.SHEKARA_LOG_LEVEL,
    bodyLimitBytes: e.SHEKARA_BODY_LIMIT_BYTES,
    importLimitBytes: e.SHEKARA_IMPORT_LIMIT_BYTES,
    auditChains: e.SHEKARA_AUDIT_CHAINS,
    writeBatch: e.SHEKARA_WRITE_BATCH,
    writeLanes: e.SHEKARA_WRITE_LANES,
    sessionIdleMinutes: e.SHEKARA_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SHEKARA_SESSION_MAX_HOURS,
    cacheSeconds: e.SHEKARA_CACHE_SECONDS,
    loginMaxFailures: e.SHEKARA_LOGIN_MAX_FAILURES,
    loginLockMinutes: e.SHEKARA_LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.SHEKARA_LOGIN_RATE_PER_MINUTE,
    sweepSeconds: e.SHEKARA_SWEEP_SECONDS,
    smtpUrl: e.SHEKARA_SMTP_URL,
    smtpFrom: e.SHEKARA_SMTP_FROM,
    webhookSecret: e.SHEKARA_WEBHOOK_SECRET,
    trustProxy: e.SHEKARA_TRUST_PROXY,
    nodeId: e.SHEKARA_NODE_ID,
    natsUrl: e.SHEKARA_NATS_URL,
    natsStream: e.SHEKARA_NATS_STREAM,
  };
}

/** Documentation of every variable, used by `shekara --help` and checked against the README by a test. */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape);
