// The interface is complete in Kazakh, Russian and English, with no English leaking into the other two.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { en } from '../web/src/locales/en.ts';
import { kk } from '../web/src/locales/kk.ts';
import { ru } from '../web/src/locales/ru.ts';
import { sourceText } from './helpers.ts';

// Values that are the same in every language: language names written in their own language, a dash.
// texts of no words at all (values and signs only)
const SAME_EVERYWHERE = new Set(['lang.kk', 'lang.ru', 'lang.en', 'common.none', 'problem.path.item', 'problem.field.STATUS_IS']);
const CYRILLIC = /[\u0400-\u04FF]/;
const KAZAKH_LETTERS = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

test('kk and ru have exactly the keys of en, none empty', () => {
  for (const [name, dict] of [['kk', kk], ['ru', ru]] as const) {
    assert.deepEqual(Object.keys(dict).sort(), Object.keys(en).sort(), `${name} keys`);
    for (const [key, value] of Object.entries(dict)) assert.ok(value.trim().length > 0, `${name}.${key} is empty`);
  }
});

test('no English text in the Kazakh and Russian interfaces', () => {
  for (const [name, dict] of [['kk', kk], ['ru', ru]] as const) {
    for (const [key, value] of Object.entries(dict)) {
      if (SAME_EVERYWHERE.has(key)) continue;
      assert.ok(CYRILLIC.test(value), `${name}.${key} has no Cyrillic: "${value}"`);
      assert.notEqual(value, en[key as keyof typeof en], `${name}.${key} is the English text`);
    }
  }
});

test('the Kazakh texts are Kazakh, not Russian copied over', () => {
  const kazakh = Object.entries(kk).filter(([key]) => !SAME_EVERYWHERE.has(key));
  const identicalToRussian = kazakh.filter(([key, value]) => value === ru[key as keyof typeof ru] && !key.startsWith('country.'));
  assert.deepEqual(identicalToRussian.map(([k]) => k).filter((k) => !['app.name', 'nav.map', 'org.role.police', 'booth.cat.diplomat', 'control.seconds', 'problem.path.id', 'problem.path.code', 'problem.path.photo', 'problem.path.contentBase64', 'problem.path.migrant'].includes(k)), []);
  const withKazakhLetters = kazakh.filter(([, value]) => KAZAKH_LETTERS.test(value)).length;
  assert.ok(withKazakhLetters / kazakh.length > 0.6, `only ${withKazakhLetters} of ${kazakh.length} Kazakh texts use Kazakh letters`);
});

test('every translation key used by the web code exists', () => {
  const dir = path.resolve(import.meta.dirname, '../web/src');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
  const used = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
  }
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, []);
  assert.ok(used.size > 50);
});

test('every field and code an MRZ problem can name has its words in the booth', async () => {
  const { parseMrz } = await import('../src/modules/documents/mrz.ts');
  const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
  const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
  // every position of every specimen line changed to a digit, a letter and a stray character, and the lines cut
  const fields = new Set<string>();
  const codes = new Set<string>();
  for (const specimen of [td3, td1, ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'], ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<']]) {
    specimen.forEach((line, k) => {
      for (let i = 0; i < line.length; i++) {
        for (const c of ['7', 'Q', 'é', '<']) {
          const lines = specimen.map((l, j) => (j === k ? l.slice(0, i) + c + l.slice(i + 1) : l));
          for (const e of parseMrz(lines).errors) {
            fields.add(e.field);
            codes.add(e.code);
          }
        }
      }
      for (const e of parseMrz(specimen.map((l, j) => (j === k ? l.slice(0, -3) : l))).errors) {
        fields.add(e.field);
        codes.add(e.code);
      }
    });
  }
  for (const e of parseMrz(['HELLO', 'WORLD']).errors) codes.add(e.code);
  const fieldKeys = [...fields].map((f) => (/^lines\[\d+\]$/.test(f) ? 'mrz.field.line' : `mrz.field.${f}`));
  assert.deepEqual(fieldKeys.filter((k) => !(k in en)), []);
  assert.deepEqual([...codes].map((c) => `mrz.code.${c}`).filter((k) => !(k in en)), []);
  // the parser's vocabulary was reached, not a part of it
  for (const code of ['CHECK_DIGIT', 'INVALID_DATE', 'INVALID_CHARACTER', 'LENGTH', 'INVALID_STATE', 'INVALID_SEX', 'INVALID_DOCUMENT_CODE', 'UNREADABLE']) assert.ok(codes.has(code), code);
  for (const field of ['documentCode', 'issuingState', 'names', 'documentNumber', 'nationality', 'dateOfBirth', 'sex', 'dateOfExpiry', 'optionalData', 'composite']) assert.ok(fields.has(field), field);
});

