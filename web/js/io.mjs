// tf.io handlers and tf.loadLayersModel / model.save. Artifacts are TF.js's ModelArtifacts
// ({modelTopology, weightSpecs, weightData: ArrayBuffer, trainingConfig, format, ...}); the storage
// layouts (localStorage keys, the IndexedDB stores, the multipart upload, the downloaded file
// names) are TF.js's, so models move between TF.js and edgeflow pages in both directions.
import {wasm} from './loader.mjs';

const isNode = typeof process == 'object' && typeof process.versions?.node == 'string';

// ---- artifacts <-> the wasm side ---------------------------------------------------------------

export function artifactsOfModel(model, includeOptimizer = false) {
  const metadata = model.userDefinedMetadata == null ? '' : JSON.stringify(model.userDefinedMetadata);
  const {json, weightData} = wasm.modelArtifacts(model.id, includeOptimizer, metadata);
  const artifacts = JSON.parse(json);
  artifacts.weightData = weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength);
  return artifacts;
}

function concatBuffers(buffers) {
  const list = Array.isArray(buffers) ? buffers : [buffers];
  const total = list.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of list) {
    out.set(new Uint8Array(ArrayBuffer.isView(b) ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b), offset);
    offset += b.byteLength;
  }
  return out;
}
export const concatenateArrayBuffers = (buffers) => concatBuffers(buffers).buffer;

export function modelFromArtifacts(artifacts, strict = true, source = 'model') {
  if (artifacts == null || artifacts.modelTopology == null) {
    throw new Error(`${source}: the model artifacts have no modelTopology (is it a graph model? use tf.loadGraphModel)`);
  }
  const {weightData, ...rest} = artifacts;
  const bytes = weightData == null ? new Uint8Array(0) : concatBuffers(weightData);
  return wasm.modelFromArtifacts(JSON.stringify(rest), bytes, strict, source);
}

function artifactsInfo(artifacts) {
  const bytes = (x) => (x == null ? 0 : new TextEncoder().encode(JSON.stringify(x)).length);
  return {dateSaved: new Date(), modelTopologyType: 'JSON', modelTopologyBytes: bytes(artifacts.modelTopology),
          weightSpecsBytes: bytes(artifacts.weightSpecs),
          weightDataBytes: artifacts.weightData == null ? 0 : artifacts.weightData.byteLength};
}

// The artifacts of a model.json (as tf.io.getModelArtifactsForJSON): its fields, with the weights
// manifest turned into weightSpecs and the shards, read in order by readShard(path, i, count), joined.
async function artifactsFromModelJSON(modelJSON, readShard) {
  const {weightsManifest, ...artifacts} = modelJSON;
  if (weightsManifest != null) {
    const paths = weightsManifest.flatMap((g) => g.paths);
    const buffers = [];
    for (const [i, p] of paths.entries()) buffers.push(await readShard(p, i, paths.length));
    artifacts.weightSpecs = weightsManifest.flatMap((g) => g.weights);
    artifacts.weightData = concatenateArrayBuffers(buffers);
  }
  return artifacts;
}

// model.json's content for a set of artifacts whose weights are in `paths`.
function modelJSONOf(artifacts, paths) {
  const {weightData, weightSpecs, ...rest} = artifacts;
  return {...rest, weightsManifest: [{paths, weights: weightSpecs}]};
}

// ---- handlers -----------------------------------------------------------------------------------

export function fromMemory(modelTopologyOrArtifacts, weightSpecs, weightData, trainingConfig) {
  const artifacts = modelTopologyOrArtifacts?.modelTopology != null || modelTopologyOrArtifacts?.weightSpecs != null
    ? modelTopologyOrArtifacts
    : {modelTopology: modelTopologyOrArtifacts, weightSpecs, weightData, trainingConfig};
  return {load: async () => artifacts};
}

export function withSaveHandler(saveHandler) { return {save: saveHandler}; }

function resolveURL(url) {
  if (typeof location !== 'undefined') return new URL(url, location.href).href;
  return url;
}

async function fetchOrFail(url, init, fetchFunc) {
  let response;
  try {
    response = await (fetchFunc ?? fetch)(url, init);
  } catch (e) {
    throw new Error(`Request for ${url} failed: ${e.message}`);
  }
  if (!response.ok) throw new Error(`Request for ${url} failed due to HTTP response status ${response.status} ${response.statusText}`.trim());
  return response;
}

