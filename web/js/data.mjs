// tf.data: lazy, async datasets (array, generator, csv over fetch or a file, zip, webcam) with
// map, filter, batch, shuffle, take, skip, repeat, prefetch, concatenate, forEachAsync, toArray.
// A dataset is a function that starts a new pass: iterator() -> {next(): Promise<{value, done}>}.
// batch() stacks the elements as TF.js does: Tensors are stacked, numbers and (nested) arrays of
// numbers become one tensor, objects are batched key by key.
import {wasm} from './loader.mjs';
import {ops} from './ops.mjs';
import {Tensor, tensor} from './tensor.mjs';

const isNode = typeof process == 'object' && typeof process.versions?.node == 'string';
const DONE = {value: null, done: true};

export class Dataset {
  // makeIterator: async () -> an iterator; size: the number of elements if known (else null).
  constructor(makeIterator, size = null) {
    this.makeIterator = makeIterator;
    this.size = size;
  }
  async iterator() { return this.makeIterator(); }

  map(f) {
    return new Dataset(async () => {
      const it = await this.iterator();
      return {next: async () => { const n = await it.next(); return n.done ? DONE : {value: f(n.value), done: false}; }};
    }, this.size);
  }
  mapAsync(f) {
    return new Dataset(async () => {
      const it = await this.iterator();
      return {next: async () => { const n = await it.next(); return n.done ? DONE : {value: await f(n.value), done: false}; }};
    }, this.size);
  }
  filter(predicate) {
    return new Dataset(async () => {
      const it = await this.iterator();
      return {next: async () => {
        for (;;) {
          const n = await it.next();
          if (n.done || predicate(n.value)) return n;
        }
      }};
    });
  }
  batch(batchSize, smallLastBatch = true) {
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new Error(`batchSize needs to be positive, but it is ${batchSize}`);
    const size = this.size == null ? null : smallLastBatch ? Math.ceil(this.size / batchSize) : Math.floor(this.size / batchSize);
    return new Dataset(async () => {
      const it = await this.iterator();
      return {next: async () => {
        const rows = [];
        while (rows.length < batchSize) {
          const n = await it.next();
          if (n.done) break;
          rows.push(n.value);
        }
        if (rows.length === 0 || (!smallLastBatch && rows.length < batchSize)) return DONE;
        return {value: batchOf(rows), done: false};
      }};
    }, size);
  }
  shuffle(bufferSize, seed, reshuffleEachIteration = true) {
    if (bufferSize == null || bufferSize < 0) throw new RangeError('`Dataset.shuffle()` requires bufferSize to be specified.');
    const base = seedOf(seed);
    let pass = 0;
    return new Dataset(async () => {
      const random = randomFrom(reshuffleEachIteration ? base + pass++ : base);
      const it = await this.iterator();
      const buffer = [];
      let upstreamDone = false;
      return {next: async () => {
        while (!upstreamDone && buffer.length < bufferSize) {
          const n = await it.next();
          if (n.done) upstreamDone = true;
          else buffer.push(n.value);
        }
        if (buffer.length === 0) return DONE;
        const i = Math.floor(random() * buffer.length);
        const value = buffer[i];
        buffer[i] = buffer[buffer.length - 1];
        buffer.pop();
        return {value, done: false};
      }};
    }, this.size);
  }
  take(count) {
    return new Dataset(async () => {
      const it = await this.iterator();
      let taken = 0;
      return {next: async () => (count >= 0 && taken++ >= count ? DONE : it.next())};
    }, this.size == null ? null : count < 0 ? this.size : Math.min(this.size, count));
  }
  skip(count) {
    return new Dataset(async () => {
      const it = await this.iterator();
      let skipped = count < 0 ? Infinity : 0;
      return {next: async () => {
        while (skipped < count) {
          const n = await it.next();
          if (n.done) return DONE;
          dispose(n.value);
          ++skipped;
        }
        return skipped === Infinity ? DONE : it.next();
      }};
    }, this.size == null ? null : Math.max(0, this.size - Math.max(count, 0)));
  }
  repeat(count) {
    return new Dataset(async () => {
      let passes = 0;
      let it = null;
      return {next: async () => {
        for (;;) {
          if (it == null) {
            if (count != null && count >= 0 && passes >= count) return DONE;
            it = await this.iterator();
            ++passes;
          }
          const n = await it.next();
          if (!n.done) return n;
          it = null;
        }
      }};
    }, count == null || count < 0 ? Infinity : this.size == null ? null : this.size * count);
  }
  prefetch(bufferSize) { return this; }  // elements are made on demand; nothing runs ahead in wasm
  concatenate(other) {
    return new Dataset(async () => {
      let it = await this.iterator();
      let second = false;
      return {next: async () => {
        const n = await it.next();
        if (!n.done || second) return n;
        second = true;
        it = await other.iterator();
        return it.next();
      }};
    }, this.size == null || other.size == null ? null : this.size + other.size);
  }
  async forEachAsync(f) {
    const it = await this.iterator();
    for (let n = await it.next(); !n.done; n = await it.next()) await f(n.value);
  }
  async toArray() {
    if (this.size === Infinity) throw new Error('Can not convert infinite data stream to array.');
    const out = [];
    await this.forEachAsync((x) => out.push(x));
    return out;
  }
  toArrayForTest() { return this.toArray(); }
}

function dispose(value) {
  if (value instanceof Tensor) value.dispose();
}

// ---- batching ----------------------------------------------------------------------------------

