// LayersModel for JS: compile, one training step, evaluate, predict, summary, and the model
// artifacts that tf.io handlers save and load. fit() itself is a JS loop over trainOnBatch so that
// the page gets the event loop between batches (web/js/training.mjs).
#include <emscripten/bind.h>

#include "api.h"
#include "handles.h"
#include "edgeflow/io.h"
#include "edgeflow/layers/config_json.h"
#include "edgeflow/train/optimizers.h"
#include "js_error.h"
#include "layer_handles.h"

namespace edgeflow::web {
namespace {

using emscripten::typed_memory_view;

// A loss or metric: a name, or {"jsFunction": k, "name": ...}: functions[k], a JS wrapper
// (yTrue, yPred descriptors) -> result id, or -1 when the user's function threw (JS rethrows it).
LossOrMetric lossOrMetric(const Json& e, const val& functions) {
  if (e.is_string()) return LossOrMetric(e.get<std::string>());
  if (!e.is_object() || !e.contains("jsFunction")) throw Error("compile: a loss or metric must be a name or a function");
  val f = functions[e["jsFunction"].get<unsigned>()];
  std::string name = e.value("name", std::string());
  return LossOrMetric(
      [f, name](const Tensor& yTrue, const Tensor& yPred) {
        // The training step's scopes own these tensors: JS sees them only during the call.
        val t = describe(yTrue), p = describe(yPred);
        double id = f(t, p).as<double>();
        handles().forget(t["id"].as<double>());
        handles().forget(p["id"].as<double>());
        if (id < 0) throw Error("compile: the function '" + name + "' threw");
        Tensor result = handles().get(id, "the result of '" + name + "'");
        handles().forget(id);
        return result;
      },
      name);
}

std::vector<LossOrMetric> lossList(const Json& j, const val& functions) {
  std::vector<LossOrMetric> out;
  for (const auto& e : j) out.push_back(lossOrMetric(e, functions));
  return out;
}

// optimizer: a name or {className, config}; loss: a name, a list or {outputName: name};
// metrics: a list of names or {outputName: [names]}; functions given as {"jsFunction": k}.
void modelCompile(double id, const std::string& optimizerJson, const std::string& lossJson,
                  const std::string& metricsJson, const val& functions) {
  guarded([&] {
    LayersModel m = modelOf(id, "compile");
    ModelCompileArgs args;
    Json opt = parseJson(optimizerJson, "compile optimizer");
    if (opt.is_string()) {
      args.optimizer = opt.get<std::string>();
    } else if (opt.is_object() && opt.contains("className")) {
      args.optimizer = train::optimizerFromConfig(opt["className"].get<std::string>(),
                                                  fromJson(opt.value("config", Json::object())));
    }
    Json loss = parseJson(lossJson, "compile loss");
    if (loss.is_string() || (loss.is_object() && loss.contains("jsFunction"))) {
      args.loss = lossOrMetric(loss, functions);
    } else if (loss.is_array()) {
      args.loss = lossList(loss, functions);
    } else if (loss.is_object()) {
      std::map<std::string, LossOrMetric> named;
      for (auto& [k, v] : loss.items()) named[k] = lossOrMetric(v, functions);
      args.loss = named;
    }
    Json metrics = parseJson(metricsJson, "compile metrics");
    if (metrics.is_string() || (metrics.is_object() && metrics.contains("jsFunction"))) {
      args.metrics = lossOrMetric(metrics, functions);
    } else if (metrics.is_array()) {
      args.metrics = lossList(metrics, functions);
    } else if (metrics.is_object()) {
      std::map<std::string, std::vector<LossOrMetric>> named;
      for (auto& [k, v] : metrics.items()) named[k] = lossList(v.is_array() ? v : Json::array({v}), functions);
      args.metrics = named;
    }
    m.compile(args);
  });
}

val numbers(const std::vector<double>& xs) {
  val out = val::array();
  for (size_t i = 0; i < xs.size(); ++i) out.set(i, xs[i]);
  return out;
}

val describeTensors(const std::vector<Tensor>& ts) {
  val out = val::array();
  for (size_t i = 0; i < ts.size(); ++i) out.set(i, describe(ts[i]));
  return out;
}

ModelData dataOf(const val& ids, const std::string& what) { return ModelData(tensorsOf(ids, what)); }

val modelTrainOnBatch(double id, const val& xIds, const val& yIds) {
  return guarded([&] {
    LayersModel m = modelOf(id, "trainOnBatch");
    return numbers(m.trainOnBatch(dataOf(xIds, "trainOnBatch x"), dataOf(yIds, "trainOnBatch y")));
  });
}

val modelEvaluate(double id, const val& xIds, const val& yIds, double batchSize) {
  return guarded([&] {
    LayersModel m = modelOf(id, "evaluate");
    ModelEvaluateArgs args;
    if (batchSize > 0) args.batchSize = static_cast<int64_t>(batchSize);
    return describeTensors(m.evaluate(dataOf(xIds, "evaluate x"), dataOf(yIds, "evaluate y"), args));
  });
}

val modelPredict(double id, const val& xIds, double batchSize) {
  return guarded([&] {
    LayersModel m = modelOf(id, "predict");
    ModelPredictArgs args;
    if (batchSize > 0) args.batchSize = static_cast<int64_t>(batchSize);
    return describeTensors(m.predictMulti(dataOf(xIds, "predict x"), args));
  });
}

val modelPredictOnBatch(double id, const val& xIds) {
  return guarded([&] {
    return describeTensors(modelOf(id, "predictOnBatch").predictOnBatchMulti(dataOf(xIds, "predictOnBatch x")));
  });
}

val modelMetricsNames(double id) {
  return guarded([&] {
    auto names = modelOf(id, "metricsNames").metricsNames();
    val out = val::array();
    for (size_t i = 0; i < names.size(); ++i) out.set(i, names[i]);
    return out;
  });
}

bool modelStopTraining(double id) {
  return guarded([&] { return modelOf(id, "stopTraining").stopTraining(); });
}

void modelSetStopTraining(double id, bool stop) {
  guarded([&] { modelOf(id, "stopTraining").setStopTraining(stop); });
}

val modelSummary(double id, double lineLength, const val& positions) {
  return guarded([&] {
    std::vector<double> pos;
    for (unsigned i = 0, n = positions["length"].as<unsigned>(); i < n; ++i) pos.push_back(positions[i].as<double>());
    val lines = val::array();
    unsigned n = 0;
    modelOf(id, "summary").summary(lineLength > 0 ? std::optional<int>(int(lineLength)) : std::nullopt, pos,
                                   [&](const std::string& line) { lines.set(n++, line); });
    return lines;
  });
}

// {modelTopology, trainingConfig, weightSpecs, format, generatedBy, convertedBy} as JSON text and
// the weight bytes, for tf.io save handlers.
val modelArtifacts(double id, bool includeOptimizer, const std::string& userDefinedMetadataJson) {
  return guarded([&] {
    io::ModelSaveConfig config{.includeOptimizer = includeOptimizer};
    if (!userDefinedMetadataJson.empty()) config.userDefinedMetadata = parseJson(userDefinedMetadataJson, "metadata");
    io::ModelArtifacts a = io::modelArtifacts(modelOf(id, "save"), config);
    Json j = Json::object();
    j["modelTopology"] = a.modelTopology;
    if (!a.trainingConfig.is_null()) j["trainingConfig"] = a.trainingConfig;
    Json specs = Json::array();
    for (const auto& s : a.weightSpecs.value_or(std::vector<io::WeightsManifestEntry>{})) specs.push_back(io::toJson(s));
    j["weightSpecs"] = specs;
    if (a.format) j["format"] = *a.format;
    if (a.generatedBy) j["generatedBy"] = *a.generatedBy;
    j["convertedBy"] = a.convertedBy ? Json(*a.convertedBy) : Json(nullptr);
    if (!a.userDefinedMetadata.is_null()) j["userDefinedMetadata"] = a.userDefinedMetadata;
    val out = val::object();
    out.set("json", j.dump());
    const auto& bytes = a.weightData.value_or(std::vector<uint8_t>{});
    out.set("weightData", val(typed_memory_view(bytes.size(), bytes.data())).call<val>("slice"));
    return out;
  });
}

// tf.loadLayersModel's last step: artifacts (JSON text as modelArtifacts returns, weightSpecs
// included) and the weight bytes. `source` (the URL) names the model in errors.
val modelFromArtifacts(const std::string& artifactsJson, const val& weightData, bool strict, const std::string& source) {
  return guarded([&] {
    Json j = parseJson(artifactsJson, source);
    if (!j.is_object() || !j.contains("modelTopology") || j["modelTopology"].is_null())
      throw Error(source + ": the model artifacts have no modelTopology");
    io::ModelArtifacts a;
    a.modelTopology = j["modelTopology"];
    if (j.contains("trainingConfig")) a.trainingConfig = j["trainingConfig"];
    if (j.contains("format") && j["format"].is_string()) a.format = j["format"].get<std::string>();
    if (j.contains("weightSpecs") && j["weightSpecs"].is_array()) {
      std::vector<io::WeightsManifestEntry> specs;
      for (size_t i = 0; i < j["weightSpecs"].size(); ++i)
        specs.push_back(io::weightsManifestEntryFromJson(j["weightSpecs"][i], source + " weight " + std::to_string(i)));
      a.weightSpecs = specs;
      a.weightData = emscripten::convertJSArrayToNumberVector<uint8_t>(weightData);
    }
    if (j.contains("userDefinedMetadata")) a.userDefinedMetadata = j["userDefinedMetadata"];
    return describeLayer(io::layersModelFromArtifacts(a, strict, source));
  });
}

}  // namespace
}  // namespace edgeflow::web

EMSCRIPTEN_BINDINGS(edgeflow_models) {
  using emscripten::function;
  using namespace edgeflow::web;
  function("modelCompile", &modelCompile);
  function("modelTrainOnBatch", &modelTrainOnBatch);
  function("modelEvaluate", &modelEvaluate);
  function("modelPredict", &modelPredict);
  function("modelPredictOnBatch", &modelPredictOnBatch);
  function("modelMetricsNames", &modelMetricsNames);
  function("modelStopTraining", &modelStopTraining);
  function("modelSetStopTraining", &modelSetStopTraining);
  function("modelSummary", &modelSummary);
  function("modelArtifacts", &modelArtifacts);
  function("modelFromArtifacts", &modelFromArtifacts);
}
