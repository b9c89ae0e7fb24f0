// Cases for tf.image: resizeBilinear, resizeNearestNeighbor, cropAndResize, flipLeftRight,
// rotateWithOffset, rgbToGrayscale, grayscaleToRGB and the nonMaxSuppression family.
const T = (shape, o = {}) => ({shape, ...o});
const I = (shape, o = {}) => T(shape, {dtype: 'int32', range: [0, 255], ...o});
const S = (shape) => T(shape, {gen: 'special'});
const U = (shape, range = [0, 1]) => T(shape, {gen: 'uniform', range});

export const ops = {
  resizeBilinear: (tf, [x], at) => tf.image.resizeBilinear(x, at.size, at.alignCorners, at.halfPixelCenters),
  resizeNearestNeighbor: (tf, [x], at) => tf.image.resizeNearestNeighbor(x, at.size, at.alignCorners, at.halfPixelCenters),
  cropAndResize: (tf, [image, boxes, boxInd], at) =>
    tf.image.cropAndResize(image, boxes, boxInd, at.cropSize, at.method, at.extrapolationValue),
  flipLeftRight: (tf, [x]) => tf.image.flipLeftRight(x),
  rotateWithOffset: (tf, [x], at) => tf.image.rotateWithOffset(x, at.radians, at.fillValue, at.center),
  rgbToGrayscale: (tf, [x]) => tf.image.rgbToGrayscale(x),
  grayscaleToRGB: (tf, [x]) => tf.image.grayscaleToRGB(x),
  nonMaxSuppression: (tf, [boxes, scores], at) =>
    tf.image.nonMaxSuppression(boxes, scores, at.maxOutputSize, at.iouThreshold, at.scoreThreshold),
  nonMaxSuppressionWithScore: (tf, [boxes, scores], at) => {
    const r = tf.image.nonMaxSuppressionWithScore(boxes, scores, at.maxOutputSize, at.iouThreshold, at.scoreThreshold,
                                                  at.softNmsSigma);
    return [r.selectedIndices, r.selectedScores];
  },
  nonMaxSuppressionPadded: (tf, [boxes, scores], at) => {
    const r = tf.image.nonMaxSuppressionPadded(boxes, scores, at.maxOutputSize, at.iouThreshold, at.scoreThreshold,
                                               at.padToMaxOutputSize);
    return [r.selectedIndices, r.validOutputs];
  },
};

// TF.js's resize gradient kernels return their result with height and width swapped, so TF.js
// can only differentiate square images; the gradient cases use those. They also ignore
// halfPixelCenters, so with it the TF.js gradient is not the forward's: no finite differences.
// TF.js's ResizeNearestNeighborGrad reads dy at the images' batch stride, which is wrong from the
// second image on unless the sizes match; edgeflow's is right, and its batched gradient cases
// are resizeBilinear's only.
const rs = (size, alignCorners = false, halfPixelCenters = false) => ({size, alignCorners, halfPixelCenters});
const resizeCases = (op, batchedGrad = op === 'resizeBilinear') => [
  {op, inputs: [T([1, 3, 3, 2])], attrs: rs([5, 5]), grad: true},
  {op, inputs: [T([2, 4, 4, 1])], attrs: rs([3, 7]), grad: batchedGrad},
  {op, inputs: [T([1, 4, 4, 2])], attrs: rs([3, 7]), grad: true},
  {op, inputs: [T([1, 3, 3, 2])], attrs: rs([5, 4], true), grad: true},
  {op, inputs: [T([1, 5, 5, 1])], attrs: rs([2, 3], true), grad: true},
  {op, inputs: [T([1, 3, 3, 1])], attrs: rs([1, 4], true), grad: true},
  {op, inputs: [T([2, 4, 4, 3])], attrs: rs([6, 3], false, true), grad: batchedGrad, fd: false},
  {op, inputs: [T([1, 4, 4, 3])], attrs: rs([6, 3], false, true), grad: true, fd: false},
  {op, inputs: [T([3, 3, 2])], attrs: rs([4, 6]), grad: true},
  {op, inputs: [T([1, 2, 5, 3])], attrs: rs([4, 3])},
  {op, inputs: [T([1, 6, 3, 1])], attrs: rs([4, 5], false, true)},
  {op, inputs: [T([1, 6, 3, 1])], attrs: rs([3, 7], true)},
  {op, inputs: [S([1, 3, 3, 2])], attrs: rs([5, 4])},
  {op, inputs: [I([1, 3, 4, 2])], attrs: rs([5, 5])},
  {op, inputs: [T([0, 3, 3, 1])], attrs: rs([2, 2])},
  {op, inputs: [T([1, 3, 3, 1])], attrs: rs([0, 2])},
  {op, inputs: [T([1, 1, 1, 2])], attrs: rs([3, 3], true)},
  {op, inputs: [U([2, 64, 48, 3], [0, 255])], attrs: rs([37, 71], false, true), tol: 1e-5},
  {op, inputs: [T([3, 3])], attrs: rs([2, 2]), error: true},
  {op, inputs: [T([1, 3, 3, 1])], attrs: rs([2, 2, 2]), error: true},
  {op, inputs: [T([1, 3, 3, 1])], attrs: rs([2, 2], true, true), error: true},
];