// tf.io.http: loads model.json and its shards with fetch; saves as a multipart POST of
// model.json + model.weights.bin (tf.io.http's request).
export function http(path, options = {}) {
  return {
    async load() {
      const url = resolveURL(path);
      const modelJSON = await (await fetchOrFail(url, options.requestInit, options.fetchFunc)).json().catch((e) => {
        throw new Error(`Failed to parse model JSON of response from ${url}: ${e.message}`);
      });
      if (modelJSON.modelTopology == null && modelJSON.weightsManifest == null) {
        throw new Error(`The JSON from HTTP path ${url} contains neither model topology nor manifest for weights.`);
      }
      const prefix = options.weightPathPrefix ?? url.slice(0, url.lastIndexOf('/') + 1);
      const weightUrl = (p) => (options.weightUrlConverter ? options.weightUrlConverter(p) : new URL(p, new URL(prefix, url)).href);
      return artifactsFromModelJSON(modelJSON, async (p, i, count) => {
        const buffer = await (await fetchOrFail(await weightUrl(p), options.requestInit, options.fetchFunc)).arrayBuffer();
        options.onProgress?.((i + 1) / count);
        return buffer;
      });
    },
    async save(artifacts) {
      const init = {method: 'POST', ...options.requestInit};
      const body = new FormData();
      body.append('model.json', new Blob([JSON.stringify(modelJSONOf(artifacts, ['./model.weights.bin']))],
                                         {type: 'application/json'}), 'model.json');
      if (artifacts.weightData != null) {
        body.append('model.weights.bin', new Blob([artifacts.weightData], {type: 'application/octet-stream'}), 'model.weights.bin');
      }
      init.body = body;
      const response = await (options.fetchFunc ?? fetch)(resolveURL(path), init);
      if (!response.ok) throw new Error(`BrowserHTTPRequest.save() failed due to HTTP response status ${response.status}.`);
      return {modelArtifactsInfo: artifactsInfo(artifacts), responses: [response]};
    },
  };
}
export const browserHTTPRequest = http;

// downloads://NAME: two files, NAME.json and NAME.weights.bin, as TF.js names them.
export function browserDownloads(fileNamePrefix = 'model') {
  return {
    async save(artifacts) {
      if (typeof document === 'undefined') throw new Error('Browser downloads are not supported in this environment since `document` is not present');
      const weightsName = `${fileNamePrefix}.weights.bin`;
      const json = JSON.stringify(modelJSONOf(artifacts, [`./${weightsName}`]));
      const click = (blob, name) => {
        const a = document.createElement('a');
        a.download = name;
        a.href = URL.createObjectURL(blob);
        a.dispatchEvent(new MouseEvent('click'));
      };
      click(new Blob([json], {type: 'application/json'}), `${fileNamePrefix}.json`);
      if (artifacts.weightData != null) click(new Blob([artifacts.weightData], {type: 'application/octet-stream'}), weightsName);
      return {modelArtifactsInfo: artifactsInfo(artifacts)};
    },
  };
}

// tf.io.browserFiles([model.json, ...weight files]) from an <input type="file">.
export function browserFiles(files) {
  return {
    async load() {
      if (files == null || files.length < 1) throw new Error('When calling browserFiles, at least 1 file is required');
      const [jsonFile, ...weightFiles] = files;
      const modelJSON = JSON.parse(await jsonFile.text());
      const byName = new Map(weightFiles.map((f) => [f.name, f]));
      return artifactsFromModelJSON(modelJSON, async (p) => {
        const name = p.split('/').pop();
        if (!byName.has(name)) throw new Error(`Weight file with basename '${name}' is not provided.`);
        return byName.get(name).arrayBuffer();
      });
    },
  };
}

const LS_PREFIX = 'tensorflowjs_models';
function base64(buffer) {
  let s = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(text) { return Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).buffer; }

export function browserLocalStorage(modelPath) {
  if (typeof localStorage === 'undefined') throw new Error('The current environment does not support local storage.');
  if (!modelPath) throw new Error('For local storage, modelPath must not be null, undefined or empty.');
  const key = (suffix) => [LS_PREFIX, modelPath, suffix].join('/');
  return {
    async save(artifacts) {
      const info = artifactsInfo(artifacts);
      const {modelTopology, weightSpecs, weightData, ...metadata} = artifacts;
      try {
        localStorage.setItem(key('info'), JSON.stringify(info));
        localStorage.setItem(key('model_topology'), JSON.stringify(modelTopology));
        localStorage.setItem(key('weight_specs'), JSON.stringify(weightSpecs));
        localStorage.setItem(key('weight_data'), base64(weightData));
        localStorage.setItem(key('model_metadata'), JSON.stringify(metadata));
      } catch (e) {
        for (const s of ['info', 'model_topology', 'weight_specs', 'weight_data', 'model_metadata']) localStorage.removeItem(key(s));
        throw new Error(`Failed to save model '${modelPath}' to local storage: size quota being exceeded is a possible cause of this failure: modelTopologyBytes=${info.modelTopologyBytes}, weightSpecsBytes=${info.weightSpecsBytes}, weightDataBytes=${info.weightDataBytes}.`);
      }
      return {modelArtifactsInfo: info};
    },
    async load() {
      const topology = localStorage.getItem(key('model_topology'));
      if (topology == null) throw new Error(`In local storage, there is no model with name '${modelPath}'`);
      const out = {modelTopology: JSON.parse(topology), ...JSON.parse(localStorage.getItem(key('model_metadata')) ?? '{}')};
      out.weightSpecs = JSON.parse(localStorage.getItem(key('weight_specs')));
      out.weightData = fromBase64(localStorage.getItem(key('weight_data')));
      return out;
    },
  };
}

