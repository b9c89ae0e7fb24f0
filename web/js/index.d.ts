// TypeScript declarations for edgeflow's JavaScript package (TF.js's API names and shapes).

export type DataType = 'float32' | 'int32' | 'bool';
export type Rank = number;
export type TypedArray = Float32Array | Int32Array | Uint8Array;
export type TensorLike = number | boolean | TypedArray | RecursiveArray<number | boolean | TypedArray>;
export interface RecursiveArray<T> { [index: number]: T | RecursiveArray<T>; }
export type NestedArray = number | NestedArray[];
export type Tensorish = Tensor | TensorLike;
export type Axis = number | number[];
export type PadType = 'same' | 'valid' | number | number[][];
export type Int2 = number | [number, number];
export type TensorContainer = void | Tensor | string | number | boolean | TensorContainer[] |
    {[key: string]: TensorContainer};

export declare class Tensor {
  readonly id: number;
  readonly shape: number[];
  readonly dtype: DataType;
  readonly size: number;
  readonly rank: number;
  readonly strides: number[];
  readonly isDisposed: boolean;
  kept: boolean;
  dataSync(): TypedArray;
  data(): Promise<TypedArray>;
  arraySync(): NestedArray;
  array(): Promise<NestedArray>;
  toString(verbose?: boolean): string;
  print(verbose?: boolean): void;
  dispose(): void;
  throwIfDisposed(): void;
  variable(trainable?: boolean, name?: string, dtype?: DataType): Variable;
  bufferSync(): TensorBuffer;
  buffer(): Promise<TensorBuffer>;