// Boxes from TensorFlow's classic NMS test: two clusters of overlapping boxes and a lone one.
const boxes6 = T([6, 4], {values: [0, 0, 1, 1, 0, 0.1, 1, 1.1, 0, -0.1, 1, 0.9, 0, 10, 1, 11, 0, 10.1, 1, 11.1, 0, 100, 1, 101]});
const scores6 = T([6], {values: [0.9, 0.75, 0.6, 0.95, 0.5, 0.3]});
const flipped6 = T([6, 4], {values: [1, 1, 0, 0, 0, 0.1, 1, 1.1, 0, 0.9, 1, -0.1, 0, 10, 1, 11, 1, 10.1, 0, 11.1, 1, 101, 0, 100]});
const nms = (maxOutputSize, iouThreshold, scoreThreshold, extra = {}) => ({maxOutputSize, iouThreshold, scoreThreshold, ...extra});

const nmsCases = (op, extra) => [
  {op, inputs: [boxes6, scores6], attrs: nms(3, 0.5, undefined, extra)},
  {op, inputs: [boxes6, scores6], attrs: nms(6, 0.5, 0.4, extra)},
  {op, inputs: [flipped6, scores6], attrs: nms(6, 0.5, undefined, extra)},
  {op, inputs: [boxes6, scores6], attrs: nms(2, 0, undefined, extra)},
  {op, inputs: [boxes6, scores6], attrs: nms(10, 1, undefined, extra)},
  {op, inputs: [boxes6, T([6], {values: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]})], attrs: nms(6, 0.5, undefined, extra)},
  {op, inputs: [U([20, 4]), U([20])], attrs: nms(8, 0.3, 0.2, extra)},
  {op, inputs: [U([20, 4]), S([20])], attrs: nms(20, 0.5, undefined, extra)},
  {op, inputs: [T([0, 4]), T([0])], attrs: nms(3, 0.5, undefined, extra)},
  {op, inputs: [boxes6, scores6], attrs: nms(3, 1.5, undefined, extra), error: true},
  {op, inputs: [T([6, 3]), scores6], attrs: nms(3, 0.5, undefined, extra), error: true},
  {op, inputs: [boxes6, T([6, 1])], attrs: nms(3, 0.5, undefined, extra), error: true},
  {op, inputs: [boxes6, T([5])], attrs: nms(3, 0.5, undefined, extra), error: true},
];

const crop = (cropSize, method, extrapolationValue) => ({cropSize, method, extrapolationValue});
const boxInd = (values) => T([values.length], {dtype: 'int32', values});

