import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startRounds } from './rounds.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('rounds never overlap, a failing round is reported and the next still runs, and the stop waits for the round under way', async () => {
  let running = 0;
  let most = 0;
  let rounds = 0;
  let finished = 0;
  const errors: unknown[] = [];
  const r = startRounds(async () => {
    rounds++;
    running++;
    most = Math.max(most, running);
    await sleep(30);
    running--;
    if (rounds === 1) throw new Error('first round fails');
    finished++;
  }, { everyMs: 5, firstMs: 1, onError: (error) => errors.push(error) });
  while (rounds < 3) await sleep(5);
  await r.stop();
  assert.equal(most, 1);
  assert.equal(running, 0, 'the stop waited for the round under way');
  assert.equal(finished, rounds - 1);
  assert.equal(errors.length, 1);
  const after = rounds;
  await sleep(30);
  assert.equal(rounds, after, 'no round after the stop');
});
