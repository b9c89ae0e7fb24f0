// The embind module: the names web/js/*.mjs call on the loaded wasm module.
#include <emscripten/bind.h>

#include "api.h"

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
  function("backendName", &backendName);
  function("gradients", &gradients);
  function("variableGradients", &variableGradients);
  function("customGradient", &customGradient);
  function("makeVariable", &makeVariable);
  function("assignVariable", &assignVariable);
  function("disposeVariables", &disposeAllVariables);
}
