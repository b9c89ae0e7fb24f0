// The LayersModel / Sequential handles, tf.sequential, tf.model, model (de)serialisation.
#include "edgeflow/models.h"

#include "edgeflow/layers/config_json.h"
#include "layers/common.h"
#include "layers/node.h"
#include "layers/serialization.h"
#include "models/model_impl.h"
#include "models/pythonic.h"

namespace edgeflow {

using namespace layers_internal;

namespace {

LayersModelImpl& modelOf(const std::shared_ptr<LayerImpl>& impl) {
  auto* m = dynamic_cast<LayersModelImpl*>(impl.get());
  if (!m) throw Error("LayersModel: the handle is empty or not a model");
  return *m;
}

Tensor single(const std::vector<Tensor>& outs, const char* what) {
  if (outs.size() != 1)
    throw Error(std::string(what) + ": the model has " + std::to_string(outs.size()) + " outputs; use " + what +
                "Multi()");
  return outs[0];
}

bool isNodeName(const std::string& key, size_t index, const Json& v) {
  return (key == "inboundNodes" || key == "outputLayers" || key == "inputLayers") && index == 0 && v.is_string();
}

Json tsToPythonic(const Json& c, const std::string& key = "") {
  if (c.is_null()) return nullptr;
  if (c.is_string()) return toSnakeCase(c.get<std::string>());
  if (c.is_number() || c.is_boolean()) return c;
  if (c.is_array()) {
    Json out = Json::array();
    for (size_t i = 0; i < c.size(); ++i) out.push_back(isNodeName(key, i, c[i]) ? c[i] : tsToPythonic(c[i], key));
    return out;
  }
  Json out = Json::object();
  for (auto& [k, v] : c.items()) {
    if ((k == "name" || k == "className") && v.is_string())
      out[toSnakeCase(k)] = v;
    else
      out[toSnakeCase(k)] = tsToPythonic(v, k);
  }
  return out;
}

// Container.fromConfig: recreates the layers, then replays their calls in dependency order.
std::shared_ptr<LayersModelImpl> functionalFromConfig(const Json& config) {
  std::map<std::string, std::shared_ptr<LayerImpl>> created;
  std::vector<std::pair<std::string, std::vector<Json>>> unprocessed;  // layer name -> node data, in order
  auto addUnprocessed = [&](const std::string& name, const Json& nodeData) {
    for (auto& [n, list] : unprocessed)
      if (n == name) {
        list.push_back(nodeData);
        return;
      }
    unprocessed.push_back({name, {nodeData}});
  };
  auto processNode = [&](const std::shared_ptr<LayerImpl>& layer, const Json& nodeData) {
    std::vector<SymbolicTensor> inputs;
    for (auto& in : nodeData) {
      std::string inbound = in.at(0).get<std::string>();
      int nodeIndex = in.at(1).get<int>();
      int tensorIndex = in.at(2).get<int>();
      auto it = created.find(inbound);
      if (it == created.end() || static_cast<int>(it->second->inboundNodes_.size()) <= nodeIndex) {
        addUnprocessed(layer->name(), nodeData);
        return;
      }
      inputs.emplace_back(it->second->inboundNodes_[size_t(nodeIndex)]->outputTensors.at(size_t(tensorIndex)));
    }
    if (!inputs.empty()) layer->apply(inputs);
  };
  const Json& layerConfigs = config.at("layers");
  for (auto& layerData : layerConfigs) {
    Layer layer = layers::deserialize(fromJson(Json{{"className", layerData.at("className")}, {"config", layerData.at("config")}}));
    created[layerData.at("name").get<std::string>()] = layer.implPtr();
    for (auto& nodeData : layerData.at("inboundNodes")) {
      if (!nodeData.is_array()) throw Error("Corrupted configuration, expected array for nodeData: " + nodeData.dump());
      addUnprocessed(layer.name(), nodeData);
    }
  }
  size_t guard = 0;
  while (!unprocessed.empty()) {
    if (++guard > 10000) throw Error("modelFromJSON: the layer graph cannot be resolved");
    for (auto& layerData : layerConfigs) {
      auto layer = created[layerData.at("name").get<std::string>()];
      auto it = std::find_if(unprocessed.begin(), unprocessed.end(), [&](auto& p) { return p.first == layer->name(); });
      if (it == unprocessed.end()) continue;
      auto nodes = it->second;
      unprocessed.erase(it);
      for (auto& nodeData : nodes) processNode(layer, nodeData);
    }
  }
  auto ends = [&](const char* key) {
    std::vector<SymbolicTensor> out;
    for (auto& d : config.at(key)) {
      auto& layer = created.at(d.at(0).get<std::string>());
      out.emplace_back(layer->inboundNodes_.at(d.at(1).get<size_t>())->outputTensors.at(d.at(2).get<size_t>()));
    }
    return out;
  };
  return std::make_shared<LayersModelImpl>(ContainerArgs{ends("inputLayers"), ends("outputLayers"), str(config, "name")});
}

std::shared_ptr<SequentialImpl> sequentialFromConfig(const Json& config) {
  const Json& layerList = config.is_array() ? config : config.at("layers");
  auto model = std::make_shared<SequentialImpl>(SequentialArgs{{}, config.is_array() ? "" : str(config, "name")});
  for (auto& conf : layerList) model->add(layers::deserialize(fromJson(conf)));
  return model;
}

}  // namespace

Json pythonicToTs(const Json& c, const std::string& key) {
  if (c.is_null()) return nullptr;
  if (c.is_string()) return toCamelCase(c.get<std::string>());
  if (c.is_number() || c.is_boolean()) return c;
  if (c.is_array()) {
    Json out = Json::array();
    for (size_t i = 0; i < c.size(); ++i) out.push_back(isNodeName(key, i, c[i]) ? c[i] : pythonicToTs(c[i], key));
    return out;
  }
  Json out = Json::object();
  for (auto& [k, v] : c.items()) {
    if (k == "name" && v.is_string()) {
      out[k] = v;
    } else {
      std::string tsKey = toCamelCase(k);
      out[tsKey] = pythonicToTs(v, tsKey);
    }
  }
  return out;
}

// ---- factories ----

LayersModel model(ContainerArgs args) { return LayersModel(std::make_shared<LayersModelImpl>(args)); }

Sequential sequential(SequentialArgs args) {
  auto impl = std::make_shared<SequentialImpl>(SequentialArgs{{}, args.name});
  for (auto& layer : args.layers) impl->add(layer);
  return Sequential(impl);
}

EF_REGISTER_LAYER("Sequential",
                  [](const ConfigDict& c) { return Layer(sequentialFromConfig(toJson(c))); });
EF_REGISTER_LAYER("Model", [](const ConfigDict& c) { return Layer(functionalFromConfig(toJson(c))); });

LayersModel modelFromJSON(const ConfigDict& modelTopology) {
  Json topology = toJson(modelTopology);
  if (topology.contains("modelTopology")) topology = topology["modelTopology"];
  if (topology.contains("model_config")) topology = topology["model_config"];
  if (topology.contains("class_name")) topology = pythonicToTs(topology);
  Layer layer = layers::deserialize(fromJson(Json{{"className", topology.at("className")}, {"config", topology.at("config")}}));
  return LayersModel(layer);
}

ConfigDict LayersModelImpl::toJSON() const {
  Json c{{"className", getClassName()},
         {"config", toJson(getConfig())},
         {"kerasVersion", "tfjs-layers 4.22.0"},
         {"backend", "TensorFlow.js"}};
  return fromJson(tsToPythonic(c));
}

// ---- LayersModel handle ----

LayersModel::LayersModel(std::shared_ptr<LayerImpl> impl) : Layer(std::move(impl)) {
  if (!dynamic_cast<LayersModelImpl*>(impl_.get())) throw Error("LayersModel: the layer is not a model");
}
LayersModel::LayersModel(const Layer& layer) : LayersModel(layer.implPtr()) {}

void LayersModel::compile(const ModelCompileArgs& args) const { modelOf(impl_).compile(args); }
History LayersModel::fit(const ModelData& x, const ModelData& y, const ModelFitArgs& args) const {
  return modelOf(impl_).fit(x, y, args);
}
std::vector<Tensor> LayersModel::evaluate(const ModelData& x, const ModelData& y, const ModelEvaluateArgs& args) const {
  return modelOf(impl_).evaluate(x, y, args);
}
Tensor LayersModel::predict(const ModelData& x, const ModelPredictArgs& args) const {
  return single(modelOf(impl_).predict(x, args), "predict");
}
std::vector<Tensor> LayersModel::predictMulti(const ModelData& x, const ModelPredictArgs& args) const {
  return modelOf(impl_).predict(x, args);
}
Tensor LayersModel::predictOnBatch(const ModelData& x) const {
  return single(modelOf(impl_).predictOnBatch(x), "predictOnBatch");
}
std::vector<Tensor> LayersModel::predictOnBatchMulti(const ModelData& x) const {
  return modelOf(impl_).predictOnBatch(x);
}
std::vector<double> LayersModel::trainOnBatch(const ModelData& x, const ModelData& y) const {
  return modelOf(impl_).trainOnBatch(x, y);
}
void LayersModel::summary(std::optional<int> lineLength, std::vector<double> positions,
                          const std::function<void(const std::string&)>& printFn) const {
  modelOf(impl_).summary(lineLength, std::move(positions), printFn);
}

std::vector<Layer> LayersModel::layers() const {
  std::vector<Layer> out;
  for (auto& l : modelOf(impl_).layers_) out.emplace_back(l);
  return out;
}
Layer LayersModel::getLayer(const std::string& name) const { return Layer(modelOf(impl_).getLayer(name)); }
Layer LayersModel::getLayer(int index) const { return Layer(modelOf(impl_).getLayer(index)); }
std::vector<SymbolicTensor> LayersModel::inputs() const { return modelOf(impl_).inputs_; }
std::vector<SymbolicTensor> LayersModel::outputs() const { return modelOf(impl_).outputs_; }
std::vector<std::string> LayersModel::inputNames() const { return modelOf(impl_).inputNames_; }
std::vector<std::string> LayersModel::outputNames() const { return modelOf(impl_).outputNames_; }
std::vector<std::string> LayersModel::metricsNames() const { return modelOf(impl_).metricsNames(); }
bool LayersModel::stopTraining() const { return modelOf(impl_).stopTraining(); }
void LayersModel::setStopTraining(bool stop) const { modelOf(impl_).setStopTraining(stop); }
train::OptimizerPtr LayersModel::optimizer() const { return modelOf(impl_).optimizer(); }
void LayersModel::setOptimizer(const train::OptimizerPtr& optimizer) const { modelOf(impl_).setOptimizer(optimizer); }
bool LayersModel::isTraining() const { return modelOf(impl_).isTraining(); }
ConfigDict LayersModel::toJSON() const { return modelOf(impl_).toJSON(); }
ConfigDict LayersModel::getTrainingConfig() const { return modelOf(impl_).getTrainingConfig(); }
void LayersModel::loadTrainingConfig(const ConfigDict& config) const { modelOf(impl_).loadTrainingConfig(config); }

std::vector<train::NamedTensor> LayersModel::getNamedWeights(bool trainableOnly) const {
  std::vector<train::NamedTensor> out;
  for (auto& w : trainableOnly ? trainableWeights() : weights()) out.push_back({w.originalName(), w.read()});
  return out;
}

void LayersModel::loadWeights(const std::map<std::string, Tensor>& weights, bool strict) const {
  std::map<std::string, LayerVariable> byName;
  size_t total = 0;
  for (auto& layer : modelOf(impl_).layers_)
    for (auto& w : layer->weights()) {
      if (byName.count(w.originalName())) throw Error("Duplicate weight name: " + w.originalName());
      byName[w.originalName()] = w;
      ++total;
    }
  std::vector<std::pair<LayerVariable, Tensor>> assignments;
  for (auto& [name, value] : weights) {
    std::string key = name;
    if (!byName.count(key)) {  // "a/b/c/kernel" may be stored as "a/kernel" (nested scopes dropped)
      auto parts = std::vector<std::string>{};
      for (size_t start = 0, slash; start <= name.size(); start = slash + 1) {
        slash = name.find('/', start);
        if (slash == std::string::npos) slash = name.size();
        parts.push_back(name.substr(start, slash - start));
      }
      if (parts.size() >= 2) {
        std::string shortened;
        for (size_t i = 0; i + 2 < parts.size(); ++i) shortened += parts[i] + "/";
        key = shortened + parts.back();
      }
    }
    auto it = byName.find(key);
    if (it != byName.end()) {
      assignments.emplace_back(it->second, value);
      byName.erase(it);
    } else if (strict) {
      throw Error("Provided weight data has no target variable: " + name);
    }
  }
  if (strict && !byName.empty()) {
    std::vector<std::string> unset;
    for (auto& kv : byName) unset.push_back(kv.first);
    throw Error(std::to_string(unset.size()) + " of " + std::to_string(total) +
                " weights are not set: " + joinNames(unset));
  }
  for (auto& [w, value] : assignments) w.write(value);
}

// ---- Sequential handle ----

static SequentialImpl& sequentialOf(const std::shared_ptr<LayerImpl>& impl) {
  auto* s = dynamic_cast<SequentialImpl*>(impl.get());
  if (!s) throw Error("Sequential: the handle is empty or not a Sequential model");
  return *s;
}

Sequential::Sequential(std::shared_ptr<LayerImpl> impl) : LayersModel(std::move(impl)) { sequentialOf(impl_); }
void Sequential::add(const Layer& layer) const { sequentialOf(impl_).add(layer); }
void Sequential::pop() const { sequentialOf(impl_).pop(); }

}  // namespace edgeflow