  // Chained methods: the op of the same name with this tensor as its first argument.
  abs(): Tensor; acos(): Tensor; acosh(): Tensor; asin(): Tensor; asinh(): Tensor; atan(): Tensor;
  atanh(): Tensor; ceil(): Tensor; cos(): Tensor; cosh(): Tensor; erf(): Tensor; exp(): Tensor; expm1(): Tensor;
  floor(): Tensor; log(): Tensor; log1p(): Tensor; neg(): Tensor; reciprocal(): Tensor; round(): Tensor;
  rsqrt(): Tensor; sign(): Tensor; sin(): Tensor; sinh(): Tensor; sqrt(): Tensor; square(): Tensor; tan(): Tensor;
  tanh(): Tensor; isNaN(): Tensor; isInf(): Tensor; isFinite(): Tensor; relu(): Tensor; relu6(): Tensor;
  elu(): Tensor; selu(): Tensor; sigmoid(): Tensor; logSigmoid(): Tensor; softplus(): Tensor;
  zerosLike(): Tensor; onesLike(): Tensor; clone(): Tensor; logicalNot(): Tensor;
  add(b: Tensorish): Tensor; sub(b: Tensorish): Tensor; mul(b: Tensorish): Tensor; div(b: Tensorish): Tensor;
  divNoNan(b: Tensorish): Tensor; floorDiv(b: Tensorish): Tensor; mod(b: Tensorish): Tensor; pow(b: Tensorish): Tensor;
  maximum(b: Tensorish): Tensor; minimum(b: Tensorish): Tensor; squaredDifference(b: Tensorish): Tensor;
  atan2(b: Tensorish): Tensor; equal(b: Tensorish): Tensor; notEqual(b: Tensorish): Tensor; less(b: Tensorish): Tensor;
  lessEqual(b: Tensorish): Tensor; greater(b: Tensorish): Tensor; greaterEqual(b: Tensorish): Tensor;
  logicalAnd(b: Tensorish): Tensor; logicalOr(b: Tensorish): Tensor; logicalXor(b: Tensorish): Tensor;
  dot(b: Tensorish): Tensor; outerProduct(b: Tensorish): Tensor; prelu(alpha: Tensorish): Tensor;
  sum(axis?: Axis, keepDims?: boolean): Tensor; mean(axis?: Axis, keepDims?: boolean): Tensor;
  max(axis?: Axis, keepDims?: boolean): Tensor; min(axis?: Axis, keepDims?: boolean): Tensor;
  prod(axis?: Axis, keepDims?: boolean): Tensor; all(axis?: Axis, keepDims?: boolean): Tensor;
  any(axis?: Axis, keepDims?: boolean): Tensor; logSumExp(axis?: Axis, keepDims?: boolean): Tensor;
  euclideanNorm(axis?: Axis, keepDims?: boolean): Tensor;
  norm(ord?: number | 'euclidean' | 'fro', axis?: Axis, keepDims?: boolean): Tensor;
  moments(axis?: Axis, keepDims?: boolean): {mean: Tensor, variance: Tensor};
  argMax(axis?: number): Tensor; argMin(axis?: number): Tensor;
  cumsum(axis?: number, exclusive?: boolean, reverse?: boolean): Tensor;
  cumprod(axis?: number, exclusive?: boolean, reverse?: boolean): Tensor;
  leakyRelu(alpha?: number): Tensor; step(alpha?: number): Tensor;
  clipByValue(clipValueMin: number, clipValueMax: number): Tensor; cast(dtype: DataType): Tensor;
  asType(dtype: DataType): Tensor; softmax(dim?: number): Tensor; logSoftmax(axis?: number): Tensor;
  matMul(b: Tensorish, transposeA?: boolean, transposeB?: boolean): Tensor; transpose(perm?: number[]): Tensor;
  topk(k?: number, sorted?: boolean): {values: Tensor, indices: Tensor};
  unique(axis?: number): {values: Tensor, indices: Tensor};
  reshape(shape: number[]): Tensor; reshapeAs(x: Tensor): Tensor; flatten(): Tensor; asScalar(): Tensor;
  as1D(): Tensor; as2D(rows: number, columns: number): Tensor; as3D(rows: number, columns: number, depth: number): Tensor;
  as4D(rows: number, columns: number, depth: number, depth2: number): Tensor;
  expandDims(axis?: number): Tensor; squeeze(axis?: number[]): Tensor;
  concat(x: Tensor | Tensor[], axis?: number): Tensor; stack(x: Tensor | Tensor[], axis?: number): Tensor;
  unstack(axis?: number): Tensor[]; split(numOrSizeSplits: number | number[], axis?: number): Tensor[];
  slice(begin: number | number[], size?: number | number[]): Tensor;
  stridedSlice(begin: number[], end: number[], strides?: number[], beginMask?: number, endMask?: number,
               ellipsisMask?: number, newAxisMask?: number, shrinkAxisMask?: number): Tensor;
  gather(indices: Tensorish, axis?: number, batchDims?: number): Tensor; gatherND(indices: Tensorish): Tensor;
  tile(reps: number[]): Tensor; pad(paddings: Array<[number, number]>, constantValue?: number): Tensor;
  mirrorPad(paddings: Array<[number, number]>, mode: 'reflect' | 'symmetric'): Tensor;
  reverse(axis?: Axis): Tensor; broadcastTo(shape: number[]): Tensor;
  depthToSpace(blockSize: number, dataFormat?: 'NHWC' | 'NCHW'): Tensor;
  spaceToBatchND(blockShape: number[], paddings: number[][]): Tensor;
  batchToSpaceND(blockShape: number[], crops: number[][]): Tensor;
  oneHot(depth: number, onValue?: number, offValue?: number, dtype?: DataType): Tensor;
  multinomial(numSamples: number, seed?: number, normalized?: boolean): Tensor;
  conv1d(filter: Tensorish, stride: number, pad: PadType, dataFormat?: 'NWC' | 'NCW', dilation?: number,
         dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
  conv2d(filter: Tensorish, strides: Int2, pad: PadType, dataFormat?: 'NHWC' | 'NCHW', dilations?: Int2,
         dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
  conv2dTranspose(filter: Tensorish, outputShape: number[], strides: Int2, pad: PadType,
                  dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
  depthwiseConv2d(filter: Tensorish, strides: Int2, pad: PadType, dataFormat?: 'NHWC' | 'NCHW', dilations?: Int2,
                  dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
  maxPool(filterSize: Int2, strides: Int2, pad: PadType, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
  avgPool(filterSize: Int2, strides: Int2, pad: PadType, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
  batchNorm(mean: Tensorish, variance: Tensorish, offset?: Tensorish, scale?: Tensorish, varianceEpsilon?: number): Tensor;
  localResponseNormalization(depthRadius?: number, bias?: number, alpha?: number, beta?: number): Tensor;
}

export declare class TensorBuffer {
  constructor(shape: number[], dtype?: DataType, values?: TypedArray);
  readonly shape: number[];
  readonly dtype: DataType;
  readonly size: number;
  readonly rank: number;
  readonly strides: number[];
  values: TypedArray;
  set(value: number | boolean, ...locs: number[]): void;
  get(...locs: number[]): number;
  locToIndex(locs: number[]): number;
  indexToLoc(index: number): number[];
  toTensor(): Tensor;
}
export declare function buffer(shape: number[], dtype?: DataType, values?: TypedArray): TensorBuffer;

export declare class Variable extends Tensor {
  readonly name: string;
  trainable: boolean;
  assign(newValue: Tensor): void;
}

// Creation.
export declare function tensor(values: TensorLike, shape?: number[], dtype?: DataType): Tensor;
export declare function scalar(value: number | boolean, dtype?: DataType): Tensor;
export declare function tensor1d(values: TensorLike, dtype?: DataType): Tensor;
export declare function tensor2d(values: TensorLike, shape?: [number, number], dtype?: DataType): Tensor;
export declare function tensor3d(values: TensorLike, shape?: [number, number, number], dtype?: DataType): Tensor;
export declare function tensor4d(values: TensorLike, shape?: [number, number, number, number], dtype?: DataType): Tensor;
export declare function tensor5d(values: TensorLike, shape?: number[], dtype?: DataType): Tensor;
export declare function tensor6d(values: TensorLike, shape?: number[], dtype?: DataType): Tensor;
export declare function variable(initialValue: Tensor, trainable?: boolean, name?: string, dtype?: DataType): Variable;
export declare function zeros(shape: number[], dtype?: DataType): Tensor;
export declare function ones(shape: number[], dtype?: DataType): Tensor;
export declare function fill(shape: number[], value: number, dtype?: DataType): Tensor;
export declare function eye(numRows: number, numColumns?: number, batchShape?: number[], dtype?: DataType): Tensor;
export declare function range(start: number, stop: number, step?: number, dtype?: 'float32' | 'int32'): Tensor;
export declare function linspace(start: number, stop: number, num: number): Tensor;
export declare function oneHot(indices: Tensorish, depth: number, onValue?: number, offValue?: number, dtype?: DataType): Tensor;
export declare function randomUniform(shape: number[], minval?: number, maxval?: number, dtype?: DataType, seed?: number): Tensor;
export declare function randomNormal(shape: number[], mean?: number, stdDev?: number, dtype?: 'float32' | 'int32', seed?: number): Tensor;
export declare function truncatedNormal(shape: number[], mean?: number, stdDev?: number, dtype?: 'float32' | 'int32', seed?: number): Tensor;
export declare function multinomial(logits: Tensorish, numSamples: number, seed?: number, normalized?: boolean): Tensor;

// Unary and activation ops.
type Unary = (x: Tensorish) => Tensor;
export declare const abs: Unary, acos: Unary, acosh: Unary, asin: Unary, asinh: Unary, atan: Unary, atanh: Unary,
  ceil: Unary, cos: Unary, cosh: Unary, erf: Unary, exp: Unary, expm1: Unary, floor: Unary, log: Unary, log1p: Unary,
  neg: Unary, reciprocal: Unary, round: Unary, rsqrt: Unary, sign: Unary, sin: Unary, sinh: Unary, sqrt: Unary,
  square: Unary, tan: Unary, tanh: Unary, isNaN: Unary, isInf: Unary, isFinite: Unary, relu: Unary, relu6: Unary,
  elu: Unary, selu: Unary, sigmoid: Unary, logSigmoid: Unary, softplus: Unary, zerosLike: Unary, onesLike: Unary,
  clone: Unary, logicalNot: Unary;
export declare function leakyRelu(x: Tensorish, alpha?: number): Tensor;
export declare function step(x: Tensorish, alpha?: number): Tensor;
export declare function prelu(x: Tensorish, alpha: Tensorish): Tensor;
export declare function clipByValue(x: Tensorish, clipValueMin: number, clipValueMax: number): Tensor;
export declare function cast(x: Tensorish, dtype: DataType): Tensor;
export declare function softmax(logits: Tensorish, dim?: number): Tensor;
export declare function logSoftmax(logits: Tensorish, axis?: number): Tensor;

// Binary ops (broadcasting), comparisons and logic.
type Binary = (a: Tensorish, b: Tensorish) => Tensor;
export declare const add: Binary, sub: Binary, mul: Binary, div: Binary, divNoNan: Binary, floorDiv: Binary,
  mod: Binary, pow: Binary, maximum: Binary, minimum: Binary, squaredDifference: Binary, atan2: Binary,
  equal: Binary, notEqual: Binary, less: Binary, lessEqual: Binary, greater: Binary, greaterEqual: Binary,
  logicalAnd: Binary, logicalOr: Binary, logicalXor: Binary, dot: Binary, outerProduct: Binary;
export declare function where(condition: Tensorish, a: Tensorish, b: Tensorish): Tensor;
export declare function addN(tensors: Tensorish[]): Tensor;

// Reductions, scans and linear algebra.
type Reduction_ = (x: Tensorish, axis?: Axis, keepDims?: boolean) => Tensor;
export declare const sum: Reduction_, mean: Reduction_, max: Reduction_, min: Reduction_, prod: Reduction_,
  all: Reduction_, any: Reduction_, logSumExp: Reduction_, euclideanNorm: Reduction_;
export declare function norm(x: Tensorish, ord?: number | 'euclidean' | 'fro', axis?: Axis, keepDims?: boolean): Tensor;
export declare function moments(x: Tensorish, axis?: Axis, keepDims?: boolean): {mean: Tensor, variance: Tensor};
export declare function argMax(x: Tensorish, axis?: number): Tensor;
export declare function argMin(x: Tensorish, axis?: number): Tensor;
export declare function cumsum(x: Tensorish, axis?: number, exclusive?: boolean, reverse?: boolean): Tensor;
export declare function cumprod(x: Tensorish, axis?: number, exclusive?: boolean, reverse?: boolean): Tensor;
export declare function matMul(a: Tensorish, b: Tensorish, transposeA?: boolean, transposeB?: boolean): Tensor;
export declare function transpose(x: Tensorish, perm?: number[]): Tensor;
export declare function einsum(equation: string, ...tensors: Tensorish[]): Tensor;
export declare function topk(x: Tensorish, k?: number, sorted?: boolean): {values: Tensor, indices: Tensor};
export declare function unique(x: Tensorish, axis?: number): {values: Tensor, indices: Tensor};

// Shapes, slicing, joining.
export declare function reshape(x: Tensorish, shape: number[]): Tensor;
export declare function expandDims(x: Tensorish, axis?: number): Tensor;
export declare function squeeze(x: Tensorish, axis?: number[]): Tensor;
export declare function concat(tensors: Tensorish[], axis?: number): Tensor;
export declare function stack(tensors: Tensorish[], axis?: number): Tensor;
export declare function unstack(x: Tensorish, axis?: number): Tensor[];
export declare function split(x: Tensorish, numOrSizeSplits: number | number[], axis?: number): Tensor[];
export declare function slice(x: Tensorish, begin: number | number[], size?: number | number[]): Tensor;
export declare function stridedSlice(x: Tensorish, begin: number[], end: number[], strides?: number[], beginMask?: number,
                                     endMask?: number, ellipsisMask?: number, newAxisMask?: number,
                                     shrinkAxisMask?: number): Tensor;
export declare function gather(x: Tensorish, indices: Tensorish, axis?: number, batchDims?: number): Tensor;
export declare function gatherND(x: Tensorish, indices: Tensorish): Tensor;
export declare function scatterND(indices: Tensorish, updates: Tensorish, shape: number[]): Tensor;
export declare function tile(x: Tensorish, reps: number[]): Tensor;
export declare function pad(x: Tensorish, paddings: Array<[number, number]>, constantValue?: number): Tensor;
export declare function mirrorPad(x: Tensorish, paddings: Array<[number, number]>, mode: 'reflect' | 'symmetric'): Tensor;
export declare function reverse(x: Tensorish, axis?: Axis): Tensor;
export declare function broadcastTo(x: Tensorish, shape: number[]): Tensor;
export declare function depthToSpace(x: Tensorish, blockSize: number, dataFormat?: 'NHWC' | 'NCHW'): Tensor;
export declare function spaceToBatchND(x: Tensorish, blockShape: number[], paddings: number[][]): Tensor;
export declare function batchToSpaceND(x: Tensorish, blockShape: number[], crops: number[][]): Tensor;

// Convolution, pooling, normalization.
export declare function conv1d(x: Tensorish, filter: Tensorish, stride: number, pad: PadType, dataFormat?: 'NWC' | 'NCW',
                               dilation?: number, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
export declare function conv2d(x: Tensorish, filter: Tensorish, strides: Int2, pad: PadType, dataFormat?: 'NHWC' | 'NCHW',
                               dilations?: Int2, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
export declare function conv2dTranspose(x: Tensorish, filter: Tensorish, outputShape: number[], strides: Int2,
                                        pad: PadType, dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
export declare function depthwiseConv2d(x: Tensorish, filter: Tensorish, strides: Int2, pad: PadType,
                                        dataFormat?: 'NHWC' | 'NCHW', dilations?: Int2,
                                        dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
export declare function maxPool(x: Tensorish, filterSize: Int2, strides: Int2, pad: PadType,
                                dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
export declare function avgPool(x: Tensorish, filterSize: Int2, strides: Int2, pad: PadType,
                                dimRoundingMode?: 'floor' | 'round' | 'ceil'): Tensor;
export declare function separableConv2d(x: Tensorish, depthwiseFilter: Tensorish, pointwiseFilter: Tensorish,
                                        strides: Int2, pad: 'same' | 'valid', dilation?: Int2,
                                        dataFormat?: 'NHWC' | 'NCHW'): Tensor;
export type Int3 = number | [number, number, number];
export declare function conv3d(x: Tensorish, filter: Tensorish, strides: Int3, pad: 'same' | 'valid',
                               dataFormat?: 'NDHWC' | 'NCDHW', dilations?: Int3): Tensor;
export declare function maxPool3d(x: Tensorish, filterSize: Int3, strides: Int3, pad: PadType,
                                  dimRoundingMode?: 'floor' | 'round' | 'ceil', dataFormat?: 'NDHWC' | 'NCDHW'): Tensor;
export declare function avgPool3d(x: Tensorish, filterSize: Int3, strides: Int3, pad: PadType,
                                  dimRoundingMode?: 'floor' | 'round' | 'ceil', dataFormat?: 'NDHWC' | 'NCDHW'): Tensor;
export type FusedActivation = 'linear' | 'relu' | 'relu6' | 'elu' | 'prelu' | 'leakyrelu' | 'sigmoid';
export interface FusedExtras { bias?: Tensorish; activation?: FusedActivation; preluActivationWeights?: Tensorish;
                               leakyreluAlpha?: number; }
export declare const fused: {
  matMul(args: {a: Tensorish, b: Tensorish, transposeA?: boolean, transposeB?: boolean} & FusedExtras): Tensor;
  conv2d(args: {x: Tensorish, filter: Tensorish, strides: Int2, pad: PadType, dataFormat?: 'NHWC' | 'NCHW',
                dilations?: Int2, dimRoundingMode?: 'floor' | 'round' | 'ceil'} & FusedExtras): Tensor;
  depthwiseConv2d(args: {x: Tensorish, filter: Tensorish, strides: Int2, pad: PadType, dataFormat?: 'NHWC' | 'NCHW',
                         dilations?: Int2, dimRoundingMode?: 'floor' | 'round' | 'ceil'} & FusedExtras): Tensor;
};
export declare function batchNorm(x: Tensorish, mean: Tensorish, variance: Tensorish, offset?: Tensorish,
                                  scale?: Tensorish, varianceEpsilon?: number): Tensor;
export declare function localResponseNormalization(x: Tensorish, depthRadius?: number, bias?: number, alpha?: number,
                                                   beta?: number): Tensor;

export declare const Reduction: {readonly NONE: 0, readonly MEAN: 1, readonly SUM: 2, readonly SUM_BY_NONZERO_WEIGHTS: 3};
type ReductionValue = 0 | 1 | 2 | 3;
export declare const losses: {
  meanSquaredError(labels: Tensorish, predictions: Tensorish, weights?: Tensorish, reduction?: ReductionValue): Tensor;
  absoluteDifference(labels: Tensorish, predictions: Tensorish, weights?: Tensorish, reduction?: ReductionValue): Tensor;
  hingeLoss(labels: Tensorish, predictions: Tensorish, weights?: Tensorish, reduction?: ReductionValue): Tensor;
  huberLoss(labels: Tensorish, predictions: Tensorish, weights?: Tensorish, delta?: number, reduction?: ReductionValue): Tensor;
  logLoss(labels: Tensorish, predictions: Tensorish, weights?: Tensorish, epsilon?: number, reduction?: ReductionValue): Tensor;
  sigmoidCrossEntropy(multiClassLabels: Tensorish, logits: Tensorish, weights?: Tensorish, labelSmoothing?: number,
                      reduction?: ReductionValue): Tensor;
  softmaxCrossEntropy(onehotLabels: Tensorish, logits: Tensorish, weights?: Tensorish, labelSmoothing?: number,
                      reduction?: ReductionValue): Tensor;
  cosineDistance(labels: Tensorish, predictions: Tensorish, axis: number, weights?: Tensorish,
                 reduction?: ReductionValue): Tensor;
  computeWeightedLoss(losses: Tensorish, weights?: Tensorish, reduction?: ReductionValue): Tensor;
};

export declare const image: {
  resizeBilinear(images: Tensorish, size: [number, number], alignCorners?: boolean, halfPixelCenters?: boolean): Tensor;
  resizeNearestNeighbor(images: Tensorish, size: [number, number], alignCorners?: boolean,
                        halfPixelCenters?: boolean): Tensor;
  cropAndResize(image: Tensorish, boxes: Tensorish, boxInd: Tensorish, cropSize: [number, number],
                method?: 'bilinear' | 'nearest', extrapolationValue?: number): Tensor;
  flipLeftRight(image: Tensorish): Tensor;
  rgbToGrayscale(image: Tensorish): Tensor;
  grayscaleToRGB(image: Tensorish): Tensor;
  nonMaxSuppression(boxes: Tensorish, scores: Tensorish, maxOutputSize: number, iouThreshold?: number,
                    scoreThreshold?: number): Tensor;
  nonMaxSuppressionAsync(boxes: Tensorish, scores: Tensorish, maxOutputSize: number, iouThreshold?: number,
                         scoreThreshold?: number): Promise<Tensor>;
  nonMaxSuppressionWithScore(boxes: Tensorish, scores: Tensorish, maxOutputSize: number, iouThreshold?: number,
                             scoreThreshold?: number, softNmsSigma?: number): {selectedIndices: Tensor, selectedScores: Tensor};
  nonMaxSuppressionWithScoreAsync(boxes: Tensorish, scores: Tensorish, maxOutputSize: number, iouThreshold?: number,
                                  scoreThreshold?: number, softNmsSigma?: number):
      Promise<{selectedIndices: Tensor, selectedScores: Tensor}>;
  nonMaxSuppressionPadded(boxes: Tensorish, scores: Tensorish, maxOutputSize: number, iouThreshold?: number,
                          scoreThreshold?: number, padToMaxOutputSize?: boolean): {selectedIndices: Tensor, validOutputs: Tensor};
  nonMaxSuppressionPaddedAsync(boxes: Tensorish, scores: Tensorish, maxOutputSize: number, iouThreshold?: number,
                               scoreThreshold?: number, padToMaxOutputSize?: boolean):
      Promise<{selectedIndices: Tensor, validOutputs: Tensor}>;
  rotateWithOffset(image: Tensorish, radians: number, fillValue?: number | [number, number, number],
                   center?: number | [number, number]): Tensor;
};

// Pixels in and out (browser): images, canvases, videos, ImageBitmaps, ImageData or {data, width, height}.
export type PixelSource = ImageData | HTMLImageElement | HTMLCanvasElement | HTMLVideoElement | ImageBitmap |
                          OffscreenCanvas | {data: Uint8Array, width: number, height: number};
export declare const browser: {
  fromPixels(pixels: PixelSource, numChannels?: number): Tensor;
  fromPixelsAsync(pixels: PixelSource, numChannels?: number): Promise<Tensor>;
  toPixels(img: Tensorish, canvas?: HTMLCanvasElement): Promise<Uint8ClampedArray>;
  draw(image: Tensorish, canvas: HTMLCanvasElement,
       options?: {imageOptions?: {alpha?: number}, contextOptions?: {contextType?: string, contextAttributes?: object}}): void;
};
export declare function nextFrame(): Promise<void>;

// Memory.
export interface MemoryInfo { numTensors: number; numDataBuffers: number; numBytes: number; unreliable: boolean; }
export declare function tidy<T extends TensorContainer>(nameOrFn: string | (() => T), fn?: () => T): T;
export declare function keep<T extends Tensor>(result: T): T;
export declare function dispose(container: TensorContainer): void;
export declare function disposeVariables(): void;
export declare function memory(): MemoryInfo;
export interface KernelInfo {
  name: string; bytesAdded: number; totalBytesSnapshot: number; tensorsAdded: number; totalTensorsSnapshot: number;
  inputShapes: number[][]; outputShapes: number[][]; kernelTimeMs: number; extraInfo: string;
}
export interface ProfileInfo {
  newBytes: number; newTensors: number; peakBytes: number; kernels: KernelInfo[]; kernelNames: string[];
  result: TensorContainer;
}
export declare function profile(f: () => TensorContainer | Promise<TensorContainer>): Promise<ProfileInfo>;
export declare function time(f: () => void): Promise<{kernelMs: number; wallMs: number}>;

// Gradients and training.
export declare function grad(f: (x: Tensor) => Tensor): (x: Tensorish, dy?: Tensorish) => Tensor;
export declare function grads(f: (...args: Tensor[]) => Tensor): (args: Tensorish[], dy?: Tensorish) => Tensor[];
export declare function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => {value: Tensor, grad: Tensor};
export declare function valueAndGrads(f: (...args: Tensor[]) => Tensor):
    (args: Tensor[], dy?: Tensor) => {value: Tensor, grads: Tensor[]};
export declare function customGrad(
    f: (...args: Array<Tensor | ((tensors: Tensor[]) => void)>) => {value: Tensor, gradFunc: (dy: Tensor, saved: Tensor[]) => Tensor | Tensor[]}):
    (...args: Tensor[]) => Tensor;
export declare function variableGrads(f: () => Tensor, varList?: Variable[]):
    {value: Tensor, grads: {[name: string]: Tensor}};
export declare class Optimizer {
  minimize(f: () => Tensor, returnCost?: boolean, varList?: Variable[]): Tensor | null;
  computeGradients(f: () => Tensor, varList?: Variable[]): {value: Tensor, grads: {[name: string]: Tensor}};
  applyGradients(gradients: {[name: string]: Tensor} | Array<{name: string, tensor: Tensor}>): void;
  getClassName(): string;
  getConfig(): {[key: string]: number | boolean};
  dispose(): void;
}
export declare class SGDOptimizer extends Optimizer {
  constructor(learningRate: number);
  learningRate: number;
}
export declare class MomentumOptimizer extends Optimizer {
  constructor(learningRate: number, momentum: number, useNesterov?: boolean);
}
export declare class AdamOptimizer extends Optimizer {
  constructor(learningRate?: number, beta1?: number, beta2?: number, epsilon?: number);
}
export declare class RMSPropOptimizer extends Optimizer {
  constructor(learningRate: number, decay?: number, momentum?: number, epsilon?: number | null, centered?: boolean);
}
export declare class AdagradOptimizer extends Optimizer {
  constructor(learningRate: number, initialAccumulatorValue?: number);
}
export declare class AdadeltaOptimizer extends Optimizer {
  constructor(learningRate?: number, rho?: number, epsilon?: number | null);
}
export declare class AdamaxOptimizer extends Optimizer {
  constructor(learningRate?: number, beta1?: number, beta2?: number, epsilon?: number | null, decay?: number);
}
export declare const train: {
  sgd(learningRate: number): SGDOptimizer;
  momentum(learningRate: number, momentum: number, useNesterov?: boolean): MomentumOptimizer;
  adam(learningRate?: number, beta1?: number, beta2?: number, epsilon?: number): AdamOptimizer;
  rmsprop(learningRate: number, decay?: number, momentum?: number, epsilon?: number | null, centered?: boolean): RMSPropOptimizer;
  adagrad(learningRate: number, initialAccumulatorValue?: number): AdagradOptimizer;
  adadelta(learningRate?: number, rho?: number, epsilon?: number | null): AdadeltaOptimizer;
  adamax(learningRate?: number, beta1?: number, beta2?: number, epsilon?: number | null, decay?: number): AdamaxOptimizer;
};

// Environment.
export declare function ready(): Promise<void>;
export declare function getBackend(): 'wasm';
export declare function setBackend(name: string): Promise<boolean>;
export declare function backendKernelsName(): string;
export declare function print(x: Tensor, verbose?: boolean): void;
export declare function enableProdMode(): void;
export interface Environment {
  flags: {[name: string]: unknown};
  get(name: string): unknown;
  getBool(name: string): boolean;
  getNumber(name: string): number;
  set(name: string, value: unknown): void;
  setFlags(flags: {[name: string]: unknown}): void;
  platformName: 'node' | 'browser';
}
export declare function env(): Environment;
export declare const version: {[name: string]: string};

// ---- layers and models (web/js/layers.mjs, models.mjs) ----
export type Shape = Array<number | null>;
export interface Serializable {getClassName(): string; getConfig(): object;}
export interface LayerVariable {name: string; originalName: string; shape: Shape; dtype: string; trainable: boolean; read(): Tensor;}
export interface Layer {
  readonly name: string;
  getClassName(): string;
  apply(inputs: Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[], kwargs?: {training?: boolean}):
      Tensor | Tensor[] | SymbolicTensor | SymbolicTensor[];
  trainable: boolean;
  readonly built: boolean;
  readonly outputShape: Shape | Shape[];
  readonly input: SymbolicTensor | SymbolicTensor[];
  readonly output: SymbolicTensor | SymbolicTensor[];
  readonly weights: LayerVariable[];
  getWeights(trainableOnly?: boolean): Tensor[];
  setWeights(weights: Tensor[]): void;
  countParams(): number;
  getConfig(): object;
  dispose(): {refCountAfterDispose: number; numDisposedVariables: number};
}
export declare class SymbolicTensor {
  readonly name: string;
  readonly shape: Shape;
  readonly dtype: string;
  readonly rank: number;
  readonly sourceLayer: Layer | null;
}
export declare const layers: {[factory: string]: (args?: object) => Layer};
export declare const initializers: {[name: string]: (config?: object) => Serializable};
export declare const regularizers: {[name: string]: (config?: object) => Serializable};
export declare const constraints: {[name: string]: (config?: object) => Serializable};
export declare function input(config: {shape?: Shape; batchShape?: Shape; name?: string; dtype?: string}): SymbolicTensor;

export type Logs = {[key: string]: number};
export declare class Callback {
  model: LayersModel;
  params: object;
  onTrainBegin(logs?: Logs): Promise<void>;
  onTrainEnd(logs?: Logs): Promise<void>;
  onEpochBegin(epoch: number, logs?: Logs): Promise<void>;
  onEpochEnd(epoch: number, logs?: Logs): Promise<void>;
  onBatchBegin(batch: number, logs?: Logs): Promise<void>;
  onBatchEnd(batch: number, logs?: Logs): Promise<void>;
}
export declare class CustomCallback extends Callback {constructor(args: object);}
export declare class History extends Callback {epoch: number[]; history: {[key: string]: number[]};}
export declare class EarlyStopping extends Callback {
  constructor(args?: {monitor?: string; minDelta?: number; patience?: number; verbose?: number; mode?: 'auto' | 'min' | 'max'; baseline?: number});
}
export declare const callbacks: {earlyStopping(args?: object): EarlyStopping};

export type ModelData = Tensor | Tensor[] | {[name: string]: Tensor};
export interface ModelFitArgs {
  batchSize?: number; epochs?: number; verbose?: number; validationSplit?: number;
  validationData?: [ModelData, ModelData]; shuffle?: boolean; initialEpoch?: number;
  callbacks?: Callback | Callback[] | object | object[];
}
export interface LayersModel extends Layer {}
export declare class LayersModel {
  readonly inputs: SymbolicTensor[];
  readonly outputs: SymbolicTensor[];
  readonly inputNames: string[];
  readonly outputNames: string[];
  readonly layers: Layer[];
  readonly metricsNames: string[];
  stopTraining: boolean;
  getLayer(name?: string | null, index?: number): Layer;
  summary(lineLength?: number, positions?: number[], printFn?: (line: string) => void): void;
  compile(args: {optimizer: string | Optimizer; loss: string | string[] | {[output: string]: string};
                 metrics?: string[] | {[output: string]: string | string[]}}): void;
  fit(x: ModelData, y: ModelData, args?: ModelFitArgs): Promise<History>;
  fitDataset(dataset: Dataset<unknown>, args: {epochs: number; batchesPerEpoch?: number; callbacks?: unknown;
             validationData?: Dataset<unknown> | [ModelData, ModelData]; initialEpoch?: number}): Promise<History>;
  evaluate(x: ModelData, y: ModelData, args?: {batchSize?: number}): Tensor | Tensor[];
  evaluateDataset(dataset: Dataset<unknown>, args?: {batches?: number}): Promise<Tensor | Tensor[]>;
  predict(x: ModelData, args?: {batchSize?: number}): Tensor | Tensor[];
  predictOnBatch(x: ModelData): Tensor | Tensor[];
  trainOnBatch(x: ModelData, y: ModelData): Promise<number | number[]>;
  toJSON(unused?: unknown, returnString?: boolean): string | object;
  save(handlerOrURL: string | IOHandler, config?: {includeOptimizer?: boolean}): Promise<object>;
}
export declare class Sequential extends LayersModel {
  add(layer: Layer): void;
  pop(): void;
}
export declare function sequential(config?: {layers?: Layer[]; name?: string}): Sequential;
export declare function model(args: {inputs: SymbolicTensor | SymbolicTensor[]; outputs: SymbolicTensor | SymbolicTensor[]; name?: string}): LayersModel;

// ---- tf.io (web/js/io.mjs) ----
export interface ModelArtifacts {
  modelTopology: object; weightSpecs?: object[]; weightData?: ArrayBuffer; trainingConfig?: object;
  format?: string; generatedBy?: string; convertedBy?: string | null; userDefinedMetadata?: object;
}
export interface IOHandler {load?(): Promise<ModelArtifacts>; save?(artifacts: ModelArtifacts): Promise<object>;}
export declare const io: {
  fromMemory(artifacts: ModelArtifacts | object, weightSpecs?: object[], weightData?: ArrayBuffer, trainingConfig?: object): IOHandler;
  withSaveHandler(save: (artifacts: ModelArtifacts) => Promise<object>): IOHandler;
  http(path: string, options?: {requestInit?: object; weightPathPrefix?: string; fetchFunc?: typeof fetch;
       onProgress?: (fraction: number) => void; weightUrlConverter?: (name: string) => Promise<string>}): IOHandler;
  browserHTTPRequest(path: string, options?: object): IOHandler;
  browserDownloads(fileNamePrefix?: string): IOHandler;
  browserFiles(files: File[]): IOHandler;
  browserLocalStorage(modelPath: string): IOHandler;
  browserIndexedDB(modelPath: string): IOHandler;
  fileSystem(dir: string): IOHandler;
  concatenateArrayBuffers(buffers: ArrayBuffer[]): ArrayBuffer;
};
export declare function loadLayersModel(pathOrIOHandler: string | IOHandler, options?: {strict?: boolean; requestInit?: object;
  weightPathPrefix?: string; onProgress?: (fraction: number) => void}): Promise<LayersModel>;

// ---- tf.data (web/js/data.mjs) ----
export interface Dataset<T> {
  readonly size: number | null;
  iterator(): Promise<{next(): Promise<{value: T; done: boolean}>}>;
  map<O>(f: (x: T) => O): Dataset<O>;
  mapAsync<O>(f: (x: T) => Promise<O>): Dataset<O>;
  filter(predicate: (x: T) => boolean): Dataset<T>;
  batch(batchSize: number, smallLastBatch?: boolean): Dataset<unknown>;
  shuffle(bufferSize: number, seed?: string, reshuffleEachIteration?: boolean): Dataset<T>;
  take(count: number): Dataset<T>;
  skip(count: number): Dataset<T>;
  repeat(count?: number): Dataset<T>;
  prefetch(bufferSize: number): Dataset<T>;
  concatenate(other: Dataset<T>): Dataset<T>;
  forEachAsync(f: (x: T) => void | Promise<void>): Promise<void>;
  toArray(): Promise<T[]>;
}
export interface CSVDataset extends Dataset<object> {columnNames(): Promise<string[]>;}
export declare const data: {
  array<T>(items: T[]): Dataset<T>;
  generator<T>(generatorFn: () => Iterator<T> | AsyncIterator<T>): Dataset<T>;
  zip(datasets: Dataset<unknown>[] | {[key: string]: Dataset<unknown>}): Dataset<unknown>;
  csv(source: string, config?: {hasHeader?: boolean; columnNames?: string[]; configuredColumnsOnly?: boolean;
      delimiter?: string; delimWhitespace?: boolean;
      columnConfigs?: {[column: string]: {required?: boolean; dtype?: string; default?: unknown; isLabel?: boolean}}}): CSVDataset;
  webcam(video?: HTMLVideoElement, config?: object): Promise<Dataset<Tensor> & {capture(): Promise<Tensor>; stop(): void}>;
};

// ---- tf.util (web/js/util.mjs) ----
export declare const util: {
  shuffle(array: unknown[] | Uint32Array | Int32Array | Float32Array): void;
  shuffleCombo(array: unknown[], array2: unknown[]): void;
  createShuffledIndices(n: number): Uint32Array;
  sizeFromShape(shape: number[]): number;
  now(): number;
  assert(expr: boolean, msg: string | (() => string)): void;
};
