import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MARK_RULES_DEMO, requiredMarks, RISK_RULES_DEMO, riskChannel } from './vehicle-rules.ts';

test('permission marks: customs always; transport for goods vehicles and buses; the phytosanitary body for plants', () => {
  const car = { direction: 'exit', vehicleType: 'car', cargoCategories: [], cargoDeclaration: null };
  assert.deepEqual(requiredMarks(MARK_RULES_DEMO, car).map((r) => r.body), ['customs']);
  const truck = { direction: 'entry', vehicleType: 'truck', cargoCategories: ['plants', 'food'], cargoDeclaration: 'DT-1' };
  assert.deepEqual(requiredMarks(MARK_RULES_DEMO, truck).map((r) => r.body), ['customs', 'transport', 'sanitary', 'phytosanitary']);
});

test('risk channel: the most severe rule that fires, each with its reason', () => {
  assert.deepEqual(riskChannel(RISK_RULES_DEMO, { direction: 'exit', vehicleType: 'car', cargoCategories: [], cargoDeclaration: null }), { channel: 'green', fired: [] });
  const excise = riskChannel(RISK_RULES_DEMO, { direction: 'entry', vehicleType: 'truck', cargoCategories: ['excise'], cargoDeclaration: 'DT-7' });
  assert.equal(excise.channel, 'yellow');
  assert.deepEqual(excise.fired.map((f) => f.rule), ['R-EXCISE']);
  const undeclared = riskChannel(RISK_RULES_DEMO, { direction: 'entry', vehicleType: 'tractor_trailer', cargoCategories: ['excise'], cargoDeclaration: null });
  assert.equal(undeclared.channel, 'red');
  assert.deepEqual(undeclared.fired.map((f) => f.rule).sort(), ['R-EXCISE', 'R-NO-DECLARATION']);
});
