// The functions the wasm module exports to web/js (registered in bindings.cpp). Tensors are passed
// as ids; a tensor returned to JS is a descriptor {id, dtype, shape}.
#pragma once
#include <string>
#include <vector>

#include <emscripten/val.h>

#include "edgeflow/tensor.h"

namespace edgeflow::web {

using emscripten::val;

// Registers t and describes it for JS: {id, dtype, shape}.
val describe(const Tensor& t);
std::vector<Tensor> tensorsOf(const val& ids, const std::string& what);

// Tensors and data (tensor_api.cpp).
val tensorFromArray(const val& values, const val& shape, const std::string& dtype);
val readData(double id);
bool hasTensor(double id);
void disposeTensor(double id);
void keepTensor(double id);
std::string tensorToString(double id, bool verbose);
val runOp(const std::string& name, const val& inputIds, const std::string& attrsJson);
val opNames();

// Scopes and memory.
void startScope(const std::string& name);
void endScope(const val& keepIds);
void abortScope();
val memoryInfo();
// tf.profile's halves: JS runs the profiled function between them.
void startProfile();
val endProfile();
std::string backendName();

// Gradients and variables (grad_api.cpp). f is a JS function returning the id of its result, or
// -1 when it threw (the JS side keeps the error and rethrows it).
val gradients(const val& f, const val& xIds, double dyId);
val variableGradients(const val& f, const val& varIds);
// customGrad: forward(inputIds) returns [valueId, saveIds, gradFunc(dy descriptor, savedIds) -> ids], or
// -1 when the user's f threw (so does gradFunc); the tape calls gradFunc during backprop.
val customGradient(const val& forward, const val& inputIds);
val makeVariable(double id, bool trainable, const std::string& name, const std::string& dtype);
void assignVariable(double varId, double valueId);
void disposeAllVariables();

}  // namespace edgeflow::web
