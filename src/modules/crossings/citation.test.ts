import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationIn } from '../../contracts/citation.ts';

test('a citation of the Law is said in the reader\'s language, article by article; other text stays as it is', () => {
  assert.equal(citationIn('Law Art. 19(8), 57(2)', 'ru'), 'Закон «О Государственной границе», ст. 19 п. 8, ст. 57 п. 2');
  assert.equal(citationIn('Law Art. 19(8-1)', 'kk'), '«Мемлекеттік шекара туралы» Заң, 19-бап 8-1-т.');
  assert.equal(citationIn('Law Art. 19(4)', 'en'), 'Law on the State Border, Art. 19(4)');
  // a citation with words after it is not only a citation: shown as written
  const explained = 'Law Art. 72(9): the prosecutor within 12 hours';
  assert.equal(citationIn(explained, 'ru'), explained);
  assert.equal(citationIn('Instruction 2002 p.5(2)', 'kk'), 'Instruction 2002 p.5(2)');
});
