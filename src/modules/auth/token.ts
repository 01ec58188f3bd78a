import crypto from 'node:crypto';

/** A random secret for a session or an API token; only its sha256 is stored. */
export function newSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** API tokens look like `shk_<8-char prefix>_<secret>`, so a leaked one is recognisable and the prefix findable. */
export function newApiToken(): { token: string; prefix: string } {
  const prefix = newSecret(6).slice(0, 8);
  return { token: `shk_${prefix}_${newSecret(32)}`, prefix };
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
