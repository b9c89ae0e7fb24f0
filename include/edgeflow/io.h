// tf.io: model artifacts (model.json + binary weight shards) read and written the way TF.js and
// tensorflowjs_converter do, and the handlers that move them: a directory on disk (plain path or
// file://), memory, and HTTP(S).
//
//   auto artifacts = edgeflow::io::fileSystem("models/mnist/model.json")->load();
//   auto weights = edgeflow::io::decodeWeights(*artifacts.weightData, *artifacts.weightSpecs);
//   edgeflow::io::fileSystem("out/mnist", {.quantize = edgeflow::io::QuantizeOptions{.dtype = "uint8"}})
//       ->save(artifacts);
//
// JSON values are nlohmann::ordered_json (keys keep their order, as JSON.stringify does), so this
// header needs nlohmann-json on the include path. See docs/model-files.md.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "edgeflow/tensor.h"

namespace edgeflow {
class LayersModel;
}

namespace edgeflow::io {

using Json = nlohmann::ordered_json;

// tf.NamedTensor. Weights decode to a list in manifest order.
struct NamedTensor {
  std::string name{};
  Tensor tensor{};
};
using NamedTensorMap = std::map<std::string, Tensor>;
NamedTensorMap toNamedTensorMap(const std::vector<NamedTensor>& tensors);

// How a weight is stored when quantized: uint8/uint16 hold q with value = q * scale + min;
// float16 holds IEEE half floats.
struct Quantization {
  std::string dtype{};                       // "uint8" | "uint16" | "float16"
  std::optional<double> scale{};
  std::optional<double> min{};
  std::optional<std::string> originalDtype{};  // tensorflowjs_converter's "original_dtype"
};

// One weight in a manifest (tf.io.WeightsManifestEntry).
struct WeightsManifestEntry {
  std::string name{};
  Shape shape{};
  std::string dtype{};                 // "float32" | "int32" | "bool" (also "string", "complex64")
  std::optional<std::string> group{};  // "model" | "optimizer"
  std::optional<Quantization> quantization{};
};

// The weights of one group are concatenated and split over `paths` (the shards).
struct WeightsManifestGroupConfig {
  std::vector<std::string> paths{};
  std::vector<WeightsManifestEntry> weights{};
};
using WeightsManifestConfig = std::vector<WeightsManifestGroupConfig>;

// tf.io.ModelArtifacts. A null Json means "absent". weightData holds every weight's bytes in
// weightSpecs order (all groups concatenated).
struct ModelArtifacts {
  Json modelTopology{};
  Json trainingConfig{};
  std::optional<std::vector<WeightsManifestEntry>> weightSpecs{};
  std::optional<std::vector<uint8_t>> weightData{};
  std::optional<std::string> format{};       // "layers-model" | "graph-model"
  std::optional<std::string> generatedBy{};
  std::optional<std::string> convertedBy{};  // absent is written as null, as TF.js does
  Json signature{};
  Json userDefinedMetadata{};
  Json modelInitializer{};
  Json initializerSignature{};
};

// The model.json file itself (tf.io.ModelJSON).
struct ModelJSON {
  Json modelTopology{};
  Json trainingConfig{};
  std::optional<WeightsManifestConfig> weightsManifest{};
  std::optional<std::string> format{};
  std::optional<std::string> generatedBy{};
  std::optional<std::string> convertedBy{};
  Json signature{};
  Json userDefinedMetadata{};
  Json modelInitializer{};
  Json initializerSignature{};
};

struct ModelArtifactsInfo {
  std::string dateSaved{};  // ISO 8601, UTC
  std::string modelTopologyType = "JSON";
  int64_t modelTopologyBytes = 0;
  int64_t weightSpecsBytes = 0;
  int64_t weightDataBytes = 0;
};

struct SaveResult {
  ModelArtifactsInfo modelArtifactsInfo{};
  std::vector<std::string> files{};  // what was written (model.json last)
};

// ---- model.json and manifests ------------------------------------------------------------------

// Parses model.json text. `source` names the file or URL in error messages; malformed JSON is
// reported with its byte position. Accepts every layout TF.js and the converter have written.
ModelJSON parseModelJSON(std::string_view text, const std::string& source = "model.json");
// A weights manifest: a bare JSON array of groups (weights_manifest.json) or a model.json.
WeightsManifestConfig parseWeightsManifest(std::string_view text, const std::string& source = "manifest");
WeightsManifestConfig weightsManifestFromJson(const Json& manifest, const std::string& source = "manifest");
Json toJson(const ModelJSON& modelJSON);
Json toJson(const WeightsManifestConfig& manifest);
Json toJson(const WeightsManifestEntry& entry);
WeightsManifestEntry weightsManifestEntryFromJson(const Json& entry, const std::string& where = "weight");

// tf.io.getModelJSONForModelArtifacts / getModelArtifactsForJSON / getWeightSpecs.
ModelJSON getModelJSONForModelArtifacts(const ModelArtifacts& artifacts, WeightsManifestConfig manifest);
ModelArtifacts getModelArtifactsForJSON(const ModelJSON& modelJSON, std::optional<std::vector<uint8_t>> weightData);
std::vector<WeightsManifestEntry> getWeightSpecs(const WeightsManifestConfig& manifest);
ModelArtifactsInfo getModelArtifactsInfoForJSON(const ModelArtifacts& artifacts);

// The layers-model config inside a topology: modelTopology itself (what TF.js writes) or its
// "model_config" (what the Keras converter writes), as tf.loadLayersModel does.
const Json& layersModelConfig(const Json& modelTopology);

// ---- weights -----------------------------------------------------------------------------------

// Bytes a weight takes in the weight data (quantized size when quantized). Throws for unknown
// dtypes and sizes that overflow. "string" weights have no static size: pass the bytes that start
// at the weight (data, available) to measure them.
int64_t weightByteLength(const WeightsManifestEntry& spec, const uint8_t* data = nullptr, size_t available = 0);

struct EncodedWeights {
  std::vector<uint8_t> data{};
  std::vector<WeightsManifestEntry> specs{};
};
// tf.io.encodeWeights: float32, int32 and bool tensors, in order; `group` tags every spec.
EncodedWeights encodeWeights(const std::vector<NamedTensor>& tensors, const std::optional<std::string>& group = {});
// tf.io.decodeWeights: dequantizes, checks the data covers exactly the specs.
std::vector<NamedTensor> decodeWeights(const uint8_t* data, size_t size, const std::vector<WeightsManifestEntry>& specs);
std::vector<NamedTensor> decodeWeights(const std::vector<uint8_t>& data, const std::vector<WeightsManifestEntry>& specs);

// Weight quantization as tensorflowjs_converter's --quantize_uint8/uint16/float16: float32
// weights whose names match one of `weights` (patterns with * and ?) are stored as uint8/uint16
// with the converter's zero-preserving min/scale nudging, or as float16.
struct QuantizeOptions {
  std::string dtype{};                       // "uint8" | "uint16" | "float16"
  std::vector<std::string> weights{"*"};
};
ModelArtifacts quantizeArtifacts(const ModelArtifacts& artifacts, const QuantizeOptions& options);

// ---- handlers ----------------------------------------------------------------------------------

struct LoadOptions {
  std::map<std::string, std::string> requestHeaders{};  // HTTP: requestInit.headers
  std::string weightPathPrefix{};  // HTTP: where the shards are (default: beside model.json)
  std::function<std::string(const std::string& weightFileName)> weightUrlConverter{};
  std::function<void(double fraction)> onProgress{};
  int timeoutSeconds = 60;  // HTTP connect/read timeout
};

struct SaveOptions {
  int64_t shardSizeBytes = 4 * 1024 * 1024;   // the converter's default
  std::optional<QuantizeOptions> quantize{};
  // A directory that holds weight files of another model is refused unless this is set.
  bool overwrite = false;
};

// tf.io.IOHandler. A handler may load, save, or both.
class IOHandler {
 public:
  virtual ~IOHandler();
  virtual bool canLoad() const { return false; }
  virtual bool canSave() const { return false; }
  virtual ModelArtifacts load();
  virtual SaveResult save(const ModelArtifacts& artifacts);
};
using IOHandlerPtr = std::shared_ptr<IOHandler>;

// tfjs-node's tf.io.fileSystem. Loading: a model.json path, or a directory holding model.json
// (a bare weights manifest loads as weights only). Saving: a directory (model.json and
// group1-shardKofN.bin are written there, atomically) or a path ending in .json.
IOHandlerPtr fileSystem(const std::string& path, const SaveOptions& saveOptions = {});
// tf.io.http: GET model.json and its shards (relative to the model.json URL or
// weightPathPrefix); save POSTs multipart model.json + model.weights.bin as TF.js does.
// Not available in the WebAssembly build.
IOHandlerPtr http(const std::string& url, const LoadOptions& options = {});
bool httpSupported();   // false in wasm and in builds without cpp-httplib
bool httpsSupported();
bool isHTTPScheme(const std::string& url);
// tf.io.fromMemory / withSaveHandler.
IOHandlerPtr fromMemory(ModelArtifacts artifacts);
IOHandlerPtr withSaveHandler(std::function<SaveResult(const ModelArtifacts&)> saveHandler);
// tf.io.getLoadHandlers / getSaveHandlers: http(s):// URLs, file:// URLs and plain paths.
std::vector<IOHandlerPtr> getLoadHandlers(const std::string& url, const LoadOptions& options = {});
std::vector<IOHandlerPtr> getSaveHandlers(const std::string& url, const SaveOptions& options = {});

// tf.io.loadWeights: the tensors of a manifest whose shards are under filePathPrefix (a
// directory, file:// or http(s):// URL); only `weightNames` if given.
std::vector<NamedTensor> loadWeights(const WeightsManifestConfig& manifest, const std::string& filePathPrefix,
                                     const std::vector<std::string>& weightNames = {},
                                     const LoadOptions& options = {});

// tf.io model management over a directory of models (each model in its own subdirectory).
// URLs are file:// URLs or plain paths.
std::map<std::string, ModelArtifactsInfo> listModels(const std::string& directory);
ModelArtifactsInfo copyModel(const std::string& sourceURL, const std::string& destURL);
ModelArtifactsInfo moveModel(const std::string& sourceURL, const std::string& destURL);
// Deletes model.json and the shards it lists (and the directory if that leaves it empty).
ModelArtifactsInfo removeModel(const std::string& url);

// ---- layers models -----------------------------------------------------------------------------

// model.save(handlerOrURL, config): the topology (model.toJSON()), the weights under their
// original names and, with includeOptimizer, the optimizer's weights in group "optimizer".
struct ModelSaveConfig {
  bool includeOptimizer = false;
  bool trainableOnly = false;
  Json userDefinedMetadata{};  // model.setUserDefinedMetadata
};
ModelArtifacts modelArtifacts(const LayersModel& model, const ModelSaveConfig& config = {});
SaveResult saveModel(const LayersModel& model, const IOHandlerPtr& handler, const ModelSaveConfig& config = {});
// A directory, file:// or http(s):// URL; options apply to directories (shards, quantization).
SaveResult saveModel(const LayersModel& model, const std::string& url, const SaveOptions& options = {},
                     const ModelSaveConfig& config = {});

// Builds the model of a topology and sets its weights, checking the weights against the model
// first (count, names and shapes, naming layer and weight). `source` names the file in errors.
// Unknown layer classes, inbound nodes that name no layer and cyclic topologies are refused.
LayersModel layersModelFromArtifacts(const ModelArtifacts& artifacts, bool strict = true,
                                     const std::string& source = "model.json");

}  // namespace edgeflow::io

namespace edgeflow {
// tf.loadLayersModel: from a directory or model.json path, file:// or http(s):// URL, or a
// handler (io::fromMemory(...)). strict: every model weight must be in the file and vice versa.
LayersModel loadLayersModel(const std::string& url, const io::LoadOptions& options = {}, bool strict = true);
LayersModel loadLayersModel(const io::IOHandlerPtr& handler, bool strict = true);
}  // namespace edgeflow
