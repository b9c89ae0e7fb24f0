// Node 18+ has a global fetch that Emscripten 3.1.6 then uses for a file path, and fails.
// Removing it (only in Node-run test and tool binaries) makes the loader read the .wasm with fs.
if (typeof process == 'object' && typeof globalThis.fetch == 'function') globalThis.fetch = undefined;
