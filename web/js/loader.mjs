// Loads the wasm module once, at import (top-level await), so every op is usable as soon as
// `import` resolves; tf.ready() exists for TF.js code and resolves at once.
// Two variants: edgeflow_wasm.mjs (SIMD) and, when build-wasm-threads added it (variants.mjs),
// edgeflow_wasm_threads.mjs (SIMD + threads), used only by cross-origin isolated pages (its
// Workers share memory through SharedArrayBuffer). Node always gets the SIMD module.
import {threads as haveThreads} from './variants.mjs';

const isNode = typeof process == 'object' && typeof process.versions == 'object' &&
               typeof process.versions.node == 'string';

/** True when the threaded module was loaded (tf.env().flags.WASM_HAS_MULTITHREAD_SUPPORT). */
export const threaded = !isNode && haveThreads && globalThis.crossOriginIsolated === true;

async function load() {
  const {default: create} = threaded ? await import('./edgeflow_wasm_threads.mjs')
                                     : await import('./edgeflow_wasm.mjs');
  const moduleArgs = {
    // Resolve the .wasm beside this file (emscripten 3.1.6 would otherwise look in the page's folder).
    locateFile: (path) => new URL(path, import.meta.url).href,
  };
  if (isNode) {
    // Node's global fetch cannot read file: URLs; hand emscripten the bytes instead.
    const {readFile} = await import('node:fs/promises');
    moduleArgs.wasmBinary = await readFile(new URL('./edgeflow_wasm.wasm', import.meta.url));
  }
  return create(moduleArgs);
}

export const wasm = await load();
