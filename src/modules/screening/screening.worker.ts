// The screening worker thread: it holds the in-memory index and runs every screening against it, so a
// screening (about a millisecond against 200,000 persons) never holds up the request thread, and the
// index's millions of small objects live in a heap of their own, not in the one every request allocates in.
// The request thread reads the lists from the database and sends them here page by page (engines.ts).
import { parentPort } from 'node:worker_threads';
import { screenIndex, searchIndex } from './engine.ts';
import { ScreeningIndex } from './screening.index.ts';
import type { WorkerRequest, WorkerReply } from './engines.ts';

let current: ScreeningIndex | null = null;
let building: ScreeningIndex | null = null;
/** A page of the build under way that failed: the seal reports it */
let buildFailure: string | null = null;

function answer(message: WorkerRequest): WorkerReply['result'] {
  switch (message.type) {
    case 'begin':
      building = new ScreeningIndex(message.version);
      buildFailure = null;
      return null;
    case 'entries':
      for (const entry of message.entries) building!.addEntry(entry);
      return null;
    case 'documents':
      for (let i = 0; i < message.documents.length; i += 2) building!.addDocument(message.documents[i]!, message.documents[i + 1]!);
      return null;
    case 'seal': {
      if (buildFailure) throw new Error(buildFailure);
      const ready = building!.seal();
      building = null;
      if (!current || ready.version >= current.version) current = ready;
      return { version: ready.version, entries: ready.entries.length, keys: ready.keyCount };
    }
    case 'abort':
      building = null;
      return null;
    case 'screen':
      if (!current) throw new Error('no screening index yet');
      return screenIndex(current, message.request);
    case 'search':
      if (!current) throw new Error('no screening index yet');
      return searchIndex(current, message.request);
  }
}

parentPort!.on('message', (message: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: message.id, result: answer(message) };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  // a build's pages are not answered: a page that failed fails the seal
  if (message.id === 0) buildFailure ??= reply.error ?? null;
  else parentPort!.postMessage(reply);
});
