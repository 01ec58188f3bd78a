import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvDocument } from './csv.ts';

test('CSV cells are quoted where they must be, and a would-be formula stays text', () => {
  assert.equal(csvCell('ИВАНОВ'), 'ИВАНОВ');
  assert.equal(csvCell(12), '12');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvCell('-1'), '"\'-1"');
  assert.equal(csvDocument([['a', 'b'], [], [1, null]]), '\uFEFFa,b\r\n\r\n1,\r\n');
});
