// The ops: one spec line per op, in TF.js's positional argument order. `$name` is a tensor
// argument (`$name:int32` parses JS arrays as int32, `$name?` is optional, `$name[]` is a list);
// other names are attributes sent to the wasm op table as JSON.
// The op becomes a tf.<name> function and, when its first argument is one tensor, a Tensor method.
import {convertToTensor, Tensor} from './tensor.mjs';
import {wasm} from './loader.mjs';

const unary = ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'erf', 'exp',
               'expm1', 'floor', 'log', 'log1p', 'neg', 'reciprocal', 'round', 'rsqrt', 'sign', 'sin', 'sinh',
               'sqrt', 'square', 'tan', 'tanh', 'isNaN', 'isInf', 'isFinite', 'relu', 'relu6', 'elu', 'selu',
               'sigmoid', 'logSigmoid', 'softplus', 'zerosLike', 'onesLike', 'clone'];
const binary = ['add', 'sub', 'mul', 'div', 'divNoNan', 'floorDiv', 'mod', 'pow', 'maximum', 'minimum',
                'squaredDifference', 'atan2', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual',
                'dot', 'outerProduct'];
const reductions = ['sum', 'mean', 'max', 'min', 'prod', 'all', 'any', 'logSumExp', 'euclideanNorm'];

export const specs = [
  ...unary.map((n) => `${n}($x)`),
  ...binary.map((n) => `${n}($a, $b)`),
  ...reductions.map((n) => `${n}($x, axis, keepDims)`),
  'logicalNot($x:bool)', 'logicalAnd($a:bool, $b:bool)', 'logicalOr($a:bool, $b:bool)',
  'logicalXor($a:bool, $b:bool)', 'where($condition:bool, $a, $b)', 'addN($tensors[])',
  'prelu($x, $alpha)', 'leakyRelu($x, alpha)', 'step($x, alpha)', 'clipByValue($x, clipValueMin, clipValueMax)',
  'cast($x, dtype)', 'softmax($logits, dim)', 'logSoftmax($logits, axis)',
  'argMax($x, axis)', 'argMin($x, axis)', 'cumsum($x, axis, exclusive, reverse)',
  'cumprod($x, axis, exclusive, reverse)', 'moments($x, axis, keepDims) -> {mean, variance}',
  'norm($x, ord, axis, keepDims)',
  'matMul($a, $b, transposeA, transposeB)', 'transpose($x, perm)',
  'topk($x, k, sorted) -> {values, indices}', 'unique($x, axis) -> {values, indices}',
  'reshape($x, shape)', 'expandDims($x, axis)', 'squeeze($x, axis)', 'concat($tensors[], axis)',
  'stack($tensors[], axis)', 'unstack($x, axis) -> []', 'slice($x, begin, size)',
  'stridedSlice($x, begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask)',
  'gather($x, $indices:int32, axis, batchDims)', 'gatherND($x, $indices:int32)',
  'scatterND($indices:int32, $updates, shape)', 'tile($x, reps)', 'pad($x, paddings, constantValue)',
  'mirrorPad($x, paddings, mode)', 'reverse($x, axis)', 'broadcastTo($x, shape)',
  'depthToSpace($x, blockSize, dataFormat)', 'spaceToBatchND($x, blockShape, paddings)',
  'batchToSpaceND($x, blockShape, crops)',
  'zeros(shape, dtype)', 'ones(shape, dtype)', 'fill(shape, value, dtype)',
  'eye(numRows, numColumns, batchShape, dtype)', 'range(start, stop, step, dtype)', 'linspace(start, stop, num)',
  'oneHot($indices:int32, depth, onValue, offValue, dtype)',
  'randomUniform(shape, minval, maxval, dtype, seed)', 'randomNormal(shape, mean, stdDev, dtype, seed)',
  'truncatedNormal(shape, mean, stdDev, dtype, seed)', 'multinomial($logits, numSamples, seed, normalized)',
  'conv1d($x, $filter, stride, pad, dataFormat, dilation, dimRoundingMode)',
  'conv2d($x, $filter, strides, pad, dataFormat, dilations, dimRoundingMode)',
  'conv2dTranspose($x, $filter, outputShape, strides, pad, dimRoundingMode)',
  'depthwiseConv2d($x, $filter, strides, pad, dataFormat, dilations, dimRoundingMode)',
  'separableConv2d($x, $depthwiseFilter, $pointwiseFilter, strides, pad, dilation, dataFormat)',
  'conv3d($x, $filter, strides, pad, dataFormat, dilations)',
  'maxPool3d($x, filterSize, strides, pad, dimRoundingMode, dataFormat)',
  'avgPool3d($x, filterSize, strides, pad, dimRoundingMode, dataFormat)',
  'maxPool($x, filterSize, strides, pad, dimRoundingMode)', 'avgPool($x, filterSize, strides, pad, dimRoundingMode)',
  'batchNorm($x, $mean, $variance, $offset?, $scale?, varianceEpsilon)',
  'localResponseNormalization($x, depthRadius, bias, alpha, beta)',
  'losses.meanSquaredError($labels, $predictions, $weights?, reduction)',
  'losses.absoluteDifference($labels, $predictions, $weights?, reduction)',
  'losses.hingeLoss($labels, $predictions, $weights?, reduction)',
  'losses.huberLoss($labels, $predictions, $weights?, delta, reduction)',
  'losses.logLoss($labels, $predictions, $weights?, epsilon, reduction)',
  'losses.sigmoidCrossEntropy($multiClassLabels, $logits, $weights?, labelSmoothing, reduction)',
  'losses.softmaxCrossEntropy($onehotLabels, $logits, $weights?, labelSmoothing, reduction)',
  'losses.cosineDistance($labels, $predictions, axis, $weights?, reduction)',
  'losses.computeWeightedLoss($losses, $weights?, reduction)',
  'image.resizeBilinear($images, size, alignCorners, halfPixelCenters)',
  'image.resizeNearestNeighbor($images, size, alignCorners, halfPixelCenters)',
  'image.cropAndResize($image, $boxes, $boxInd:int32, cropSize, method, extrapolationValue)',
  'image.flipLeftRight($image)', 'image.rgbToGrayscale($image)', 'image.grayscaleToRGB($image)',
  'image.rotateWithOffset($image, radians, fillValue, center)',
  'image.nonMaxSuppression($boxes, $scores, maxOutputSize, iouThreshold, scoreThreshold)',
  'image.nonMaxSuppressionWithScore($boxes, $scores, maxOutputSize, iouThreshold, scoreThreshold, softNmsSigma) -> {selectedIndices, selectedScores}',
  'image.nonMaxSuppressionPadded($boxes, $scores, maxOutputSize, iouThreshold, scoreThreshold, padToMaxOutputSize) -> {selectedIndices, validOutputs}',
];

