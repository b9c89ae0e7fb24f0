// Initializers: with a seed, their values are reproducible and must match TF.js's generators.
import {encode} from './util.mjs';

export async function initializerCases(tf) {
  const I = tf.initializers;
  const list = [
    ['zeros', I.zeros()], ['ones', I.ones()], ['constant', I.constant({value: -1.5})],
    ['randomUniform', I.randomUniform({minval: -0.3, maxval: 0.7, seed: 11})],
    ['randomNormal', I.randomNormal({mean: 0.5, stddev: 2, seed: 12})],
    ['truncatedNormal', I.truncatedNormal({stddev: 0.3, seed: 13})],
    ['varianceScaling_fanOut_uniform', I.varianceScaling({scale: 2, mode: 'fanOut', distribution: 'uniform', seed: 14})],
    ['varianceScaling_fanAvg_normal', I.varianceScaling({scale: 0.5, mode: 'fanAvg', distribution: 'normal', seed: 15})],
    ['glorotUniform', I.glorotUniform({seed: 16})], ['glorotNormal', I.glorotNormal({seed: 17})],
    ['heNormal', I.heNormal({seed: 18})], ['heUniform', I.heUniform({seed: 19})],
    ['leCunNormal', I.leCunNormal({seed: 20})], ['leCunUniform', I.leCunUniform({seed: 21})],
    ['orthogonal', I.orthogonal({gain: 1.5, seed: 22})], ['identity', I.identity({gain: 3})],
  ];
  const cases = [];
  for (const [name, init] of list) {
    const shapes = name === 'identity' ? [[3, 3]] : name === 'orthogonal' ? [[4, 3], [2, 5], [2, 2, 3]] :
      [[3, 4], [2, 3, 5], [7]];
    for (const shape of shapes)
      cases.push({name: `${name}_${shape.join('x')}`, kind: 'initializer',
        initializer: {className: init.getClassName(), config: init.getConfig()}, shape,
        values: encode(init.apply(shape, 'float32'))});
  }
  return cases;
}
