// Merge layers: several inputs, incl. broadcasting between ranks and Dot's axis variants.
import {layerCase} from './layers.mjs';
import {rng} from './util.mjs';

export async function mergeCases(tf) {
  const rand = rng('merge');
  const L = tf.layers;
  const cases = [];
  const elementwise = {add: L.add, multiply: L.multiply, average: L.average, maximum: L.maximum, minimum: L.minimum};
  for (const [name, make] of Object.entries(elementwise)) {
    cases.push(layerCase(tf, `${name}_two`, () => make({}), [[3, 4], [3, 4]], rand));
    cases.push(layerCase(tf, `${name}_three_rank3`, () => make({}), [[2, 3, 2], [2, 3, 2], [2, 3, 2]], rand));
    // TF.js's Maximum/Minimum gradients do not reduce over broadcast axes (they throw), so
    // broadcasting is checked for the other three.
    if (name === 'maximum' || name === 'minimum') continue;
    cases.push(layerCase(tf, `${name}_broadcast_ranks`, () => make({}), [[2, 3, 4], [2, 4]], rand));
    cases.push(layerCase(tf, `${name}_broadcast_ones`, () => make({}), [[2, 1, 4], [2, 3, 1]], rand));
  }
  cases.push(layerCase(tf, 'concatenate_last', () => L.concatenate({}), [[2, 3], [2, 5]], rand));
  cases.push(layerCase(tf, 'concatenate_axis1_rank3', () => L.concatenate({axis: 1}), [[2, 1, 3], [2, 4, 3], [2, 2, 3]],
    rand));
  cases.push(layerCase(tf, 'concatenate_axis_neg1_rank3', () => L.concatenate({axis: -1}), [[2, 3, 1], [2, 3, 2]], rand));
  cases.push(layerCase(tf, 'dot_rank2_axis1', () => L.dot({axes: 1}), [[3, 4], [3, 4]], rand));
  cases.push(layerCase(tf, 'dot_rank2_normalize', () => L.dot({axes: -1, normalize: true}), [[3, 4], [3, 4]], rand));
  cases.push(layerCase(tf, 'dot_rank3_axes_2_2', () => L.dot({axes: [2, 2]}), [[2, 3, 4], [2, 5, 4]], rand));
  cases.push(layerCase(tf, 'dot_rank3_axes_1_2', () => L.dot({axes: [1, 2]}), [[2, 3, 4], [2, 5, 3]], rand));
  cases.push(layerCase(tf, 'dot_rank3_rank2', () => L.dot({axes: [2, 1]}), [[2, 3, 4], [2, 4]], rand));
  return cases;
}
