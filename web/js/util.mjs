// tf.util: the helpers TF.js pages use (shuffling, sizes, time).
export function shuffle(array) {
  for (let i = array.length - 1; i > 0; --i) {
    const j = Math.floor(Math.random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
}

// Shuffles two arrays of the same length the same way.
export function shuffleCombo(array, array2) {
  if (array.length !== array2.length) {
    throw new Error(`Array sizes must match to be shuffled together First array length was ${array.length}Second array length was ${array2.length}`);
  }
  for (let i = array.length - 1; i > 0; --i) {
    const j = Math.floor(Math.random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
    [array2[i], array2[j]] = [array2[j], array2[i]];
  }
}

export function createShuffledIndices(n) {
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; ++i) indices[i] = i;
  shuffle(indices);
  return indices;
}

export function sizeFromShape(shape) { return shape.reduce((a, b) => a * b, 1); }
export function now() { return typeof performance !== 'undefined' ? performance.now() : Date.now(); }
export function assert(expr, msg) {
  if (!expr) throw new Error(typeof msg === 'string' ? msg : msg());
}

export const util = {shuffle, shuffleCombo, createShuffledIndices, sizeFromShape, now, assert};
