// The demo's border control at Korday (npm start with demo data): made by the real services, so the
// journal, the supervisor's view and the overstay list show what a morning at the booths leaves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemoCrossings } from '../src/demo/crossings-demo.ts';
import { actorOf } from '../src/demo/exchange-demo.ts';
import { createStayService, startStayVerdicts } from '../src/modules/crossings/index.ts';
import { DEMO_PASSWORD, KORDAY, signIn, useAppWorld } from './helpers.ts';

const w = useAppWorld({ demo: true });

test('the demo seeds a morning of border control at Korday once, with foreigners still in the country', async () => {
  const made = await seedDemoCrossings(w.deps, w.services.screening);
  assert.ok(made >= 25, `${made} crossings`);
  assert.equal(await seedDemoCrossings(w.deps, w.services.screening), 0);
  const booth = await signIn(w.app, 'demo.booth.korday', DEMO_PASSWORD);
  const journal = (await booth.request('GET', '/api/v1/crossings?limit=100')).json();
  assert.equal(journal.items.length, made);
  const statuses = journal.items.map((c: { status: string }) => c.status);
  assert.equal(statuses.filter((s: string) => s === 'in_control').length, 2);
  assert.equal(statuses.filter((s: string) => s === 'secondary').length, 1);
  assert.ok(journal.items.some((c: { decision: string | null; status: string }) => c.decision === 'refuse' && c.status === 'completed'));
  // the supervisor's view: two at control, one in secondary inspection, one passed and not yet out
  const head = await signIn(w.app, 'demo.head.korday', DEMO_PASSWORD);
  const stats = await head.request('GET', `/api/v1/checkpoints/${KORDAY}/control-stats?since=${new Date(w.clock.now().getTime() - 6 * 3_600_000).toISOString()}`);
  assert.equal(stats.statusCode, 200, stats.body);
  assert.deepEqual(stats.json().open, { inControl: 2, secondary: 1, awaitingExit: 1, refusedNotYetOut: 0 });
  // two vehicles at control: the lorry waits for its marks, the car has customs' and its e-queue booking
  const customs = await signIn(w.app, 'demo.customs.korday', DEMO_PASSWORD);
  assert.deepEqual((await customs.request('GET', '/api/v1/overview')).json().vehicles, { atControl: 2, awaitingMarks: 1 });
  const lorry = (await customs.request('GET', '/api/v1/vehicle-crossings?plate=01KG417ABK')).json().items[0];
  assert.deepEqual(lorry.requiredMarks.map((m: { body: string; present: boolean }) => [m.body, m.present]), [['customs', false], ['transport', false], ['sanitary', false]]);
  // the server's timer judges the stays the seed opened, before anyone asks for the list
  const unjudged = async () => (await w.deps.db.selectFrom('openStay').select('documentNumber').where('judgedUnder', 'is', null).execute()).length;
  assert.equal(await unjudged(), 10); // six who came weeks ago, four this morning
  // a list asked for meanwhile judges a few pages itself and says how many are still to judge
  const paged = createStayService(w.deps, { page: 2, requestPages: 2 });
  const early = await paged.overstays({ actor: await actorOf(w.deps, 'demo.migration.korday'), correlationId: 'test', ip: null }, { limit: 200 });
  assert.equal(early.pending, 6);
  assert.equal(await unjudged(), 6);
  const stop = startStayVerdicts(w.services.stays, { error: (o) => assert.fail(`judging failed: ${String(o)}`) }, 10);
  for (let i = 0; i < 500 && (await unjudged()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  await stop();
  assert.equal(await unjudged(), 0);
  // over their days: the Uzbek of 97 days (90 within 180), the German of 41 and the Turk of 33 (30 a stay); not those within theirs
  const police = await signIn(w.app, 'demo.migration.korday', DEMO_PASSWORD);
  const over = (await police.request('GET', '/api/v1/overstays')).json();
  assert.equal(over.pending, 0);
  assert.deepEqual(over.items.map((i: { person: { surname: string } }) => i.person.surname).sort(), ['HOFFMANN', 'KARIMOV', 'YILDIZ']);
  assert.ok(over.items.every((i: { overBy: number }) => i.overBy > 0));
});
