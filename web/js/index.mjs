// edgeflow: TensorFlow.js's API over edgeflow's C++ engine compiled to WebAssembly.
//   import * as tf from 'edgeflow';   // the wasm module is loaded when the import resolves
import {threaded, wasm} from './loader.mjs';
import {fused, image, losses, ops} from './ops.mjs';
import {setModelWrapper} from './io.mjs';
import {wrapLayer} from './layers.mjs';
import './models.mjs';  // registers the model classes that wrapLayer makes

setModelWrapper(wrapLayer);

export {Tensor, Variable, variable, scalar, tensor, tensor1d, tensor2d, tensor3d, tensor4d, tensor5d, tensor6d} from './tensor.mjs';
export {customGrad, dispose, disposeVariables, grad, grads, keep, memory, profile, tidy, time, valueAndGrad, valueAndGrads, variableGrads} from './engine.mjs';
export {buffer, TensorBuffer} from './buffer.mjs';
export {browser, nextFrame} from './browser.mjs';
export {AdadeltaOptimizer, AdagradOptimizer, AdamaxOptimizer, AdamOptimizer, MomentumOptimizer, Optimizer, RMSPropOptimizer,
        SGDOptimizer, train} from './train.mjs';
export {fused, image, losses};
export {SymbolicTensor, constraints, initializers, input, layers, regularizers} from './layers.mjs';
export {LayersModel, Sequential, model, sequential} from './models.mjs';
export {Callback, CustomCallback, EarlyStopping, History, callbacks} from './callbacks.mjs';
export {io, loadLayersModel} from './io.mjs';
export {data} from './data.mjs';
export {util} from './util.mjs';

export const version = {edgeflow: '0.1.0', 'tfjs-core': '4.22.0 (API)'};
export const Reduction = Object.freeze({NONE: 0, MEAN: 1, SUM: 2, SUM_BY_NONZERO_WEIGHTS: 3});

export function print(x, verbose = false) { x.print(verbose); }

// Backends: one, 'wasm' (the C++ engine's own kernels run inside it).
export async function ready() {}
export function getBackend() { return 'wasm'; }
export async function setBackend(name) {
  if (name !== 'wasm') throw new Error(`Backend name '${name}' not found in registry`);
  return true;
}
export function backendKernelsName() { return wasm.backendName(); }

const isNode = typeof process == 'object' && typeof process.versions?.node == 'string';
const flags = {IS_NODE: isNode, IS_BROWSER: typeof window == 'object', PROD: false, DEBUG: false,
               WASM_HAS_SIMD_SUPPORT: true, WASM_HAS_MULTITHREAD_SUPPORT: threaded};
const environment = {
  flags,
  get: (name) => flags[name],
  getBool: (name) => Boolean(flags[name]),
  getNumber: (name) => Number(flags[name]),
  set: (name, value) => { flags[name] = value; },
  setFlags: (f) => Object.assign(flags, f),
  platformName: isNode ? 'node' : 'browser',
};
export function env() { return environment; }
export function enableProdMode() { flags.PROD = true; }

// The ops, as functions (tf.add); each is also a Tensor method (x.add(y)) where TF.js has one.
export const {
  abs, acos, acosh, asin, asinh, atan, atanh, ceil, cos, cosh, erf, exp, expm1, floor, log, log1p, neg,
  reciprocal, round, rsqrt, sign, sin, sinh, sqrt, square, tan, tanh, isNaN, isInf, isFinite, relu, relu6, elu,
  selu, sigmoid, logSigmoid, softplus, zerosLike, onesLike, clone,
  add, sub, mul, div, divNoNan, floorDiv, mod, pow, maximum, minimum, squaredDifference, atan2, equal, notEqual,
  less, lessEqual, greater, greaterEqual, dot, outerProduct,
  sum, mean, max, min, prod, all, any, logSumExp, euclideanNorm,
  logicalNot, logicalAnd, logicalOr, logicalXor, where, addN, prelu, leakyRelu, step, clipByValue, cast, softmax,
  logSoftmax, argMax, argMin, cumsum, cumprod, moments, norm, matMul, transpose, topk, unique,
  reshape, expandDims, squeeze, concat, stack, unstack, slice, stridedSlice, gather, gatherND, scatterND, tile, pad,
  mirrorPad, reverse, broadcastTo, depthToSpace, spaceToBatchND, batchToSpaceND,
  zeros, ones, fill, eye, range, linspace, oneHot, randomUniform, randomNormal, truncatedNormal, multinomial,
  conv1d, conv2d, conv2dTranspose, depthwiseConv2d, separableConv2d, conv3d, maxPool, avgPool, maxPool3d, avgPool3d, batchNorm, localResponseNormalization,
  split, einsum,
} = ops;
