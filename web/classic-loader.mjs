// The classic build's loader: the module is instantiated synchronously (edgeflow_wasm_sync.js,
// loaded just before this bundle), so `tf` is usable on the next line of the page.
/* global createEdgeflowWasmSync */
const module = {};
createEdgeflowWasmSync(module);  // fills `module` before it returns (no async steps left)
if (typeof module.runOp !== 'function') throw new Error('edgeflow.js: the wasm module did not initialise synchronously');
export const wasm = module;
export const threaded = false;  // the classic build is single-threaded
