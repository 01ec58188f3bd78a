// The command-line faces of screening: `shekara watchlist import` and `shekara screen`.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ScreeningRequest } from '../../../contracts/screening.ts';
import type { Ctx } from '../../../platform/actor.ts';
import type { Deps } from '../../../platform/deps.ts';
import { DomainError, ValidationError } from '../../../platform/errors.ts';
import { createIndexHolder } from '../index-holder.ts';
import { createScreeningService } from '../screening.service.ts';
import { createWatchlistService } from '../watchlist.service.ts';
import { parseWatchlistCsv } from './csv.ts';
import { parseUnXml } from './un-xml.ts';

const KINDS = ['entry_ban', 'exit_ban', 'wanted', 'sanctions', 'other'];

/** A progress bar on stderr when it is a terminal; a line per 10% otherwise. */
function progressBar(label: string) {
  let lastShown = -1;
  return (done: number, total: number) => {
    const pct = Math.floor((done / Math.max(total, 1)) * 100);
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (Math.floor(pct / 10) !== lastShown) {
      lastShown = Math.floor(pct / 10);
      process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
    }
  };
}

export async function importWatchlistFile(deps: Deps, ctx: Ctx, file: string, format: 'un-xml' | 'csv', kind: string | undefined) {
  if (kind && !KINDS.includes(kind)) throw new DomainError('VALIDATION', 400, `--kind must be one of ${KINDS.join(', ')}.`);
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError('VALIDATION', 400, `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  const parsed = format === 'un-xml' ? parseUnXml(content) : parseWatchlistCsv(content);
  process.stderr.write(`Read ${parsed.records.length} record(s) from ${file}${parsed.problems.length ? `, ${parsed.problems.length} problem(s)` : ''}.\n`);
  const watchlists = createWatchlistService(deps, createIndexHolder(deps));
  const result = await watchlists.importRecords(ctx, { ...parsed, source: `${format}:${file.split('/').pop()}`, ...(kind ? { kind } : {}) }, progressBar('Importing'));
  for (const l of result.lists) {
    console.log(`${l.list}: ${l.created} added, ${l.updated} changed, ${l.removed} removed, ${l.unchanged} unchanged.`);
  }
}

const TRAVELLER_COLUMNS = ['surname', 'given_names', 'date_of_birth', 'nationality', 'sex', 'document_number', 'issuing_state'];

function requestOf(values: Record<string, string | undefined>, where: string) {
  const v = (k: string) => (values[k] ? values[k] : undefined);
  const body = {
    ...(v('surname') || v('givenNames') || v('dateOfBirth') || v('nationality') || v('sex')
      ? { person: { ...(v('surname') && { surname: v('surname') }), ...(v('givenNames') && { givenNames: v('givenNames') }), ...(v('dateOfBirth') && { dateOfBirth: v('dateOfBirth') }), ...(v('nationality') && { nationality: v('nationality') }), ...(v('sex') && { sex: v('sex')!.toUpperCase() }) } }
      : {}),
    ...(v('document') ? { document: { number: v('document'), ...(v('issuingState') && { issuingState: v('issuingState') }) } } : {}),
  };
  const parsed = ScreeningRequest.safeParse(body);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: `${where}${i.path.join('.')}`, message: i.message })));
  return parsed.data;
}

export async function screenFromCli(deps: Deps, ctx: Ctx, opts: Record<string, string | undefined>) {
  const screening = createScreeningService(deps, createIndexHolder(deps));
  const requests = [];
  if (opts.file) {
    const rows = parse(fs.readFileSync(opts.file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
    if (rows[0] && !TRAVELLER_COLUMNS.every((c) => c in rows[0]!)) throw new DomainError('VALIDATION', 400, `The file's header must have: ${TRAVELLER_COLUMNS.join(',')}.`);
    rows.forEach((row, i) => requests.push(requestOf({ surname: row.surname, givenNames: row.given_names, dateOfBirth: row.date_of_birth, nationality: row.nationality, sex: row.sex, document: row.document_number, issuingState: row.issuing_state }, `line ${i + 2}: `)));
  } else {
    requests.push(requestOf(opts, ''));
  }
  for (const request of requests) {
    const result = await screening.screen(ctx, request);
    console.log(JSON.stringify({ query: request, hits: result.hits.map(({ details: _d, ...h }) => h), documentHits: result.documentHits, candidates: result.candidates.length }));
  }
}
