#include "layer_handles.h"

#include <map>

#include "handles.h"


namespace edgeflow::web {

namespace {
std::map<int64_t, Layer>& layerMap() {
  static auto* m = new std::map<int64_t, Layer>();  // never destroyed: layers own variables
  return *m;
}
std::map<int64_t, SymbolicTensor>& symbolicMap() {
  static auto* m = new std::map<int64_t, SymbolicTensor>();
  return *m;
}
bool isModel(const Layer& layer) {
  try {
    LayersModel m(layer);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}
}  // namespace

double addLayer(const Layer& layer) {
  layerMap().emplace(layer.id(), layer);
  return static_cast<double>(layer.id());
}

Layer layerOf(double id, const std::string& what) {
  auto it = layerMap().find(handleKey(id));
  if (it == layerMap().end()) throw Error(what + ": the layer or model is disposed");
  return it->second;
}

LayersModel modelOf(double id, const std::string& what) {
  Layer l = layerOf(id, what);
  if (!isModel(l)) throw Error(what + ": layer '" + l.name() + "' (" + l.getClassName() + ") is not a model");
  return LayersModel(l);
}

void forgetLayer(double id) { layerMap().erase(handleKey(id)); }

val describeLayer(const Layer& layer) {
  val out = val::object();
  out.set("id", addLayer(layer));
  out.set("name", layer.name());
  out.set("className", layer.getClassName());
  bool model = isModel(layer);
  out.set("isModel", model);
  out.set("isSequential", model && layer.getClassName() == "Sequential");
  return out;
}

double addSymbolic(const SymbolicTensor& t) {
  symbolicMap().emplace(t.id(), t);
  return static_cast<double>(t.id());
}

SymbolicTensor symbolicOf(double id, const std::string& what) {
  auto it = symbolicMap().find(handleKey(id));
  if (it == symbolicMap().end()) throw Error(what + ": unknown SymbolicTensor");
  return it->second;
}

val shapeToJs(const Shape& shape) {
  val out = val::array();
  for (size_t i = 0; i < shape.size(); ++i)
    out.set(i, shape[i] < 0 ? val::null() : val(static_cast<double>(shape[i])));
  return out;
}

val describeSymbolic(const SymbolicTensor& t) {
  val out = val::object();
  out.set("symbolicId", addSymbolic(t));
  out.set("name", t.name());
  out.set("shape", shapeToJs(t.shape()));
  out.set("dtype", std::string(dtypeName(t.dtype())));
  Layer source = t.sourceLayer();
  if (source.defined()) out.set("layerId", addLayer(source));
  return out;
}

val describeAll(const std::vector<SymbolicTensor>& ts) {
  val out = val::array();
  for (size_t i = 0; i < ts.size(); ++i) out.set(i, describeSymbolic(ts[i]));
  return out;
}

Json parseJson(const std::string& text, const std::string& what) {
  try {
    return Json::parse(text);
  } catch (const std::exception& e) {
    throw Error(what + ": not valid JSON (" + e.what() + ")");
  }
}

}  // namespace edgeflow::web
