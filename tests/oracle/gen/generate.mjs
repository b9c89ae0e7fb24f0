// Writes TF.js reference cases for the oracle op suite.
//   node tests/oracle/gen/generate.mjs OUT_DIR [family,family...]
// Every file in tests/oracle/gen/cases/*.mjs exports `ops` (op name -> (tf, inputs, attrs) =>
// tensor | tensor[]) and `cases` (a list of {op, inputs, attrs, grad, fd, tol, error}). Inputs are
// made here from a seeded generator, outputs and gradients come from TF.js's cpu backend.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import * as tf from '@tensorflow/tfjs';

console.warn = () => {};  // TF.js's 'install tfjs-node' banner

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] || path.join(here, '../../../build/oracle-cases');
fs.mkdirSync(outDir, {recursive: true});
await tf.setBackend('cpu');
await tf.ready();

// Deterministic values: mulberry32 seeded from the case's name.
function rng(seedText) {
  let h = 1779033703 ^ seedText.length;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353), h = (h << 13) | (h >>> 19);
  let a = h >>> 0;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Input spec -> values. gen: normal (default), uniform [lo,hi], positive, int [lo,hi], bool,
// special (mixes NaN, ±Infinity, ±0 and normal values), or explicit `values`.
function makeValues(spec, rand) {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.values) return spec.values;
  const [lo, hi] = spec.range || [-3, 3];
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = rand();
    switch (spec.gen || (spec.dtype === 'int32' ? 'int' : spec.dtype === 'bool' ? 'bool' : 'normal')) {
      case 'uniform': out.push(lo + (hi - lo) * u); break;
      case 'positive': out.push(0.1 + 3 * u); break;
      case 'int': out.push(Math.floor(lo + (hi - lo + 1) * u)); break;
      case 'bool': out.push(u < 0.5 ? 0 : 1); break;
      case 'special': {
        const s = [NaN, Infinity, -Infinity, 0, -0, 1, -1];
        out.push(u < 0.5 ? s[Math.floor(rand() * s.length)] : (rand() - 0.5) * 6);
        break;
      }
      default: {  // normal via Box-Muller
        const v = rand();
        out.push(Math.sqrt(-2 * Math.log(u + 1e-12)) * Math.cos(2 * Math.PI * v));
      }
    }
  }
  return out;
}

const enc = (x) => (Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : Object.is(x, -0) ? '-0' : x);
const encodeTensor = (t) => ({shape: t.shape, dtype: t.dtype, data: Array.from(t.dataSync(), (v) => enc(typeof v === 'boolean' ? +v : v))});
const asList = (r) => (Array.isArray(r) ? r : [r]);

const only = process.argv[3] ? new Set(process.argv[3].split(',')) : null;
const files = fs.readdirSync(path.join(here, 'cases'))
  .filter((f) => f.endsWith('.mjs') && (!only || only.has(f.replace(/\.mjs$/, ''))))
  .sort();
// A full run also drops case files of families that no longer exist (e.g. after switching branches),
// which the runner would otherwise still load.
if (!only) {
  const written = new Set(files.map((f) => f.replace(/\.mjs$/, '.json')));
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.json') && !written.has(f)) fs.unlinkSync(path.join(outDir, f));
}
let total = 0;
for (const file of files) {
  const mod = await import(pathToFileURL(path.join(here, 'cases', file)).href);
  const counters = {};
  const cases = [];
  for (const c of mod.cases) {
    const k = (counters[c.op] = (counters[c.op] || 0) + 1);
    const name = c.name || `${c.op}_${k}`;
    const fn = mod.ops[c.op];
    if (!fn) throw new Error(`${file}: case ${name} uses op '${c.op}' that ops does not define`);
    const rand = rng(`${file}/${name}`);
    const inputs = c.inputs.map((s) => ({shape: s.shape, dtype: s.dtype || 'float32', data: makeValues(s, rand)}));
    const attrs = c.attrs || {};
    const out = {name, op: c.op, attrs, inputs: inputs.map((i) => ({...i, data: i.data.map(enc)}))};
    if (c.tol) out.tol = c.tol;
    if (c.gradTol) out.gradTol = c.gradTol;
    if (c.fd === false) out.fd = false;
    tf.tidy(() => {
      const xs = inputs.map((i) => tf.tensor(i.data, i.shape, i.dtype));
      let result;
      try {
        result = asList(fn(tf, xs, attrs));
      } catch (e) {
        out.error = String(e.message || e);
        return;
      }
      if (c.error) throw new Error(`${file}: case ${name} was expected to throw but did not`);
      out.outputs = result.map(encodeTensor);
      if (c.grad) {
        const which = c.gradInputs || inputs.map((i, j) => (i.dtype === 'float32' ? j : -1)).filter((j) => j >= 0);
        const dys = result.map((r) => tf.tensor(makeValues({shape: r.shape}, rand), r.shape, 'float32'));
        const loss = (...wrt) => {
          const ins = xs.slice();
          which.forEach((j, q) => (ins[j] = wrt[q]));
          const rs = asList(fn(tf, ins, attrs));
          let acc = tf.scalar(0);
          rs.forEach((r, q) => { if (r.dtype === 'float32') acc = acc.add(r.mul(dys[q]).sum()); });
          return acc;
        };
        const gs = tf.grads(loss)(which.map((j) => xs[j]));
        out.dys = dys.map(encodeTensor);
        out.grads = gs.map((g, q) => ({input: which[q], ...encodeTensor(g)}));
      }
    });
    if (c.error && !out.error) throw new Error(`${file}: case ${name} did not throw in TF.js`);
    cases.push(out);
  }
  total += cases.length;
  fs.writeFileSync(path.join(outDir, file.replace(/\.mjs$/, '.json')), JSON.stringify({tfjs: tf.version.tfjs, file, cases}));
}
console.log(`wrote ${total} cases from ${files.length} files (TF.js ${tf.version.tfjs}) to ${outDir}`);
