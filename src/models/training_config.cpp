// getTrainingConfig / loadTrainingConfig (tfjs-layers' LayersModel): what compile() was given, as
// model.save({includeOptimizer}) writes it and loadLayersModel compiles from it.
#include "edgeflow/layers/config_json.h"
#include "layers/common.h"
#include "models/model_impl.h"
#include "models/pythonic.h"

namespace edgeflow {

using layers_internal::toCamelCase;
using layers_internal::toSnakeCase;

namespace {

std::string lossName(const LossOrMetric& l) {
  if (!l.isName()) throw Error("Serialization of non-string loss is not supported.");
  return toSnakeCase(l.name());
}

Json metricNames(const std::vector<LossOrMetric>& list) {
  Json out = Json::array();
  for (auto& m : list) out.push_back(toSnakeCase(m.name()));  // a function: the name it is logged as
  return out;
}

std::string camel(const Json& v, const char* what) {
  if (!v.is_string()) throw Error(std::string("loadTrainingConfig: ") + what + " must be a name, got " + v.dump());
  return toCamelCase(v.get<std::string>());
}

}  // namespace

ConfigDict LayersModelImpl::getTrainingConfig() const {
  auto opt = optimizer();
  if (!compileArgs_ || !opt) throw Error("getTrainingConfig: the model " + name_ + " has not been compiled");
  const ModelCompileArgs& a = *compileArgs_;
  Json loss;
  if (a.loss.isNamed()) {
    loss = Json::object();
    for (auto& [output, l] : a.loss.named()) loss[output] = lossName(l);
  } else if (a.loss.isList()) {
    loss = Json::array();
    for (auto& l : a.loss.list()) loss.push_back(lossName(l));
  } else {
    loss = lossName(a.loss.list().at(0));
  }
  Json metrics = Json::object();  // TF.js: {} when compile() had no metrics
  if (a.metrics.isNamed()) {
    for (auto& [output, list] : a.metrics.named()) metrics[output] = metricNames(list).at(0);
  } else if (!a.metrics.empty()) {
    metrics = metricNames(a.metrics.list());
  }
  Json out{{"loss", loss},
           {"metrics", metrics},
           {"optimizer_config", {{"class_name", opt->getClassName()}, {"config", toJson(opt->getConfig())}}}};
  return fromJson(std::move(out));
}

void LayersModelImpl::loadTrainingConfig(const ConfigDict& trainingConfig) {
  const Json c = toJson(trainingConfig);
  if (!c.is_object()) throw Error("loadTrainingConfig: the training config must be an object, got " + c.dump());
  for (const char* unsupported : {"weighted_metrics", "loss_weights", "sample_weight_mode"})
    if (c.contains(unsupported) && !c[unsupported].is_null())
      throw Error(std::string("Loading ") + unsupported + " is not supported yet.");
  if (!c.contains("optimizer_config") || !c["optimizer_config"].is_object())
    throw Error("loadTrainingConfig: the training config has no optimizer_config");
  const Json opt = pythonicToTs(c["optimizer_config"]);
  if (!opt.contains("className") || !opt["className"].is_string())
    throw Error("loadTrainingConfig: optimizer_config has no class_name");
  ModelCompileArgs args;
  args.optimizer = train::optimizerFromConfig(opt["className"].get<std::string>(),
                                              fromJson(opt.value("config", Json::object())));
  const Json& loss = c.contains("loss") ? c["loss"] : Json();
  if (loss.is_string()) {
    args.loss = camel(loss, "loss");
  } else if (loss.is_array()) {
    std::vector<LossOrMetric> list;
    for (auto& l : loss) list.emplace_back(camel(l, "loss"));
    args.loss = list;
  } else if (loss.is_object()) {
    std::map<std::string, LossOrMetric> named;
    for (auto& [output, l] : loss.items()) named.emplace(output, camel(l, "loss"));
    args.loss = named;
  }
  const Json& metrics = c.contains("metrics") ? c["metrics"] : Json();
  if (metrics.is_array()) {
    std::vector<LossOrMetric> list;
    for (auto& m : metrics) list.emplace_back(camel(m, "metric"));
    args.metrics = list;
  } else if (metrics.is_object() && !metrics.empty()) {
    std::map<std::string, std::vector<LossOrMetric>> named;
    for (auto& [output, m] : metrics.items()) named[output] = {LossOrMetric(camel(m, "metric"))};
    args.metrics = named;
  }
  compile(args);
}

}  // namespace edgeflow
