// model.json and weights manifests: JSON <-> structs, in every layout TF.js and the converter
// have written (see docs/model-files.md), with errors that name the file and the weight.
#include <cmath>
#include <limits>

#include "io/io_internal.h"

namespace edgeflow::io {
namespace detail {

namespace {

constexpr int kMaxJsonDepth = 512;

struct TooDeep {};

}  // namespace

Json parseJson(std::string_view text, const std::string& source) {
  // A depth limit keeps hostile files from exhausting the stack in later recursive walks.
  auto limitDepth = [](int depth, Json::parse_event_t, Json&) {
    if (depth > kMaxJsonDepth) throw TooDeep{};
    return true;
  };
  try {
    return Json::parse(text.begin(), text.end(), limitDepth);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    auto pos = what.find("parse error");
    throw Error("io: malformed JSON in " + source + " at byte " + std::to_string(e.byte) + ": " +
                (pos == std::string::npos ? what : what.substr(pos)));
  } catch (const Json::exception& e) {  // e.g. out_of_range: a number too large for a double
    std::string what = e.what();
    auto pos = what.find("] ");
    throw Error("io: malformed JSON in " + source + ": " + (pos == std::string::npos ? what : what.substr(pos + 2)));
  } catch (const TooDeep&) {
    throw Error("io: JSON in " + source + " is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
}

std::string dumpJson(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string quote(std::string_view text) {
  if (text.size() > 80) return "'" + std::string(text.substr(0, 80)) + "...'";
  return "'" + std::string(text) + "'";
}

}  // namespace detail

using detail::quote;

namespace {

std::string typeName(const Json& j) { return j.type_name(); }

const Json* member(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> optionalString(const Json& object, const char* key, const std::string& where) {
  const Json* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw Error("io: " + where + ": \"" + key + "\" must be a string, got " + typeName(*v));
  return v->get<std::string>();
}

std::optional<double> optionalNumber(const Json& object, const char* key, const std::string& where) {
  const Json* v = member(object, key);
  if (!v) return std::nullopt;
  if (!v->is_number()) throw Error("io: " + where + ": \"" + key + "\" must be a number, got " + typeName(*v));
  return v->get<double>();
}

int64_t dimension(const Json& d, const std::string& where) {
  if (d.is_number_unsigned() || d.is_number_integer()) {
    if (d.is_number_integer() && !d.is_number_unsigned() && d.get<int64_t>() < 0)
      throw Error("io: " + where + ": negative dimension " + d.dump() + " in shape");
    if (d.is_number_unsigned() && d.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      throw Error("io: " + where + ": dimension " + d.dump() + " in shape is too large");
    return d.get<int64_t>();
  }
  if (d.is_number_float()) {
    double v = d.get<double>();
    if (v >= 0 && v < 9.2e18 && std::floor(v) == v) return static_cast<int64_t>(v);
  }
  throw Error("io: " + where + ": shape must hold non-negative integers, got " + quote(detail::dumpJson(d)));
}

Quantization quantizationFromJson(const Json& q, const std::string& where) {
  if (!q.is_object()) throw Error("io: " + where + ": \"quantization\" must be an object, got " + typeName(q));
  Quantization out;
  auto dtype = optionalString(q, "dtype", where + " quantization");
  if (!dtype) throw Error("io: " + where + ": quantization has no \"dtype\"");
  out.dtype = *dtype;
  out.scale = optionalNumber(q, "scale", where + " quantization");
  out.min = optionalNumber(q, "min", where + " quantization");
  out.originalDtype = optionalString(q, "original_dtype", where + " quantization");
  return out;
}

Json quantizationToJson(const Quantization& q) {
  Json j = Json::object();
  j["dtype"] = q.dtype;
  if (q.min) j["min"] = *q.min;
  if (q.scale) j["scale"] = *q.scale;
  if (q.originalDtype) j["original_dtype"] = *q.originalDtype;
  return j;
}

std::optional<std::string> nullableString(const Json& object, const char* key, const std::string& source) {
  return optionalString(object, key, source);
}

Json optionalJson(const Json& object, const char* key) {
  const Json* v = member(object, key);
  return v ? *v : Json();
}

}  // namespace

WeightsManifestEntry weightsManifestEntryFromJson(const Json& entry, const std::string& where) {
  if (!entry.is_object()) throw Error("io: " + where + " must be an object, got " + typeName(entry));
  WeightsManifestEntry out;
  auto name = optionalString(entry, "name", where);
  if (!name) throw Error("io: " + where + " has no \"name\"");
  out.name = *name;
  std::string here = where + " " + quote(out.name);
  const Json* shape = member(entry, "shape");
  if (!shape || !shape->is_array()) throw Error("io: " + here + ": \"shape\" must be an array");
  for (const auto& d : *shape) out.shape.push_back(dimension(d, here));
  auto dtype = optionalString(entry, "dtype", here);
  if (!dtype) throw Error("io: " + here + " has no \"dtype\"");
  out.dtype = *dtype;
  out.group = optionalString(entry, "group", here);
  if (const Json* q = member(entry, "quantization")) out.quantization = quantizationFromJson(*q, here);
  detail::validateSpec(out, here);
  return out;
}

Json toJson(const WeightsManifestEntry& e) {
  Json j = Json::object();
  j["name"] = e.name;
  j["shape"] = e.shape;
  j["dtype"] = e.dtype;
  if (e.group) j["group"] = *e.group;
  if (e.quantization) j["quantization"] = quantizationToJson(*e.quantization);
  return j;
}

WeightsManifestConfig weightsManifestFromJson(const Json& manifest, const std::string& source) {
  if (!manifest.is_array())
    throw Error("io: " + source + ": \"weightsManifest\" must be an array of groups, got " + typeName(manifest));
  WeightsManifestConfig out;
  for (size_t g = 0; g < manifest.size(); ++g) {
    const Json& group = manifest[g];
    std::string where = source + ": weightsManifest[" + std::to_string(g) + "]";
    if (!group.is_object()) throw Error("io: " + where + " must be an object, got " + typeName(group));
    WeightsManifestGroupConfig cfg;
    const Json* paths = member(group, "paths");
    if (!paths || !paths->is_array()) throw Error("io: " + where + ": \"paths\" must be an array of file names");
    for (const auto& p : *paths) {
      if (!p.is_string()) throw Error("io: " + where + ": \"paths\" must hold strings, got " + quote(detail::dumpJson(p)));
      cfg.paths.push_back(p.get<std::string>());
    }
    const Json* weights = member(group, "weights");
    if (!weights || !weights->is_array()) throw Error("io: " + where + ": \"weights\" must be an array");
    for (size_t i = 0; i < weights->size(); ++i)
      cfg.weights.push_back(weightsManifestEntryFromJson((*weights)[i], where + ".weights[" + std::to_string(i) + "]"));
    out.push_back(std::move(cfg));
  }
  return out;
}

Json toJson(const WeightsManifestConfig& manifest) {
  Json out = Json::array();
  for (const auto& group : manifest) {
    Json g = Json::object();
    g["paths"] = group.paths;
    Json weights = Json::array();
    for (const auto& w : group.weights) weights.push_back(toJson(w));
    g["weights"] = std::move(weights);
    out.push_back(std::move(g));
  }
  return out;
}

WeightsManifestConfig parseWeightsManifest(std::string_view text, const std::string& source) {
  Json j = detail::parseJson(text, source);
  if (j.is_object()) {
    const Json* m = member(j, "weightsManifest");
    if (!m) throw Error("io: " + source + " holds no weights manifest (neither a JSON array nor \"weightsManifest\")");
    return weightsManifestFromJson(*m, source);
  }
  return weightsManifestFromJson(j, source);
}

ModelJSON parseModelJSON(std::string_view text, const std::string& source) {
  Json j = detail::parseJson(text, source);
  ModelJSON out;
  if (j.is_array()) {  // a bare weights manifest (e.g. face-api.js's *-weights_manifest.json)
    out.weightsManifest = weightsManifestFromJson(j, source);
    return out;
  }
  if (!j.is_object()) throw Error("io: " + source + " must hold a JSON object, got " + typeName(j));
  out.modelTopology = optionalJson(j, "modelTopology");
  if (const Json* m = member(j, "weightsManifest")) out.weightsManifest = weightsManifestFromJson(*m, source);
  if (out.modelTopology.is_null() && !out.weightsManifest)
    throw Error("io: " + source + " contains neither model topology or manifest for weights");
  if (!out.modelTopology.is_null() && !out.modelTopology.is_object())
    throw Error("io: " + source + ": \"modelTopology\" must be an object, got " + typeName(out.modelTopology));
  out.trainingConfig = optionalJson(j, "trainingConfig");
  out.format = nullableString(j, "format", source);
  out.generatedBy = nullableString(j, "generatedBy", source);
  out.convertedBy = nullableString(j, "convertedBy", source);
  out.signature = optionalJson(j, "signature");
  out.userDefinedMetadata = optionalJson(j, "userDefinedMetadata");
  out.modelInitializer = optionalJson(j, "modelInitializer");
  out.initializerSignature = optionalJson(j, "initializerSignature");
  return out;
}

Json toJson(const ModelJSON& m) {
  // Key order of TF.js's getModelJSONForModelArtifacts.
  Json j = Json::object();
  j["modelTopology"] = m.modelTopology;
  if (m.format) j["format"] = *m.format;
  if (m.generatedBy) j["generatedBy"] = *m.generatedBy;
  j["convertedBy"] = m.convertedBy ? Json(*m.convertedBy) : Json();
  j["weightsManifest"] = m.weightsManifest ? toJson(*m.weightsManifest) : Json::array();
  if (!m.signature.is_null()) j["signature"] = m.signature;
  if (!m.userDefinedMetadata.is_null()) j["userDefinedMetadata"] = m.userDefinedMetadata;
  if (!m.modelInitializer.is_null()) j["modelInitializer"] = m.modelInitializer;
  if (!m.initializerSignature.is_null()) j["initializerSignature"] = m.initializerSignature;
  if (!m.trainingConfig.is_null()) j["trainingConfig"] = m.trainingConfig;
  return j;
}

ModelJSON getModelJSONForModelArtifacts(const ModelArtifacts& a, WeightsManifestConfig manifest) {
  ModelJSON m;
  m.modelTopology = a.modelTopology;
  m.trainingConfig = a.trainingConfig;
  m.weightsManifest = std::move(manifest);
  m.format = a.format;
  m.generatedBy = a.generatedBy;
  m.convertedBy = a.convertedBy;
  m.signature = a.signature;
  m.userDefinedMetadata = a.userDefinedMetadata;
  m.modelInitializer = a.modelInitializer;
  m.initializerSignature = a.initializerSignature;
  return m;
}

ModelArtifacts getModelArtifactsForJSON(const ModelJSON& m, std::optional<std::vector<uint8_t>> weightData) {
  ModelArtifacts a;
  a.modelTopology = m.modelTopology;
  a.trainingConfig = m.trainingConfig;
  a.format = m.format;
  a.generatedBy = m.generatedBy;
  a.convertedBy = m.convertedBy;
  if (m.weightsManifest) {
    if (!weightData) throw Error("io: modelJSON has weightsManifest but weightData is null");
    a.weightSpecs = getWeightSpecs(*m.weightsManifest);
    a.weightData = std::move(weightData);
  }
  a.signature = m.signature;
  a.userDefinedMetadata = m.userDefinedMetadata;
  a.modelInitializer = m.modelInitializer;
  a.initializerSignature = m.initializerSignature;
  return a;
}

std::vector<WeightsManifestEntry> getWeightSpecs(const WeightsManifestConfig& manifest) {
  std::vector<WeightsManifestEntry> specs;
  for (const auto& group : manifest) specs.insert(specs.end(), group.weights.begin(), group.weights.end());
  return specs;
}

ModelArtifactsInfo getModelArtifactsInfoForJSON(const ModelArtifacts& a) {
  ModelArtifactsInfo info;
  info.dateSaved = detail::nowIso8601();
  info.modelTopologyType = "JSON";
  info.modelTopologyBytes = a.modelTopology.is_null() ? 0 : static_cast<int64_t>(detail::dumpJson(a.modelTopology).size());
  if (a.weightSpecs) {
    Json specs = Json::array();
    for (const auto& s : *a.weightSpecs) specs.push_back(toJson(s));
    info.weightSpecsBytes = static_cast<int64_t>(detail::dumpJson(specs).size());
  }
  info.weightDataBytes = a.weightData ? static_cast<int64_t>(a.weightData->size()) : 0;
  return info;
}

const Json& layersModelConfig(const Json& modelTopology) {
  if (modelTopology.is_object()) {
    auto it = modelTopology.find("model_config");
    if (it != modelTopology.end() && !it->is_null()) return *it;
  }
  return modelTopology;
}

}  // namespace edgeflow::io