function canTensorify(x) {
  return x == null || typeof x !== 'object' || Array.isArray(x) || x instanceof Tensor || ArrayBuffer.isView(x);
}

function batchOf(rows) {
  const first = rows[0];
  if (canTensorify(first)) {
    if (first instanceof Tensor) return ops.stack(rows);
    return tensor(rows.map((r) => (ArrayBuffer.isView(r) ? Array.from(r) : r)));
  }
  const out = {};
  for (const key of Object.keys(first)) out[key] = batchOf(rows.map((r) => r[key]));
  return out;
}

// ---- seeded shuffling --------------------------------------------------------------------------

function seedOf(seed) {
  if (seed == null) return Math.floor(Math.random() * 2 ** 31);
  let h = 2166136261;  // FNV-1a of the seed's text
  for (const c of String(seed)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}
// mulberry32: a small seeded generator (TF.js uses seedrandom's alea; orders differ).
function randomFrom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- sources -----------------------------------------------------------------------------------

export function array(items) {
  if (!Array.isArray(items)) throw new Error('tf.data.array: items must be an array');
  return new Dataset(async () => {
    let i = 0;
    return {next: async () => (i < items.length ? {value: items[i++], done: false} : DONE)};
  }, items.length);
}

// generator: a function returning a (sync or async) iterator, called for every pass.
export function generator(generatorFn) {
  if (typeof generatorFn !== 'function') throw new Error('tf.data.generator: the argument must be a function');
  return new Dataset(async () => {
    const it = generatorFn();
    if (it == null || typeof it.next !== 'function') throw new Error('tf.data.generator: the function must return an iterator (e.g. a function*)');
    return {next: async () => {
      const n = await it.next();
      return n.done ? DONE : {value: n.value, done: false};
    }};
  });
}

export function zip(datasets) {
  if (datasets == null || typeof datasets !== 'object') throw new Error('The argument to zip() must be an object or array.');
  const keys = Object.keys(datasets);
  for (const k of keys) {
    if (!(datasets[k] instanceof Dataset)) throw new Error('Leaves of the structure passed to zip() must be Datasets, not primitives.');
  }
  const sizes = keys.map((k) => datasets[k].size);
  const size = sizes.some((s) => s == null) ? null : Math.min(...sizes);
  return new Dataset(async () => {
    const its = await Promise.all(keys.map((k) => datasets[k].iterator()));
    return {next: async () => {
      const ns = await Promise.all(its.map((it) => it.next()));
      if (ns.some((n) => n.done)) return DONE;
      const value = Array.isArray(datasets) ? [] : {};
      keys.forEach((k, i) => { value[k] = ns[i].value; });
      return {value, done: false};
    }};
  }, size);
}

async function readText(source) {
  if (isNode && (source.startsWith('file://') || !/^[a-z]+:\/\//i.test(source))) {
    const {readFile} = await import('node:fs/promises');
    const path = source.startsWith('file://') ? new URL(source) : source;
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      throw new Error(`tf.data.csv: cannot read ${source}: ${e.message}`);
    }
  }
  const url = typeof location !== 'undefined' ? new URL(source, location.href).href : source;
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`tf.data.csv: request for ${url} failed: ${e.message}`);
  }
  if (!response.ok) throw new Error(`tf.data.csv: request for ${url} failed due to HTTP response status ${response.status}`);
  return response.text();
}

export class CSVDataset extends Dataset {
  constructor(source, config = {}) {
    let handle = null;
    const open = async () => {
      if (handle == null) handle = wasm.csvOpen(await readText(source), JSON.stringify(config), source);
      return handle;
    };
    const hasLabels = Object.values(config.columnConfigs ?? {}).some((c) => c?.isLabel);
    super(async () => {
      const h = await open();
      wasm.csvRestart(h);
      return {next: async () => {
        const row = wasm.csvNext(h, hasLabels);
        return row == null ? DONE : {value: row, done: false};
      }};
    });
    this.open = open;
  }
  async columnNames() { return wasm.csvColumnNames(await this.open()); }
}

export function csv(source, csvConfig = {}) {
  if (typeof source !== 'string') throw new Error('tf.data.csv: source must be a URL or a file path');
  return new CSVDataset(source, csvConfig);
}

// Frames of a <video> (a webcam stream) as [height, width, 3] int32 tensors; capture() takes one.
export async function webcam(webcamVideoElement, webcamConfig = {}) {
  if (typeof document === 'undefined') throw new Error('tf.data.webcam is only supported in a browser');
  let video = webcamVideoElement;
  if (video == null) {
    video = document.createElement('video');
    video.width = webcamConfig.resizeWidth ?? 224;
    video.height = webcamConfig.resizeHeight ?? 224;
  }
  if (video.srcObject == null) {
    video.srcObject = await navigator.mediaDevices.getUserMedia({
      video: {deviceId: webcamConfig.deviceId, facingMode: webcamConfig.facingMode ?? 'user',
              width: video.width, height: video.height}});
  }
  await video.play();
  const {browser} = await import('./browser.mjs');
  const capture = () => browser.fromPixels(video);
  const ds = new Dataset(async () => ({next: async () => ({value: capture(), done: false})}), Infinity);
  ds.capture = async () => capture();
  ds.start = async () => video.play();
  ds.stop = () => { video.srcObject?.getTracks?.().forEach((t) => t.stop()); };
  return ds;
}

export const data = {Dataset, CSVDataset, array, generator, zip, csv, webcam};
