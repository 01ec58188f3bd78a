// POST /api/v1/mrz/parse: the contract object on 200; 422 problem+json naming every failing field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signIn, useAppWorld, type Client } from './helpers.ts';

let booth: Client;
const w = useAppWorld({ demo: true }, async () => {
  booth = await signIn(w.app, 'demo.booth.korday', 'Shekara-Demo-2026');
});

const SPECIMEN = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

test('a valid MRZ answers 200 with the fields of contracts.md', async () => {
  const res = await booth.request('POST', '/api/v1/mrz/parse', { lines: SPECIMEN });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.valid, true);
  assert.equal(body.format, 'TD3');
  assert.equal(body.primaryIdentifier, 'ERIKSSON');
  assert.equal(body.secondaryIdentifier, 'ANNA MARIA');
  assert.equal(body.dateOfBirth, '1974-08-12');
  assert.deepEqual(body.checks, { documentNumber: true, dateOfBirth: true, dateOfExpiry: true, optionalData: true, composite: true });
});

test('an invalid MRZ answers 422 with every failing field, and the parsed MRZ with its OCR suggestions', async () => {
  const res = await booth.request('POST', '/api/v1/mrz/parse', { lines: [SPECIMEN[0], SPECIMEN[1]!.replace('7408122', '74O8122').replace('F12', 'Q12')] });
  assert.equal(res.statusCode, 422, res.body);
  assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
  const body = res.json();
  assert.equal(body.code, 'INVALID_MRZ');
  assert.deepEqual([...new Set(body.errors.map((e: { path: string }) => e.path))].sort(), ['composite', 'dateOfBirth', 'sex']);
  assert.equal(body.mrz.format, 'TD3');
  assert.ok(body.mrz.suggestions.some((s: { field: string; suggested: string }) => s.field === 'dateOfBirth' && s.suggested === '740812'));
  const unreadable = await booth.request('POST', '/api/v1/mrz/parse', { lines: ['hello', 'world'] });
  assert.equal(unreadable.statusCode, 422);
  assert.equal(unreadable.json().code, 'UNREADABLE_MRZ');
});

test('a malformed body is a 400 naming the field; unauthenticated is a 401', async () => {
  const res = await booth.request('POST', '/api/v1/mrz/parse', { lines: [], extra: 1 });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().errors.map((e: { path: string }) => e.path).sort(), ['body', 'body.lines']);
  const anonymous = await w.app.inject({ method: 'POST', url: '/api/v1/mrz/parse', payload: { lines: SPECIMEN } });
  assert.equal(anonymous.statusCode, 401);
});
