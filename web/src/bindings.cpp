// The embind module: the names web/js/*.mjs call on the loaded wasm module.
#include <emscripten/bind.h>

#include <algorithm>
#include <thread>

#include "api.h"
#include "edgeflow/parallel.h"

using namespace edgeflow::web;

EMSCRIPTEN_BINDINGS(edgeflow_web) {
  using emscripten::function;
  function("tensorFromArray", &tensorFromArray);
  function("readData", &readData);
  function("hasTensor", &hasTensor);
  function("disposeTensor", &disposeTensor);
  function("keepTensor", &keepTensor);
  function("tensorToString", &tensorToString);
  function("runOp", &runOp);
  function("opNames", &opNames);
  function("startScope", &startScope);
  function("endScope", &endScope);
  function("abortScope", &abortScope);
  function("memory", &memoryInfo);
  function("startProfile", &startProfile);
  function("endProfile", &endProfile);
  function("backendName", &backendName);
  function("numThreads", &edgeflow::numThreads);  // parallelFor's pool, caller included
  function("chunksRunOnPoolThreads", +[] { return static_cast<double>(edgeflow::chunksRunOnPoolThreads()); });
  // For tests: at most one thread per core (the threaded module pre-starts only that many Workers).
  function("setNumThreads", +[](int n) {
    edgeflow::setNumThreads(std::clamp(n, 1, std::max(1, static_cast<int>(std::thread::hardware_concurrency()))));
  });
  function("gradients", &gradients);
  function("variableGradients", &variableGradients);
  function("customGradient", &customGradient);
  function("makeVariable", &makeVariable);
  function("assignVariable", &assignVariable);
  function("disposeVariables", &disposeAllVariables);
}
