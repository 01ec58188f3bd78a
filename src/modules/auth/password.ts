import argon2 from 'argon2';
import type { FieldProblem } from '../../platform/errors.ts';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1) raised to 64 MiB / t=3 as the library's default.
const OPTIONS = { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown username is not told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy-password-for-timing-equality');
  await verifyPassword(await dummyHash, password);
  return false;
}

const COMMON = new Set([
  'password', 'password1', 'password123', 'qwerty123', '123456789', '1234567890', 'qwertyuiop',
  'iloveyou', 'admin123', 'welcome1', 'letmein', 'parol123', 'qwerty12345', 'zaq12wsx', 'shekara',
]);

export const PASSWORD_MIN_LENGTH = 12;

/** The password policy: length, three character classes of four, not the username, not a common one. */
export function checkPasswordPolicy(password: string, username: string, path = 'password'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push({ path, code: 'TOO_SHORT', params: { minimum: PASSWORD_MIN_LENGTH }, message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
  if (password.length > 256) problems.push({ path, code: 'TOO_LONG', params: { maximum: 256 }, message: 'must be at most 256 characters' });
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push({ path, code: 'PASSWORD_CLASSES', message: 'must mix at least three of: lower-case, upper-case, digits, symbols' });
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) problems.push({ path, code: 'PASSWORD_HAS_USERNAME', message: 'must not contain the username' });
  if (COMMON.has(lower.replace(/[^a-z0-9]/g, ''))) problems.push({ path, code: 'PASSWORD_COMMON', message: 'is too common' });
  return problems;
}
