// Writes TF.js reference cases for the layers oracle (tests/oracle_layers).
//   node tests/oracle/gen_layers/generate.mjs OUT_DIR [FAMILY,...]
// One JSON file per family (train.json, fit.json, layer.json, initializer.json, merge.json, ...), each
// {"cases": [...]}. Models travel as model.toJSON() with explicit initial weights; values come
// from a seeded generator, results from TF.js's cpu backend.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as tf from '@tensorflow/tfjs';

import {convCases} from './conv.mjs';
import {fitCases} from './fit.mjs';
import {initializerCases} from './initializers.mjs';
import {layerCases} from './layers.mjs';
import {mergeCases} from './merge.mjs';
import {normalizationCases} from './normalization.mjs';
import {recurrentCases} from './recurrent.mjs';
import {advancedActivationCases} from './advanced_activations.mjs';
import {trainCases} from './train.mjs';

console.warn = () => {};  // TF.js's 'install tfjs-node' banner

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] || path.join(here, '../../../build/oracle-layers-cases');
fs.mkdirSync(outDir, {recursive: true});
await tf.setBackend('cpu');
await tf.ready();

const families = {train: trainCases, fit: fitCases, layer: layerCases, initializer: initializerCases,
  merge: mergeCases, advanced_activation: advancedActivationCases,
  normalization: normalizationCases, recurrent: recurrentCases, conv: convCases};
const only = process.argv[3] ? process.argv[3].split(',') : null;
// A full run also drops case files of families that no longer exist (see ../gen/generate.mjs).
if (!only) {
  for (const f of fs.readdirSync(outDir))
    if (f.endsWith('.json') && !(f.replace(/\.json$/, '') in families)) fs.unlinkSync(path.join(outDir, f));
}
for (const [family, make] of Object.entries(families)) {
  if (only && !only.includes(family)) continue;
  const cases = await make(tf);
  fs.writeFileSync(path.join(outDir, `${family}.json`), JSON.stringify({cases}));
  console.log(`${family}: ${cases.length} cases`);
}
