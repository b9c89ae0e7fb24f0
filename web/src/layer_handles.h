// The layers, models and symbolic tensors JavaScript holds, by id (as handles.h does for tensors).
// A layer stays alive until JS disposes it; symbolic tensors live as long as the graph that made them.
#pragma once
#include <string>
#include <vector>

#include <emscripten/val.h>
#include <nlohmann/json.hpp>

#include "edgeflow/models.h"

namespace edgeflow::web {

using emscripten::val;
using Json = nlohmann::ordered_json;

double addLayer(const Layer& layer);
Layer layerOf(double id, const std::string& what);
LayersModel modelOf(double id, const std::string& what);
void forgetLayer(double id);

// {id, name, className, isModel, isSequential} for JS to wrap.
val describeLayer(const Layer& layer);
double addSymbolic(const SymbolicTensor& t);
SymbolicTensor symbolicOf(double id, const std::string& what);
// {symbolicId, name, shape (null = any), dtype, layerId}.
val describeSymbolic(const SymbolicTensor& t);
val describeAll(const std::vector<SymbolicTensor>& ts);

// JSON text from JS; errors name `what`.
Json parseJson(const std::string& text, const std::string& what);
val shapeToJs(const Shape& shape);

}  // namespace edgeflow::web