export const cases = [
  ...resizeCases('resizeBilinear'),
  {op: 'resizeBilinear', inputs: [T([1, 2, 2, 2], {dtype: 'bool'})], attrs: rs([3, 3])},
  ...resizeCases('resizeNearestNeighbor'),
  {op: 'resizeNearestNeighbor', inputs: [T([1, 2, 2, 2], {dtype: 'bool'})], attrs: rs([3, 3]), error: true},

  {op: 'cropAndResize', inputs: [T([2, 5, 6, 3]), U([3, 4]), boxInd([0, 1, 1])], attrs: crop([3, 4])},
  {op: 'cropAndResize', inputs: [T([2, 5, 6, 3]), U([3, 4]), boxInd([1, 0, 1])], attrs: crop([4, 3], 'nearest')},
  {op: 'cropAndResize', inputs: [T([1, 6, 6, 2]), U([4, 4], [-0.5, 1.5]), boxInd([0, 0, 0, 0])], attrs: crop([5, 5], 'bilinear', 7.5)},
  {op: 'cropAndResize', inputs: [T([1, 6, 6, 2]), U([4, 4], [-0.5, 1.5]), boxInd([0, 0, 0, 0])], attrs: crop([5, 5], 'nearest', -1)},
  {op: 'cropAndResize', inputs: [T([1, 4, 5, 1]), U([2, 4]), boxInd([0, 0])], attrs: crop([1, 1])},
  {op: 'cropAndResize', inputs: [T([1, 4, 5, 1]), U([2, 4]), boxInd([0, 0])], attrs: crop([1, 3], 'nearest')},
  {op: 'cropAndResize', inputs: [T([1, 1, 1, 2]), U([2, 4]), boxInd([0, 0])], attrs: crop([2, 2])},
  {op: 'cropAndResize', inputs: [I([2, 4, 4, 3]), U([2, 4]), boxInd([1, 0])], attrs: crop([3, 3])},
  {op: 'cropAndResize', inputs: [T([2, 4, 4, 1]), U([3, 4]), boxInd([0, 2, 5])], attrs: crop([2, 2])},  // past the batch: zeros
  {op: 'cropAndResize', inputs: [S([1, 4, 4, 2]), U([2, 4]), boxInd([0, 0])], attrs: crop([3, 3])},
  {op: 'cropAndResize', inputs: [T([1, 4, 4, 1]), T([0, 4]), boxInd([])], attrs: crop([2, 2])},
  {op: 'cropAndResize', inputs: [T([4, 4, 1]), U([1, 4]), boxInd([0])], attrs: crop([2, 2]), error: true},
  {op: 'cropAndResize', inputs: [T([1, 4, 4, 1]), U([1, 3]), boxInd([0])], attrs: crop([2, 2]), error: true},
  {op: 'cropAndResize', inputs: [T([1, 4, 4, 1]), U([2, 4]), boxInd([0])], attrs: crop([2, 2]), error: true},
  {op: 'cropAndResize', inputs: [T([1, 4, 4, 1]), U([1, 4]), boxInd([0])], attrs: crop([0, 2]), error: true},
  {op: 'cropAndResize', inputs: [T([1, 4, 4, 1]), U([1, 4]), boxInd([0])], attrs: crop([2, 2, 2]), error: true},
  {op: 'cropAndResize', inputs: [T([1, 4, 4, 1]), U([1, 4]), boxInd([0])], attrs: crop([2, 2], 'bicubic'), error: true},
  {op: 'cropAndResize', inputs: [T([1, 4, 4, 1]), U([1, 4]), T([1])], attrs: crop([2, 2]), error: true},

  {op: 'flipLeftRight', inputs: [T([2, 3, 4, 3])]},
  {op: 'flipLeftRight', inputs: [S([1, 2, 5, 1])]},
  {op: 'flipLeftRight', inputs: [T([1, 0, 3, 2])]},
  {op: 'flipLeftRight', inputs: [T([3, 4, 3])], error: true},
  {op: 'flipLeftRight', inputs: [I([1, 3, 4, 3])], error: true},

  {op: 'rotateWithOffset', inputs: [T([1, 5, 6, 3])], attrs: {radians: 0.5, fillValue: 0, center: 0.5}},
  {op: 'rotateWithOffset', inputs: [T([2, 6, 5, 4])], attrs: {radians: -1.2, fillValue: [10, 20, 30], center: [0.3, 0.6]}},
  {op: 'rotateWithOffset', inputs: [T([1, 4, 4, 2])], attrs: {radians: Math.PI / 2, fillValue: 0.25}},
  {op: 'rotateWithOffset', inputs: [T([1, 7, 3, 1])], attrs: {radians: 3, fillValue: [5, 6, 7], center: 0}},
  {op: 'rotateWithOffset', inputs: [S([1, 3, 3, 2])], attrs: {radians: 0.1}},
  {op: 'rotateWithOffset', inputs: [T([5, 6, 3])], attrs: {radians: 0.5}, error: true},
  {op: 'rotateWithOffset', inputs: [I([1, 5, 6, 3])], attrs: {radians: 0.5}, error: true},

  {op: 'rgbToGrayscale', inputs: [T([4, 3])]},
  {op: 'rgbToGrayscale', inputs: [T([2, 3, 3])]},
  {op: 'rgbToGrayscale', inputs: [T([2, 2, 3, 3])]},
  {op: 'rgbToGrayscale', inputs: [T([1, 2, 2, 2, 3])]},
  {op: 'rgbToGrayscale', inputs: [I([2, 2, 3])]},
  {op: 'rgbToGrayscale', inputs: [S([3, 3])]},
  {op: 'rgbToGrayscale', inputs: [T([2, 2])], error: true},
  {op: 'rgbToGrayscale', inputs: [T([3])], error: true},
  {op: 'grayscaleToRGB', inputs: [T([2, 2, 1])], grad: true},
  {op: 'grayscaleToRGB', inputs: [T([3, 1])], grad: true},
  {op: 'grayscaleToRGB', inputs: [I([1, 2, 2, 1])]},
  {op: 'grayscaleToRGB', inputs: [T([2, 2, 3])], error: true},
  {op: 'grayscaleToRGB', inputs: [T([1])], error: true},

  ...nmsCases('nonMaxSuppression', {}),
  {op: 'nonMaxSuppression', inputs: [T([2, 4], {dtype: 'int32', values: [0, 0, 1, 1, 0, 0, 1, 1]}), T([2])], attrs: nms(2, 0.5), error: true},
  ...nmsCases('nonMaxSuppressionWithScore', {softNmsSigma: 0}),
  ...nmsCases('nonMaxSuppressionWithScore', {softNmsSigma: 0.5}),
  {op: 'nonMaxSuppressionWithScore', inputs: [U([10, 4]), U([10])], attrs: nms(10, 1, 0.05, {softNmsSigma: 1})},
  {op: 'nonMaxSuppressionWithScore', inputs: [boxes6, scores6], attrs: nms(3, 0.5, undefined, {softNmsSigma: 1.5}), error: true},
  ...nmsCases('nonMaxSuppressionPadded', {padToMaxOutputSize: false}),
  ...nmsCases('nonMaxSuppressionPadded', {padToMaxOutputSize: true}),
];
