// The op suite of the JS package: a table of [label, (tf) => result] run with edgeflow and with TF.js
// (the oracle) and compared tensor by tensor. Pure: it only uses the `tf` it is given, so the Node
// tests (tests/web/node) and the Chromium suite (tests/web/browser/suite.test.mjs) share it.
const A = [[1.5, -2, 3], [0.5, 4, -1]];
const B = [[2, 1, -0.5], [3, -2, 2]];
const P = [[0.5, 1, 2], [3, 0.25, 4]];         // positive
const U = [[-0.9, -0.3, 0], [0.2, 0.5, 0.8]];  // in (-1, 1)
const G = [[1, 1.5, 2], [3, 4, 10]];           // >= 1
const V = [1, 2, 3];
const I = [[3, -7, 8], [5, 2, -9]];            // int32
const J = [[2, 3, -3], [4, -5, 7]];            // int32, no zeros
const X4 = [...Array(32).keys()].map((i) => Math.sin(i) * 3);  // [1, 4, 4, 2] images

const domain = {log: P, sqrt: P, rsqrt: P, log1p: P, acos: U, asin: U, atanh: U, acosh: G};
const unary = ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'erf', 'exp',
               'expm1', 'floor', 'log', 'log1p', 'neg', 'reciprocal', 'round', 'rsqrt', 'sign', 'sin', 'sinh',
               'sqrt', 'square', 'tan', 'tanh', 'isNaN', 'isInf', 'isFinite', 'relu', 'relu6', 'elu', 'selu',
               'sigmoid', 'logSigmoid', 'softplus', 'zerosLike', 'onesLike', 'clone'];
const binary = ['add', 'sub', 'mul', 'div', 'maximum', 'minimum', 'squaredDifference', 'atan2', 'equal', 'notEqual',
                'less', 'lessEqual', 'greater', 'greaterEqual'];
const reductions = ['sum', 'mean', 'max', 'min', 'prod', 'logSumExp', 'euclideanNorm'];

