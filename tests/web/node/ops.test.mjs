// The table of ops x inputs (tests/web/cases/ops_cases.mjs), each run through edgeflow's wasm package
// and TF.js (cpu) and compared to 1e-5: shape, dtype and every value.
import {test} from 'node:test';
import {opCases} from '../cases/ops_cases.mjs';
import {assertSameAsTfjs} from './helpers.mjs';

for (const [label, f] of opCases) {
  test(label, () => assertSameAsTfjs(label, f));
}
