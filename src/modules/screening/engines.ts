// Where the screening index lives: in a worker thread of its own (the default) or in the calling
// thread (SHEKARA_SCREENING_THREAD=main; the CLI). Both build the index from pages the caller reads
// from the database, swap it in whole once sealed, and answer screenings and searches from the
// latest sealed index; the caller sees the same answers either way (tested side by side).
import { Worker } from 'node:worker_threads';
import { screenIndex, searchIndex, type IndexScreenRequest, type IndexScreenResult, type IndexSearchRequest } from './engine.ts';
import { ScreeningIndex, type EntrySource, type IndexedEntry } from './screening.index.ts';

export type BuiltIndex = { version: number; entries: number; keys: number };

/** Receives the index's rows while it is built. */
export type IndexSink = {
  entries(entries: EntrySource[]): void;
  /** issuing state and lookup key, in turn */
  documents(pairs: string[]): void;
};

export type ScreeningEngine = {
  /** Builds an index of `version` from what `fill` gives, then answers from it (unless a newer one is there). */
  build(version: number, fill: (sink: IndexSink) => Promise<void>): Promise<BuiltIndex>;
  screen(request: IndexScreenRequest): Promise<IndexScreenResult>;
  search(request: IndexSearchRequest): Promise<Array<{ entry: IndexedEntry; score?: number }>>;
  close(): Promise<void>;
};

/** The index in this thread. */
export function createInlineEngine(): ScreeningEngine {
  let current: ScreeningIndex | null = null;
  const ready = () => {
    if (!current) throw new Error('no screening index yet');
    return current;
  };
  return {
    async build(version, fill) {
      const index = new ScreeningIndex(version);
      await fill({
        entries: (entries) => entries.forEach((e) => index.addEntry(e)),
        documents: (pairs) => {
          for (let i = 0; i < pairs.length; i += 2) index.addDocument(pairs[i]!, pairs[i + 1]!);
        },
      });
      index.seal();
      if (!current || index.version >= current.version) current = index;
      return { version, entries: index.entries.length, keys: index.keyCount };
    },
    screen: async (request) => screenIndex(ready(), request),
    search: async (request) => searchIndex(ready(), request),
    async close() {
      current = null;
    },
  };
}

export type WorkerRequest = { id: number } & (
  | { type: 'begin'; version: number }
  | { type: 'entries'; entries: EntrySource[] }
  | { type: 'documents'; documents: string[] }
  | { type: 'seal' }
  | { type: 'abort' }
  | { type: 'screen'; request: IndexScreenRequest }
  | { type: 'search'; request: IndexSearchRequest }
);
export type WorkerReply = { id: number; result?: unknown; error?: string | undefined };

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The index in a worker thread. Messages are answered in order; a build's pages go unanswered (the
 * seal reports a failed page). A worker that dies fails what waits on it and is started again, empty,
 * on the next call: the holder then builds again (`onLost`).
 */
export function createWorkerEngine(options: { onLost: (error: Error) => void }): ScreeningEngine {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let closed = false;

  function start(): Worker {
    const w = new Worker(new URL('./screening.worker.ts', import.meta.url));
    // the worker never keeps the process alive on its own: the server's socket does
    w.unref();
    w.on('message', (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.result);
    });
    const lost = (error: Error) => {
      if (worker !== w) return;
      worker = null;
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      if (!closed) options.onLost(error);
    };
    w.on('error', lost);
    w.on('exit', (code) => lost(new Error(`the screening worker stopped (exit code ${code})`)));
    return w;
  }

  const send = (message: Distributive<WorkerRequest>) => {
    if (closed) throw new Error('the screening engine is closed');
    worker ??= start();
    worker.postMessage({ ...message, id: 0 });
  };
  function call<T>(message: Distributive<WorkerRequest>): Promise<T> {
    if (closed) return Promise.reject(new Error('the screening engine is closed'));
    worker ??= start();
    const id = nextId++;
    const promise = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    worker.postMessage({ ...message, id });
    return promise;
  }

  return {
    async build(version, fill) {
      send({ type: 'begin', version });
      try {
        await fill({ entries: (entries) => send({ type: 'entries', entries }), documents: (documents) => send({ type: 'documents', documents }) });
      } catch (error) {
        if (worker) send({ type: 'abort' });
        throw error;
      }
      return call<BuiltIndex>({ type: 'seal' });
    },
    screen: (request) => call<IndexScreenResult>({ type: 'screen', request }),
    search: (request) => call<Array<{ entry: IndexedEntry; score?: number }>>({ type: 'search', request }),
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      for (const waiting of pending.values()) waiting.reject(new Error('the screening engine is closed'));
      pending.clear();
      if (w) await w.terminate();
    },
  };
}