function idbRequest(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
async function openModelsDB() {
  if (typeof indexedDB === 'undefined') throw new Error('The current environment does not support IndexedDB.');
  const open = indexedDB.open('tensorflowjs', 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('models_store', {keyPath: 'modelPath'});
    open.result.createObjectStore('model_info_store', {keyPath: 'modelPath'});
  };
  return idbRequest(open);
}

export function browserIndexedDB(modelPath) {
  if (!modelPath) throw new Error('For IndexedDB, modelPath must not be null, undefined or empty.');
  return {
    async save(artifacts) {
      const db = await openModelsDB();
      const modelArtifactsInfo = artifactsInfo(artifacts);
      const tx = db.transaction(['models_store', 'model_info_store'], 'readwrite');
      tx.objectStore('model_info_store').put({modelPath, modelArtifactsInfo});
      tx.objectStore('models_store').put({modelPath, modelArtifacts: artifacts, modelArtifactsInfo});
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
      db.close();
      return {modelArtifactsInfo};
    },
    async load() {
      const db = await openModelsDB();
      const entry = await idbRequest(db.transaction('models_store', 'readonly').objectStore('models_store').get(modelPath));
      db.close();
      if (entry == null) throw new Error(`Cannot find model with path '${modelPath}' in IndexedDB.`);
      return entry.modelArtifacts;
    },
  };
}

// file://DIR in Node: DIR/model.json + DIR/weights.bin, as tfjs-node's file system handler.
export function fileSystem(dir) {
  if (!isNode) throw new Error('file:// URLs are only supported in Node');
  const pathOf = async (name) => (await import('node:path')).join(dir, name);
  return {
    async save(artifacts) {
      const fs = await import('node:fs/promises');
      await fs.mkdir(dir, {recursive: true});
      if (artifacts.weightData != null) await fs.writeFile(await pathOf('weights.bin'), new Uint8Array(artifacts.weightData));
      await fs.writeFile(await pathOf('model.json'), JSON.stringify(modelJSONOf(artifacts, ['weights.bin'])));
      return {modelArtifactsInfo: artifactsInfo(artifacts)};
    },
    async load() {
      const fs = await import('node:fs/promises');
      const path = await import('node:path');
      const jsonPath = dir.endsWith('.json') ? dir : path.join(dir, 'model.json');
      let modelJSON;
      try {
        modelJSON = JSON.parse(await fs.readFile(jsonPath, 'utf8'));
      } catch (e) {
        throw new Error(`Failed to read ${jsonPath}: ${e.message}`);
      }
      return artifactsFromModelJSON(modelJSON, (p) => fs.readFile(path.join(path.dirname(jsonPath), p)));
    },
  };
}

const schemes = [
  ['downloads://', (rest) => browserDownloads(rest)],
  ['localstorage://', (rest) => browserLocalStorage(rest)],
  ['indexeddb://', (rest) => browserIndexedDB(rest)],
  ['file://', (rest) => fileSystem(rest)],
];

function handlerFor(url, options, purpose) {
  if (typeof url !== 'string') {
    if (url != null && typeof url[purpose] === 'function') return url;
    throw new Error(`${purpose === 'save' ? 'model.save' : 'loadLayersModel'}: expected a URL string or an IOHandler with ${purpose}()`);
  }
  for (const [scheme, make] of schemes) if (url.startsWith(scheme)) return make(url.slice(scheme.length));
  if (purpose === 'save' && !/^https?:\/\//.test(url)) {
    throw new Error(`Cannot find any save handlers for URL '${url}'`);
  }
  return http(url, options);
}

export async function saveModel(model, handlerOrURL, config = {}) {
  const handler = handlerFor(handlerOrURL, {}, 'save');
  return handler.save(artifactsOfModel(model, Boolean(config.includeOptimizer)));
}

let wrap = null;  // layers.mjs's wrapLayer, set by index.mjs (keeps io free of a models import cycle)
export function setModelWrapper(f) { wrap = f; }

export async function loadLayersModel(pathOrIOHandler, options = {}) {
  const handler = handlerFor(pathOrIOHandler, options, 'load');
  const artifacts = await handler.load();
  const source = typeof pathOrIOHandler === 'string' ? pathOrIOHandler : 'the IOHandler';
  return wrap(modelFromArtifacts(artifacts, options.strict ?? true, source));
}

export const io = {
  fromMemory, withSaveHandler, http, browserHTTPRequest, browserDownloads, browserFiles, browserLocalStorage,
  browserIndexedDB, fileSystem, concatenateArrayBuffers,
};
