// Loads the wasm module once, at import (top-level await), so every op is usable as soon as
// `import` resolves; tf.ready() exists for TF.js code and resolves at once.
import createEdgeflowWasm from './edgeflow_wasm.mjs';

const isNode = typeof process == 'object' && typeof process.versions == 'object' &&
               typeof process.versions.node == 'string';

async function load() {
  const moduleArgs = {
    // Resolve the .wasm beside this file (emscripten 3.1.6 would otherwise look in the page's folder).
    locateFile: (path) => new URL(path, import.meta.url).href,
  };
  if (isNode) {
    // Node's global fetch cannot read file: URLs; hand emscripten the bytes instead.
    const {readFile} = await import('node:fs/promises');
    moduleArgs.wasmBinary = await readFile(new URL('./edgeflow_wasm.wasm', import.meta.url));
  }
  return createEdgeflowWasm(moduleArgs);
}

export const wasm = await load();
