// Comparing edgeflow's results with TF.js's, without Node APIs (the Node tests and the Chromium
// suite both use it).

// Tensors inside a result (Tensor, array or object of them), in order.
export function tensorsOf(result) {
  if (result == null || typeof result !== 'object') return [];
  if (typeof result.dataSync === 'function') return [result];
  const values = Array.isArray(result) ? result : Object.keys(result).sort().map((k) => result[k]);
  return values.flatMap(tensorsOf);
}

export function closeTo(actual, expected, tol = 1e-5) {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

// How `actual` differs from the TF.js tensor `expected` (shape, dtype, values to tol), or null.
export function tensorMismatch(actual, expected, label, tol = 1e-5) {
  if (JSON.stringify(actual.shape) !== JSON.stringify(expected.shape))
    return `${label}: shape [${actual.shape}], TF.js has [${expected.shape}]`;
  if (actual.dtype !== expected.dtype) return `${label}: dtype ${actual.dtype}, TF.js has ${expected.dtype}`;
  const a = actual.dataSync();
  const e = expected.dataSync();
  if (a.length !== e.length) return `${label}: ${a.length} values, TF.js has ${e.length}`;
  for (let i = 0; i < e.length; ++i)
    if (!closeTo(a[i], e[i], tol)) return `${label}: element ${i} is ${a[i]}, TF.js has ${e[i]}`;
  return null;
}

// Runs f with TF.js (tfjs) and edgeflow (ef), compares every result tensor and disposes them all.
// Returns the problems found (empty when they agree).
export function compareWithTfjs(label, f, ef, tfjs, tol = 1e-5) {
  const expected = tensorsOf(f(tfjs));
  const actual = tensorsOf(f(ef));
  const problems = [];
  if (expected.length === 0) problems.push(`${label}: TF.js returned no tensor`);
  if (actual.length !== expected.length)
    problems.push(`${label}: ${actual.length} result tensors, TF.js has ${expected.length}`);
  else expected.forEach((t, i) => {
    const p = tensorMismatch(actual[i], t, `${label}[${i}]`, tol);
    if (p) problems.push(p);
  });
  tfjs.dispose(expected);
  ef.dispose(actual);
  return problems;
}