function parseSpec(spec) {
  const m = /^([\w.]+)\((.*)\)(?:\s*->\s*(.*))?$/.exec(spec);
  const args = m[2].split(',').map((s) => s.trim()).filter((s) => s).map((s) => {
    const a = /^(\$?)(\w+)(\[\])?(\?)?(?::(\w+))?$/.exec(s);
    return {tensor: a[1] === '$', name: a[2], list: !!a[3], optional: !!a[4], parseAs: a[5] ?? 'numeric'};
  });
  let output = 'tensor';
  if (m[3] === '[]') output = 'array';
  else if (m[3]) output = m[3].replace(/[{}\s]/g, '').split(',');
  return {name: m[1], args, output};
}

// JSON cannot carry NaN or ±Infinity: send them as strings (the C++ side reads them back).
function jsonNumbers(key, value) {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

// Runs an op of the wasm table on Tensors (no conversion); returns the output Tensors.
export function runOp(name, inputs, attrs = {}) {
  return wasm.runOp(name, inputs.map((t) => (t ? t.id : -1)), JSON.stringify(attrs, jsonNumbers))
      .map((d) => new Tensor(d));
}

function makeOp({name, args, output}) {
  const opName = name.replace(/^.*\./, '');
  return function(...values) {
    const inputs = [];
    const temporaries = [];
    const attrs = {};
    let outs = [];
    try {
      args.forEach((arg, i) => {
        const v = values[i];
        if (!arg.tensor) {
          attrs[arg.name] = v;
        } else if (arg.list) {
          if (!Array.isArray(v)) throw new Error(`Argument '${arg.name}' passed to '${opName}' must be a Tensor[] or TensorLike[]`);
          v.forEach((e, j) => {
            const [t, temp] = convertToTensor(e, `${arg.name}[${j}]`, opName, arg.parseAs);
            inputs.push(t);
            if (temp) temporaries.push(t);
          });
        } else if (arg.optional && v == null) {
          inputs.push(null);
        } else {
          const [t, temp] = convertToTensor(v, arg.name, opName, arg.parseAs);
          inputs.push(t);
          if (temp) temporaries.push(t);
        }
      });
      outs = runOp(name, inputs, attrs);
      if (output === 'tensor') return outs[0];
      if (output === 'array') return outs;
      return Object.fromEntries(output.map((key, i) => [key, outs[i]]));
    } finally {
      disposeTemporaries(temporaries, outs);
    }
  };
}

// Disposes tensors made from JS values for one call, unless an op returned one of them as is.
function disposeTemporaries(temporaries, outputs) {
  const returned = new Set(outputs.map((t) => t.id));
  for (const t of temporaries) if (!returned.has(t.id)) t.dispose();
}

export const ops = {};
export const losses = {};
export const image = {};
const namespaces = {losses, image};
for (const spec of specs) {
  const parsed = parseSpec(spec);
  const fn = makeOp(parsed);
  const dot = parsed.name.indexOf('.');
  if (dot >= 0) {  // tf.losses.*, tf.image.*: functions only
    namespaces[parsed.name.slice(0, dot)][parsed.name.slice(dot + 1)] = fn;
    continue;
  }
  ops[parsed.name] = fn;
  const first = parsed.args[0];
  if (first && first.tensor && !first.list && !(parsed.name in Tensor.prototype)) {
    Tensor.prototype[parsed.name] = function(...rest) { return fn(this, ...rest); };
  }
}

// Ops whose JS signature differs from the table's.
ops.split = function(x, numOrSizeSplits, axis = 0) {
  const [t, temp] = convertToTensor(x, 'x', 'split');
  let outs = [];
  try {
    const attrs = Array.isArray(numOrSizeSplits) ? {sizeSplits: numOrSizeSplits, axis} : {numSplits: numOrSizeSplits, axis};
    return outs = runOp('split', [t], attrs);
  } finally {
    disposeTemporaries(temp ? [t] : [], outs);
  }
};
ops.einsum = function(equation, ...tensors) {
  const converted = [];
  let outs = [];
  try {
    tensors.forEach((x, i) => converted.push(convertToTensor(x, `tensors[${i}]`, 'einsum')));
    outs = runOp('einsum', converted.map(([t]) => t), {equation});
    return outs[0];
  } finally {
    disposeTemporaries(converted.filter(([, temp]) => temp).map(([t]) => t), outs);
  }
};

// TF.js's async NMS variants (it reads boxes and scores with data() first): the same results, as promises.
for (const name of ['nonMaxSuppression', 'nonMaxSuppressionWithScore', 'nonMaxSuppressionPadded']) {
  image[`${name}Async`] = async (...args) => image[name](...args);
}

// tf.fused.*: one object argument, as TF.js.
function fusedOp(name, first, second, attrNames) {
  return function(args) {
    if (args == null || typeof args !== 'object') throw new Error(`fused.${name}: expects one object argument`);
    const converted = [];
    let outs = [];
    try {
      for (const key of [first, second, 'bias', 'preluActivationWeights']) {
        const v = args[key];
        converted.push(v == null && key !== first && key !== second ? [null, false] : convertToTensor(v, key, `fused ${name}`));
      }
      const attrs = Object.fromEntries(attrNames.map((k) => [k, args[k]]));
      outs = runOp(`fused.${name}`, converted.map(([t]) => t), attrs);
      return outs[0];
    } finally {
      disposeTemporaries(converted.filter(([, temp]) => temp).map(([t]) => t), outs);
    }
  };
}
const convAttrs = ['strides', 'pad', 'dataFormat', 'dilations', 'dimRoundingMode', 'activation', 'leakyreluAlpha'];
export const fused = {
  matMul: fusedOp('matMul', 'a', 'b', ['transposeA', 'transposeB', 'activation', 'leakyreluAlpha']),
  conv2d: fusedOp('conv2d', 'x', 'filter', convAttrs),
  depthwiseConv2d: fusedOp('depthwiseConv2d', 'x', 'filter', convAttrs),
};

const proto = Tensor.prototype;
proto.split = function(numOrSizeSplits, axis) { return ops.split(this, numOrSizeSplits, axis); };
proto.concat = function(x, axis) { return ops.concat([this, ...(x instanceof Tensor ? [x] : x)], axis); };
proto.stack = function(x, axis) { return ops.stack([this, ...(x instanceof Tensor ? [x] : x)], axis); };
proto.asType = function(dtype) { return ops.cast(this, dtype); };
proto.flatten = function() { return ops.reshape(this, [this.size]); };
proto.reshapeAs = function(x) { return ops.reshape(this, x.shape); };
proto.asScalar = function() {
  if (this.size !== 1) throw new Error('The array must have only 1 element.');
  return ops.reshape(this, []);
};
proto.as1D = function() { return ops.reshape(this, [this.size]); };
proto.as2D = function(rows, columns) { return ops.reshape(this, [rows, columns]); };
proto.as3D = function(rows, columns, depth) { return ops.reshape(this, [rows, columns, depth]); };
proto.as4D = function(rows, columns, depth, depth2) { return ops.reshape(this, [rows, columns, depth, depth2]); };
