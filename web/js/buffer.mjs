// tf.buffer / TensorBuffer: a mutable JS-side array that becomes a tensor (TF.js's TensorBuffer).
import {sizeFromShape} from './convert.mjs';
import {Tensor, tensor} from './tensor.mjs';

const arrayTypes = {float32: Float32Array, int32: Int32Array, bool: Uint8Array};

export class TensorBuffer {
  constructor(shape, dtype = 'float32', values) {
    if (!(dtype in arrayTypes)) throw new Error(`Unknown data type ${dtype}: the wasm package supports float32, int32 and bool`);
    this.shape = shape.slice();
    this.dtype = dtype;
    this.size = sizeFromShape(shape);
    if (values != null && values.length !== this.size) {
      throw new Error(`Length of values '${values.length}' does not match the size inferred by the shape '${this.size}'.`);
    }
    this.values = values ?? new arrayTypes[dtype](this.size);
    this.strides = [];
    for (let i = this.shape.length - 2, s = 1; i >= 0; --i) this.strides.unshift(s *= this.shape[i + 1]);
  }
  get rank() { return this.shape.length; }
  set(value, ...locs) {
    if (locs.length === 0) locs = [0];
    if (locs.length !== this.rank) {
      throw new Error(`The number of provided coordinates (${locs.length}) must match the rank (${this.rank})`);
    }
    this.values[this.locToIndex(locs)] = value;
  }
  get(...locs) {
    if (locs.length === 0) locs = [0];
    locs.forEach((loc, i) => {
      if (loc < 0 || loc >= this.shape[i]) {
        throw new Error(`Requested out of range element at ${locs}.   Buffer shape=${this.shape}`);
      }
    });
    return this.values[this.locToIndex(locs)];
  }
  locToIndex(locs) {
    if (this.rank === 0) return 0;
    if (this.rank === 1) return locs[0];
    let index = locs[locs.length - 1];
    for (let i = 0; i < locs.length - 1; ++i) index += this.strides[i] * locs[i];
    return index;
  }
  indexToLoc(index) {
    if (this.rank === 0) return [];
    const locs = [];
    for (const stride of this.strides) {
      locs.push(Math.floor(index / stride));
      index -= locs[locs.length - 1] * stride;
    }
    locs.push(index);
    return locs;
  }
  toTensor() { return tensor(this.values, this.shape, this.dtype); }
}

export function buffer(shape, dtype = 'float32', values) { return new TensorBuffer(shape, dtype, values); }

Tensor.prototype.bufferSync = function() { return new TensorBuffer(this.shape, this.dtype, this.dataSync()); };
Tensor.prototype.buffer = async function() { return this.bufferSync(); };