export const opCases = [
  ...unary.map((op) => [`${op}`, (tf) => tf[op](tf.tensor2d(domain[op] ?? A))]),
  ['round half to even', (tf) => tf.round(tf.tensor1d([0.5, 1.5, 2.5, -0.5, -1.5]))],
  ...binary.map((op) => [`${op}`, (tf) => tf[op](tf.tensor2d(A), tf.tensor2d(B))]),
  ...binary.map((op) => [`${op} broadcast`, (tf) => tf[op](tf.tensor2d(A), tf.tensor1d(V))]),
  ['add number', (tf) => tf.add(tf.tensor2d(A), 2)],
  ['add nested arrays', (tf) => tf.add([1, 2, 3], [[4], [5]])],
  ['add int32', (tf) => tf.add(tf.tensor2d(I, null, 'int32'), tf.tensor2d(J, null, 'int32'))],
  ['add int32 + float32', (tf) => tf.add(tf.tensor2d(I, null, 'int32'), tf.tensor2d(A))],
  ['mul int32 by number', (tf) => tf.mul(tf.tensor2d(I, null, 'int32'), 2)],
  ['pow', (tf) => tf.pow(tf.tensor2d(P), tf.tensor2d(B))],
  ['pow int32', (tf) => tf.pow(tf.tensor1d([2, 3, -2], 'int32'), tf.tensor1d([3, 2, 3], 'int32'))],
  ['mod', (tf) => tf.mod(tf.tensor2d(A), tf.tensor2d(P))],
  ['mod int32', (tf) => tf.mod(tf.tensor2d(I, null, 'int32'), tf.tensor2d(J, null, 'int32'))],
  ['floorDiv', (tf) => tf.floorDiv(tf.tensor2d(A), tf.tensor2d(P))],
  ['floorDiv int32', (tf) => tf.floorDiv(tf.tensor2d(I, null, 'int32'), tf.tensor2d(J, null, 'int32'))],
  ['div int32', (tf) => tf.div(tf.tensor2d(I, null, 'int32'), tf.tensor2d(J, null, 'int32'))],
  ['divNoNan', (tf) => tf.divNoNan(tf.tensor1d([1, 2, 3]), tf.tensor1d([0, 4, 0]))],
  ['logical ops', (tf) => {
    const a = tf.tensor1d([true, false, true, false], 'bool');
    const b = tf.tensor1d([true, true, false, false], 'bool');
    return [tf.logicalAnd(a, b), tf.logicalOr(a, b), tf.logicalXor(a, b), tf.logicalNot(a)];
  }],
  ['where', (tf) => tf.where(tf.greater(tf.tensor2d(A), tf.tensor2d(B)), tf.tensor2d(A), tf.tensor2d(B))],
  ['addN', (tf) => tf.addN([tf.tensor2d(A), tf.tensor2d(B), tf.tensor2d(P)])],
  ...reductions.flatMap((op) => [
    [`${op}`, (tf) => tf[op](tf.tensor2d(A))],
    [`${op} axis 0`, (tf) => tf[op](tf.tensor2d(A), 0)],
    [`${op} axis -1 keepDims`, (tf) => tf[op](tf.tensor2d(A), -1, true)],
    [`${op} axes [0, 1]`, (tf) => tf[op](tf.tensor2d(A), [0, 1])],
  ]),
  ['sum int32', (tf) => tf.sum(tf.tensor2d(I, null, 'int32'), 1)],
  ['all / any', (tf) => {
    const x = tf.tensor2d([[true, false], [true, true]], null, 'bool');
    return [tf.all(x), tf.all(x, 1), tf.any(x, 0), tf.any(x)];
  }],
  ['argMax', (tf) => tf.argMax(tf.tensor2d(A), 1)],
  ['argMin', (tf) => tf.argMin(tf.tensor2d(A))],
  ['cumsum', (tf) => tf.cumsum(tf.tensor2d(A), 1)],
  ['cumsum exclusive reverse', (tf) => tf.cumsum(tf.tensor2d(A), 1, true, true)],
  ['cumprod', (tf) => tf.cumprod(tf.tensor2d(A), 0)],
  ['moments', (tf) => tf.moments(tf.tensor2d(A), 1)],
  ['norm', (tf) => [tf.norm(tf.tensor2d(A)), tf.norm(tf.tensor2d(A), 1, 1), tf.norm(tf.tensor2d(A), Infinity, 0)]],
  ['matMul', (tf) => tf.matMul(tf.tensor2d(A), tf.tensor2d(B), false, true)],
  ['matMul transposeA', (tf) => tf.matMul(tf.tensor2d(A), tf.tensor2d(B), true, false)],
  ['matMul batched', (tf) => tf.matMul(tf.tensor3d([...A.flat(), ...B.flat()], [2, 2, 3]), tf.tensor3d([...P.flat(), ...U.flat()], [2, 3, 2]))],
  ['dot', (tf) => tf.dot(tf.tensor2d(A), tf.tensor1d(V))],
  ['outerProduct', (tf) => tf.outerProduct(tf.tensor1d(V), tf.tensor1d([4, 5]))],
  ['transpose', (tf) => tf.transpose(tf.tensor2d(A))],
  ['transpose perm', (tf) => tf.transpose(tf.tensor3d([...A.flat(), ...B.flat()], [2, 2, 3]), [2, 0, 1])],
  ['topk', (tf) => tf.topk(tf.tensor2d(A), 2)],
  ['unique', (tf) => tf.unique(tf.tensor1d([4, 1, 4, 2, 1]))],
  ['relu family', (tf) => [tf.leakyRelu(tf.tensor2d(A), 0.1), tf.step(tf.tensor2d(A), 0.5),
                           tf.prelu(tf.tensor2d(A), tf.tensor1d([0.1, 0.2, 0.3]))]],
  ['clipByValue', (tf) => tf.clipByValue(tf.tensor2d(A), -1, 2)],
  ['softmax', (tf) => tf.softmax(tf.tensor2d(A))],
  ['logSoftmax', (tf) => tf.logSoftmax(tf.tensor2d(A))],
  ['cast', (tf) => [tf.cast(tf.tensor2d(A), 'int32'), tf.cast(tf.tensor2d(A), 'bool'),
                    tf.cast(tf.tensor2d(I, null, 'int32'), 'float32')]],
  ['reshape', (tf) => tf.reshape(tf.tensor2d(A), [3, -1])],
  ['expandDims', (tf) => tf.expandDims(tf.tensor2d(A), 1)],
  ['squeeze', (tf) => [tf.squeeze(tf.tensor3d([[[1], [2], [3]]])), tf.squeeze(tf.tensor3d([[[1], [2], [3]]]), [2])]],
  ['concat', (tf) => [tf.concat([tf.tensor2d(A), tf.tensor2d(B)]), tf.concat([tf.tensor2d(A), tf.tensor2d(B)], 1)]],
  ['stack', (tf) => [tf.stack([tf.tensor2d(A), tf.tensor2d(B)]), tf.stack([tf.tensor1d(V), tf.tensor1d(V)], 1)]],
  ['unstack', (tf) => tf.unstack(tf.tensor2d(A), 1)],
  ['split', (tf) => [...tf.split(tf.tensor2d(A), 3, 1), ...tf.split(tf.tensor2d(A), [1, 2], 1)]],
  ['slice', (tf) => [tf.slice(tf.tensor2d(A), [0, 1], [2, 2]), tf.slice(tf.tensor2d(A), [1, 0], [-1, 2]),
                     tf.slice(tf.tensor1d(V), 1)]],
  ['stridedSlice', (tf) => tf.stridedSlice(tf.tensor2d(A), [0, 0], [2, 3], [1, 2])],
  ['gather', (tf) => [tf.gather(tf.tensor2d(A), [2, 0], 1), tf.gather(tf.tensor2d(A), tf.tensor1d([1], 'int32'))]],
  ['gatherND', (tf) => tf.gatherND(tf.tensor2d(A), [[0, 1], [1, 2]])],
  ['scatterND', (tf) => tf.scatterND([[1], [3]], tf.tensor1d([9, 10]), [5])],
  ['tile', (tf) => tf.tile(tf.tensor2d(A), [2, 1])],
  ['pad', (tf) => tf.pad(tf.tensor2d(A), [[1, 0], [0, 2]], 5)],
  ['mirrorPad', (tf) => tf.mirrorPad(tf.tensor2d(A), [[1, 1], [2, 2]], 'reflect')],
  ['reverse', (tf) => [tf.reverse(tf.tensor2d(A), 1), tf.reverse(tf.tensor2d(A))]],
  ['broadcastTo', (tf) => tf.broadcastTo(tf.tensor1d(V), [2, 3])],
  ['oneHot', (tf) => [tf.oneHot(tf.tensor1d([0, 2, 1], 'int32'), 3), tf.oneHot([1, 0], 4, 5, -1)]],
  ['zeros / ones / fill', (tf) => [tf.zeros([2, 3]), tf.ones([2], 'int32'), tf.fill([2, 2], 7), tf.fill([3], -2, 'int32'),
                                   tf.zerosLike(tf.tensor1d([1, 2], 'int32'))]],
  ['range', (tf) => [tf.range(0, 10, 3), tf.range(5, 1, -1.5), tf.range(0, 4, 1, 'int32')]],
  ['linspace', (tf) => tf.linspace(0, 1, 5)],
  ['eye', (tf) => [tf.eye(3), tf.eye(2, 3), tf.eye(2, 2, [2]), tf.eye(2, null, null, 'int32')]],
  ['randomUniform seeded', (tf) => tf.randomUniform([6], -1, 2, 'float32', 42)],
  ['randomNormal seeded', (tf) => tf.randomNormal([6], 1, 2, 'float32', 7)],
  ['conv2d valid', (tf) => tf.conv2d(tf.tensor4d(X4, [1, 4, 4, 2]), tf.tensor4d([...Array(16).keys()].map((i) => (i - 8) / 5), [2, 2, 2, 2]), 1, 'valid')],
  ['conv2d same stride 2', (tf) => tf.conv2d(tf.tensor4d(X4, [1, 4, 4, 2]), tf.tensor4d([...Array(36).keys()].map((i) => Math.cos(i)), [3, 3, 2, 2]), 2, 'same')],
  ['depthwiseConv2d', (tf) => tf.depthwiseConv2d(tf.tensor4d(X4, [1, 4, 4, 2]), tf.tensor4d([...Array(8).keys()].map((i) => i / 4 - 1), [2, 2, 2, 1]), 1, 'valid')],
  ['maxPool', (tf) => tf.maxPool(tf.tensor4d(X4, [1, 4, 4, 2]), 2, 2, 'valid')],
  ['avgPool same', (tf) => tf.avgPool(tf.tensor4d(X4, [1, 4, 4, 2]), [3, 3], 1, 'same')],
  ['batchNorm', (tf) => tf.batchNorm(tf.tensor2d(A), tf.tensor1d([0.5, 1, -1]), tf.tensor1d([1, 2, 0.5]),
                                      tf.tensor1d([0, 1, 2]), tf.tensor1d([2, 1, 0.5]), 0.01)],
  ['losses', (tf) => [tf.losses.meanSquaredError(tf.tensor2d(A), tf.tensor2d(B)),
                      tf.losses.absoluteDifference(tf.tensor2d(A), tf.tensor2d(B), tf.tensor1d([1, 0, 2])),
                      tf.losses.softmaxCrossEntropy(tf.tensor2d([[0, 1, 0], [1, 0, 0]]), tf.tensor2d(A)),
                      tf.losses.huberLoss(tf.tensor2d(A), tf.tensor2d(B), undefined, 1.5, tf.Reduction.SUM)]],
  ['einsum', (tf) => [tf.einsum('ij,jk->ik', tf.tensor2d(A), tf.tensor2d(P).transpose()), tf.einsum('ij->j', tf.tensor2d(A))]],
  ['truncatedNormal seeded', (tf) => tf.truncatedNormal([6], 0, 1, 'float32', 3)],
  ['multinomial seeded', (tf) => tf.multinomial(tf.tensor2d([[0.1, 2, -1], [1, 1, 1]]), 5, 11)],
  ['conv1d', (tf) => tf.conv1d(tf.tensor3d(X4.slice(0, 16), [1, 8, 2]), tf.tensor3d([1, -1, 0.5, 2, -0.5, 1, 3, 0], [2, 2, 2]), 2, 'same')],
  ['conv2dTranspose', (tf) => tf.conv2dTranspose(tf.tensor4d(X4.slice(0, 8), [1, 2, 2, 2]),
                                                 tf.tensor4d([...Array(16).keys()].map((i) => (i % 5) - 2), [2, 2, 2, 2]),
                                                 [1, 4, 4, 2], 2, 'same')],
  ['localResponseNormalization', (tf) => tf.localResponseNormalization(tf.tensor4d(X4, [1, 4, 4, 2]), 1, 1.5, 0.5, 0.75)],
  ['depthToSpace / spaceToBatchND / batchToSpaceND', (tf) => [
    tf.depthToSpace(tf.tensor4d([...Array(16).keys()], [1, 2, 2, 4]), 2),
    tf.spaceToBatchND(tf.tensor4d([...Array(16).keys()], [1, 4, 4, 1]), [2, 2], [[0, 0], [0, 0]]),
    tf.batchToSpaceND(tf.tensor4d([...Array(8).keys()], [4, 1, 2, 1]), [2, 2], [[0, 0], [0, 1]])]],
  ['more losses', (tf) => [
    tf.losses.logLoss(tf.tensor1d([0, 1, 1]), tf.tensor1d([0.2, 0.7, 0.9])),
    tf.losses.hingeLoss(tf.tensor1d([0, 1, 1]), tf.tensor1d([0.2, -0.7, 0.9]), undefined, tf.Reduction.MEAN),
    tf.losses.sigmoidCrossEntropy(tf.tensor2d([[0, 1, 1]]), tf.tensor2d([[0.5, -1, 2]]), undefined, 0.1),
    tf.losses.cosineDistance(tf.tensor2d([[0, 1], [1, 0]]), tf.tensor2d([[0.6, 0.8], [0.8, 0.6]]), 1),
    tf.losses.computeWeightedLoss(tf.tensor1d([1, 2, 3]), tf.tensor1d([0, 1, 2]), tf.Reduction.NONE)]],
  ['image resize', (tf) => [tf.image.resizeBilinear(tf.tensor4d(X4, [1, 4, 4, 2]), [3, 5]),
                            tf.image.resizeBilinear(tf.tensor4d(X4, [1, 4, 4, 2]), [7, 2], true),
                            tf.image.resizeNearestNeighbor(tf.tensor4d(X4, [1, 4, 4, 2]), [6, 3], false, true)]],
  ['image cropAndResize', (tf) => tf.image.cropAndResize(tf.tensor4d(X4, [1, 4, 4, 2]), tf.tensor2d([[0, 0, 1, 1], [0.2, 0.1, 0.9, 0.7]]),
                                                         [0, 0], [3, 3])],
  ['image flip / gray', (tf) => [tf.image.flipLeftRight(tf.tensor4d(X4, [2, 4, 2, 2])),
                                 tf.image.rgbToGrayscale(tf.tensor3d(X4.slice(0, 24), [2, 4, 3])),
                                 tf.image.grayscaleToRGB(tf.tensor3d(X4.slice(0, 8), [2, 4, 1]))]],
  ['image nonMaxSuppression', (tf) => tf.image.nonMaxSuppression(
      tf.tensor2d([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1], [0, 100, 1, 101]]),
      tf.tensor1d([0.9, 0.75, 0.6, 0.95, 0.5, 0.3]), 3, 0.5)],
  ['image nonMaxSuppressionWithScore / Padded', (tf) => {
    const boxes = tf.tensor2d([[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, -0.1, 1, 0.9], [0, 10, 1, 11], [0, 10.1, 1, 11.1]]);
    const scores = tf.tensor1d([0.9, 0.75, 0.6, 0.95, 0.5]);
    return [tf.image.nonMaxSuppressionWithScore(boxes, scores, 4, 0.5, 0, 0.5),
            tf.image.nonMaxSuppressionPadded(boxes, scores, 4, 0.5, 0, true)];
  }],
  ['image rotateWithOffset', (tf) => [tf.image.rotateWithOffset(tf.tensor4d(X4.slice(0, 24), [1, 2, 4, 3]), Math.PI / 3),
                                      tf.image.rotateWithOffset(tf.tensor4d(X4.slice(0, 24), [1, 4, 2, 3]), 0.7, [9, 8, 7], [0.25, 0.6])]],
  ['separableConv2d', (tf) => tf.separableConv2d(tf.tensor4d(X4, [1, 4, 4, 2]), tf.tensor4d([...Array(16).keys()].map((i) => Math.sin(i)), [2, 2, 2, 2]),
                                                 tf.tensor4d([1, -1, 0.5, 2, 0, 1, -2, 3, 1, 1, 1, 1, 0.5, 0.5, 2, -1], [1, 1, 4, 4]), 1, 'same')],
  ['conv3d', (tf) => tf.conv3d(tf.tensor5d(X4, [1, 2, 4, 2, 2]), tf.tensor5d([...Array(16).keys()].map((i) => Math.cos(i)), [2, 2, 2, 2, 1]), 1, 'valid')],
  ['pool3d', (tf) => [tf.maxPool3d(tf.tensor5d(X4, [1, 2, 4, 2, 2]), 2, 1, 'same'), tf.avgPool3d(tf.tensor5d(X4, [1, 2, 4, 2, 2]), [2, 2, 1], 2, 'valid')]],
  ['fused.matMul', (tf) => [tf.fused.matMul({a: tf.tensor2d(A), b: tf.tensor2d(B), transposeB: true, bias: tf.tensor1d([0.5, -1]), activation: 'relu'}),
                            tf.fused.matMul({a: tf.tensor2d(A), b: tf.tensor2d(P), transposeA: true, activation: 'leakyrelu', leakyreluAlpha: 0.3}),
                            tf.fused.matMul({a: tf.tensor2d(A), b: tf.tensor2d(B).transpose(), activation: 'prelu', preluActivationWeights: tf.tensor1d([0.1, 0.2])})]],
  ['fused.conv2d', (tf) => [tf.fused.conv2d({x: tf.tensor4d(X4, [1, 4, 4, 2]), filter: tf.tensor4d([...Array(16).keys()].map((i) => (i - 8) / 5), [2, 2, 2, 2]),
                                             strides: 1, pad: 'same', bias: tf.tensor1d([1, -1]), activation: 'relu6'}),
                            tf.fused.depthwiseConv2d({x: tf.tensor4d(X4, [1, 4, 4, 2]), filter: tf.tensor4d([...Array(8).keys()].map((i) => i / 4 - 1), [2, 2, 2, 1]),
                                                      strides: 2, pad: 'valid', bias: tf.tensor1d([0.5, 0.25]), activation: 'sigmoid'})]],
];

