import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from './errors.ts';

export type DataDirLock = { release(): void };

export class DataDirBusyError extends DomainError {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      'DATA_DIR_BUSY',
      409,
      `The embedded database in ${dataDir} is in use by another Shekara process (pid ${pid}). ` +
        'PGlite allows one process at a time. Stop that process first (Ctrl+C in its terminal, or ' +
        `\`kill ${pid}\`), or run Shekara on a PostgreSQL server with DATABASE_URL, where any number ` +
        'of processes and CLI commands can share the database.',
    );
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the single-writer lock of an embedded data directory: an O_EXCL lock file holding our pid.
 * A lock left by a crashed process (its pid no longer alive) is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'shekara.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirBusyError(dataDir, holder);
      }
      fs.rmSync(file, { force: true }); // stale: the holder is gone
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