test('every problem the booth can meet, and every rule a bad field names, has its words', () => {
  // refusals and conflicts at control: `booth.problem.CODE`
  const crossings = sourceText('modules/crossings');
  const boothCodes = new Set([...crossings.matchAll(/new (?:DomainError|CrossingRefusedError)\('([A-Z_]+)', (?:409|422)/g), ...crossings.matchAll(/new CrossingRefusedError\('([A-Z_]+)'/g)].map((m) => m[1]!));
  assert.ok(boothCodes.size >= 8, [...boothCodes].join());
  assert.deepEqual([...boothCodes].map((c) => `booth.problem.${c}`).filter((k) => !(k in en)), []);
  // the rules bad fields name: `problem.field.CODE` — every field problem the server makes names one
  const all = sourceText();
  const literal = /\{ path[:,](?:[^{}]|\$\{[^{}]*\})*?\}/g;
  const uncoded = [...all.matchAll(literal)].map((m) => m[0])
    .filter((m) => /message[:,]/.test(m) && !/code: /.test(m) && !/: string|z\.string/.test(m) && !m.includes('i.path.join')); // the CLI's own file check speaks English
  assert.deepEqual(uncoded, []);
  const fieldCodes = new Set<string>();
  for (const m of all.matchAll(/\{ path[:,](?:[^{}]|\$\{[^{}]*\})*?code: ([^,}]+)/g)) for (const c of m[1]!.matchAll(/'([A-Z][A-Z_]+)'/g)) fieldCodes.add(c[1]!);
  for (const m of all.matchAll(/params: \{ code: '([A-Z_]+)'/g)) fieldCodes.add(m[1]!);
  for (const code of ['GROUNDS_REQUIRED', 'DECISION_AT_CONTROL', 'REQUIRED', 'TOO_SHORT', 'NOT_ALLOWED', 'IN_FUTURE', 'NOT_AFTER', 'MONTH_CLOSED', 'TOLD_FIRST', 'CHECK_FAILS']) assert.ok(fieldCodes.has(code), code);
  assert.deepEqual([...fieldCodes].map((c) => `problem.field.${c}`).filter((k) => !(k in en)), []);
  // every refusal of a step (409, 422, 403, 423 with its own code) has words, at the booth or anywhere
  const refusals = new Set([...all.matchAll(/new (?:DomainError|CrossingRefusedError)\('([A-Z_]+)', (?:409|422|403|423)/g), ...all.matchAll(/new ConflictError\((?:[^;]|\$\{[^{}]*\})*?\], '([A-Z_]+)'/g)].map((m) => m[1]!));
  for (const code of ['OUT_OF_ORDER', 'NO_RIGHT', 'CASE_CLOSED', 'ALERT_DECIDED', 'CHANGED_MEANWHILE']) assert.ok(refusals.has(code), code);
  assert.deepEqual([...refusals].filter((c) => !(`problem.${c}` in en) && !(`booth.problem.${c}` in en)), []);
  // the states a refusal names
  const states = ['draft', 'signed', 'agreed', 'forwarded', 'received', 'returned', 'closed', 'sent', 'accepted', 'decided', 'completed', 'in_control', 'secondary'];
  assert.deepEqual(states.map((x) => `problem.state.${x}`).filter((k) => !(k in en)), []);
});

test('every action of the audit trail has its words', () => {
  const source = sourceText();
  const actions = new Set<string>();
  // written as a literal (recordChange, the sign-in's own audit, a change of a vehicle crossing), or as either of two
  for (const m of source.matchAll(/(?:action: |audit\(trx, meta, |change\(trx, ctx, row, [^;]*?, )(?:[a-zA-Z]+ \? )?'([a-z_]+(?:\.[a-z_]+)+)'(?: : '([a-z_]+(?:\.[a-z_]+)+)')?/g)) {
    actions.add(m[1]!);
    if (m[2]) actions.add(m[2]);
  }
  // and those built from a step's name
  for (const step of ['sign', 'agree', 'forward', 'receive', 'return', 'close']) actions.add(`sez.list.${step}`);
  for (const step of ['send', 'agree', 'return']) actions.add(`sez.plan.${step}`);
  for (const type of ['urgent', 'daily', 'monthly', 'advance', 'udb']) actions.add(`exchange.${type}.sent`);
  for (const kind of ['investigation', 'letter_sent', 'letter_received', 'meeting', 'settled', 'passed_to_mfa']) actions.add(`case.incident.${kind}`);
  for (const a of ['crossing.decided', 'crossing.secondary_closed', 'case.force.prosecutor_notified', 'case.force.premises_notified', 'sez.admission.pass', 'sez.admission.refuse']) actions.add(a);
  assert.ok(actions.size > 80, `${actions.size}`);
  assert.deepEqual([...actions].map((a) => `auditAction.${a}`).filter((k) => !(k in en)), []);
});