// Gradients (the C++ tape recording while the JS function runs): of every smooth unary op above,
// of the binary ops (both inputs, with broadcasting), and of composed functions.
const smoothUnary = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'erf', 'exp', 'expm1', 'log',
                     'log1p', 'neg', 'reciprocal', 'rsqrt', 'sin', 'sinh', 'sqrt', 'square', 'tan', 'tanh', 'relu',
                     'relu6', 'elu', 'selu', 'sigmoid', 'logSigmoid', 'softplus', 'abs'];
// TF.js 4.22's gradients of maximum, minimum and squaredDifference do not sum over broadcast axes
// (it throws "The gradient of input 'b' has shape '2,3'..."), so those take equal shapes.
const broadcastGradBinary = ['add', 'sub', 'mul', 'div', 'atan2'];
const sameShapeGradBinary = ['maximum', 'minimum', 'squaredDifference'];
export const gradCases = [
  ...smoothUnary.map((op) => [`grad ${op}`, (tf) => tf.grad((x) => tf[op](x).sum())(tf.tensor2d(domain[op] ?? A))]),
  ...broadcastGradBinary.map((op) => [`grads ${op} broadcast`,
                                      (tf) => tf.grads((a, b) => tf[op](a, b).sum())([tf.tensor2d(A), tf.tensor1d(V)])]),
  ...sameShapeGradBinary.map((op) => [`grads ${op}`,
                                      (tf) => tf.grads((a, b) => tf[op](a, b).sum())([tf.tensor2d(A), tf.tensor2d(B)])]),
  ['grad', (tf) => tf.grad((x) => x.square().mul(3).sum())(tf.tensor1d([1, -2, 3]))],
  ['grad with dy', (tf) => tf.grad((x) => x.sin())(tf.tensor1d([0.5, 1]), tf.tensor1d([2, -1]))],
  ['grad through matMul/softmax', (tf) => tf.grad((w) => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), w)
                                                   .softmax().log().mean())(tf.tensor2d([[0.1, -0.2], [0.3, 0.4]]))],
  ['grads', (tf) => tf.grads((a, b) => a.mul(b).add(a.square()).sum())([tf.tensor1d([1, 2]), tf.tensor1d([3, 4])])],
  ['valueAndGrad', (tf) => tf.valueAndGrad((x) => x.exp().sum())(tf.tensor1d([0, 1]))],
  ['valueAndGrads', (tf) => tf.valueAndGrads((a, b) => a.div(b).sum())([tf.tensor1d([1, 2]), tf.tensor1d([4, 8])])],
  ['second order', (tf) => tf.grad((x) => tf.grad((y) => y.pow(tf.scalar(3)).sum())(x).sum())(tf.tensor1d([2, -1]))],
];
