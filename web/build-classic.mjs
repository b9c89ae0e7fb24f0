// Builds the classic-script edgeflow.js: the synchronously instantiated wasm module (emscripten's
// edgeflow_wasm_sync.js, wasm embedded) followed by web/js bundled by esbuild as an IIFE that
// assigns the global `tf`. loader.mjs is swapped for classic-loader.mjs (no top-level await).
//   node web/build-classic.mjs build-wasm/web/edgeflow_wasm_sync.js build-wasm/web/edgeflow.js
import {build} from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const [moduleJs, outFile] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const swapLoader = {
  name: 'classic-loader',
  setup(b) {
    b.onResolve({filter: /^\.\/loader\.mjs$/}, () => ({path: path.join(here, 'classic-loader.mjs')}));
  },
};
const bundle = await build({
  entryPoints: [path.join(here, 'js/index.mjs')], bundle: true, format: 'iife', globalName: 'tf',
  platform: 'browser', target: 'chrome100', external: ['node:*'], plugins: [swapLoader], write: false,
  logLevel: 'warning', legalComments: 'none',
});
const banner = '// edgeflow: TensorFlow.js\'s API over edgeflow\'s C++ engine (WebAssembly). Defines the global `tf`.\n';
fs.writeFileSync(outFile, banner + fs.readFileSync(moduleJs, 'utf8') + '\n' + bundle.outputFiles[0].text);
