// tf.layers.*, tf.input, tf.sequential and tf.model for JS: layers are made from their TF.js
// config (the constructor's args are the camelCase config, as TF.js's fromConfig does).
#include <emscripten/bind.h>

#include "api.h"
#include "edgeflow/layers.h"
#include "edgeflow/layers/config_json.h"
#include "js_error.h"
#include "layer_handles.h"

namespace edgeflow::web {
namespace {

val layerCreate(const std::string& className, const std::string& configJson) {
  return guarded([&] {
    Json config = parseJson(configJson, "tf.layers." + className);
    return describeLayer(layers::deserialize(fromJson(Json{{"className", className}, {"config", config}})));
  });
}

val symbolicInput(const std::string& configJson) {
  return guarded([&] {
    Json c = parseJson(configJson, "tf.input");
    InputConfig config;
    auto dims = [](const Json& j) {
      Shape s;
      for (const auto& d : j) s.push_back(d.is_null() ? -1 : d.get<int64_t>());
      return s;
    };
    if (c.contains("shape") && !c["shape"].is_null()) config.shape = dims(c["shape"]);
    if (c.contains("batchShape") && !c["batchShape"].is_null()) config.batchShape = dims(c["batchShape"]);
    if (c.contains("name") && c["name"].is_string()) config.name = c["name"].get<std::string>();
    if (c.contains("dtype") && c["dtype"].is_string()) config.dtype = parseDType(c["dtype"].get<std::string>());
    return describeSymbolic(input(config));
  });
}

Kwargs kwargsOf(const std::string& kwargsJson) {
  Json k = parseJson(kwargsJson, "apply kwargs");
  Kwargs out;
  if (k.contains("training") && k["training"].is_boolean()) out.training = k["training"].get<bool>();
  return out;
}

// inputs: ids of SymbolicTensors (symbolic = true) or Tensors; returns descriptors of the outputs.
val layerApply(double id, const val& inputIds, bool symbolic, const std::string& kwargsJson) {
  return guarded([&] {
    Layer layer = layerOf(id, "apply");
    Kwargs kwargs = kwargsOf(kwargsJson);
    auto n = inputIds["length"].as<unsigned>();
    if (symbolic) {
      std::vector<SymbolicTensor> ins;
      for (unsigned i = 0; i < n; ++i) ins.push_back(symbolicOf(inputIds[i].as<double>(), layer.name() + ".apply"));
      return describeAll(layer.applyMulti(ins, kwargs));
    }
    auto outs = layer.applyMulti(tensorsOf(inputIds, layer.name() + ".apply"), kwargs);
    val out = val::array();
    for (size_t i = 0; i < outs.size(); ++i) out.set(i, describe(outs[i]));
    return out;
  });
}

// What JS reads off a layer: name, trainable, built, shapes, inputs/outputs of its calls.
val layerInfo(double id) {
  return guarded([&] {
    Layer l = layerOf(id, "layer");
    val out = describeLayer(l);
    out.set("trainable", l.trainable());
    out.set("built", l.built());
    try {
      val shapes = val::array();
      auto s = l.outputShapes();
      for (size_t i = 0; i < s.size(); ++i) shapes.set(i, shapeToJs(s[i]));
      out.set("outputShapes", shapes);
    } catch (const std::exception&) {
    }
    try {
      out.set("inputs", describeAll(l.getInputAt(0)));
      out.set("outputs", describeAll(l.getOutputAt(0)));
    } catch (const std::exception&) {
    }
    return out;
  });
}

std::string layerConfig(double id) {
  return guarded([&] { return toJson(layerOf(id, "getConfig").getConfig()).dump(); });
}

void layerSetTrainable(double id, bool trainable) {
  guarded([&] { layerOf(id, "trainable").setTrainable(trainable); });
}

double layerCountParams(double id) {
  return guarded([&] { return static_cast<double>(layerOf(id, "countParams").countParams()); });
}

val layerGetWeights(double id, bool trainableOnly) {
  return guarded([&] {
    auto ws = layerOf(id, "getWeights").getWeights(trainableOnly);
    val out = val::array();
    for (size_t i = 0; i < ws.size(); ++i) out.set(i, describe(ws[i]));
    return out;
  });
}

void layerSetWeights(double id, const val& tensorIds) {
  guarded([&] {
    Layer l = layerOf(id, "setWeights");
    l.setWeights(tensorsOf(tensorIds, l.name() + ".setWeights"));
  });
}

// The LayerVariables: [{name, originalName, shape, dtype, trainable, variableId}].
val layerWeightInfo(double id) {
  return guarded([&] {
    auto ws = layerOf(id, "weights").weights();
    val out = val::array();
    for (size_t i = 0; i < ws.size(); ++i) {
      val w = val::object();
      w.set("name", ws[i].name());
      w.set("originalName", ws[i].originalName());
      w.set("shape", shapeToJs(ws[i].shape()));
      w.set("dtype", std::string(dtypeName(ws[i].dtype())));
      w.set("trainable", ws[i].trainable());
      w.set("tensor", describe(ws[i].read()));
      out.set(i, w);
    }
    return out;
  });
}

val layerDispose(double id) {
  return guarded([&] {
    Layer l = layerOf(id, "dispose");
    DisposeResult r = l.dispose();
    if (r.refCountAfterDispose == 0) forgetLayer(id);
    val out = val::object();
    out.set("refCountAfterDispose", r.refCountAfterDispose);
    out.set("numDisposedVariables", r.numDisposedVariables);
    return out;
  });
}

// ---- models ----

val modelCreate(const val& inputIds, const val& outputIds, const std::string& name) {
  return guarded([&] {
    ContainerArgs args;
    args.name = name;
    for (unsigned i = 0, n = inputIds["length"].as<unsigned>(); i < n; ++i)
      args.inputs.push_back(symbolicOf(inputIds[i].as<double>(), "tf.model inputs"));
    for (unsigned i = 0, n = outputIds["length"].as<unsigned>(); i < n; ++i)
      args.outputs.push_back(symbolicOf(outputIds[i].as<double>(), "tf.model outputs"));
    return describeLayer(model(args));
  });
}

val sequentialCreate(const std::string& name) {
  return guarded([&] { return describeLayer(sequential({.name = name})); });
}

void sequentialAdd(double id, double layerId) {
  guarded([&] { Sequential(modelOf(id, "add").implPtr()).add(layerOf(layerId, "add")); });
}

void sequentialPop(double id) {
  guarded([&] { Sequential(modelOf(id, "pop").implPtr()).pop(); });
}

val modelLayers(double id) {
  return guarded([&] {
    auto ls = modelOf(id, "layers").layers();
    val out = val::array();
    for (size_t i = 0; i < ls.size(); ++i) out.set(i, describeLayer(ls[i]));
    return out;
  });
}

val modelGetLayer(double id, const val& nameOrIndex) {
  return guarded([&] {
    LayersModel m = modelOf(id, "getLayer");
    if (nameOrIndex.isString()) return describeLayer(m.getLayer(nameOrIndex.as<std::string>()));
    return describeLayer(m.getLayer(nameOrIndex.as<int>()));
  });
}

val modelIO(double id) {
  return guarded([&] {
    LayersModel m = modelOf(id, "model");
    val out = val::object();
    out.set("inputs", describeAll(m.inputs()));
    out.set("outputs", describeAll(m.outputs()));
    val names = val::array();
    auto in = m.inputNames(), on = m.outputNames();
    for (size_t i = 0; i < in.size(); ++i) names.set(i, in[i]);
    out.set("inputNames", names);
    val onames = val::array();
    for (size_t i = 0; i < on.size(); ++i) onames.set(i, on[i]);
    out.set("outputNames", onames);
    return out;
  });
}

std::string modelToJSON(double id) {
  return guarded([&] { return toJson(modelOf(id, "toJSON").toJSON()).dump(); });
}

}  // namespace
}  // namespace edgeflow::web

EMSCRIPTEN_BINDINGS(edgeflow_layers) {
  using emscripten::function;
  using namespace edgeflow::web;
  function("layerCreate", &layerCreate);
  function("symbolicInput", &symbolicInput);
  function("layerApply", &layerApply);
  function("layerInfo", &layerInfo);
  function("layerConfig", &layerConfig);
  function("layerSetTrainable", &layerSetTrainable);
  function("layerCountParams", &layerCountParams);
  function("layerGetWeights", &layerGetWeights);
  function("layerSetWeights", &layerSetWeights);
  function("layerWeightInfo", &layerWeightInfo);
  function("layerDispose", &layerDispose);
  function("modelCreate", &modelCreate);
  function("sequentialCreate", &sequentialCreate);
  function("sequentialAdd", &sequentialAdd);
  function("sequentialPop", &sequentialPop);
  function("modelLayers", &modelLayers);
  function("modelGetLayer", &modelGetLayer);
  function("modelIO", &modelIO);
  function("modelToJSON", &modelToJSON);
}
