// --extern-pre-js: emscripten 3.1.6's ES module output still uses require() and __dirname under
// Node, which ES modules lack. Define them from import.meta.url (Node only; browsers skip this).
const edgeflowIsNode = typeof process == 'object' && typeof process.versions == 'object' &&
                       typeof process.versions.node == 'string';
var require = edgeflowIsNode ? (await import('node:module')).createRequire(import.meta.url) : undefined;
var __dirname = edgeflowIsNode ? require('node:path').dirname(require('node:url').fileURLToPath(import.meta.url))
                               : undefined;
