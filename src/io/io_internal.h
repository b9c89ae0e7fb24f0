// Shared helpers of the tf.io implementation (not public API).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "edgeflow/io.h"

namespace edgeflow::io::detail {

// Parses JSON text; malformed JSON (or nesting deeper than 512) throws edgeflow::Error naming
// `source` and the byte position.
Json parseJson(std::string_view text, const std::string& source);

// JSON text as JSON.stringify writes it (compact; invalid UTF-8 replaced rather than thrown).
std::string dumpJson(const Json& j);

// 'text' (shortened when long), for messages.
std::string quote(std::string_view text);

// ---- paths and URLs ----
bool hasScheme(const std::string& url);         // "xyz://..."
std::string stripFileScheme(const std::string& path);  // file://a/b -> a/b
// Checks a weight path from a manifest and returns it normalised ("./a//b" -> "a/b"). Refuses
// paths that leave the model's folder: absolute paths, "..", URLs with a scheme, backslashes.
std::string checkWeightPath(const std::string& path, size_t groupIndex, const std::string& source);
// group1-shard1of1, group12-shard3of4.bin, weights.bin, model.weights.bin: names our writers and
// TF.js's use for weight files.
bool isWeightFileName(const std::string& name);

// ---- layers models ----
// Refuses a layers-model config (layersModelConfig(topology)) whose inbound nodes or input/output
// ends name missing layers or nodes, or whose layer graph has a cycle; nested models included.
void checkLayersTopology(const Json& config, const std::string& source);

// ---- weights ----
// Bytes all weights of a group need. Groups with string weights return -1 (size known only
// from the data).
int64_t groupByteLength(const WeightsManifestGroupConfig& group);
// Checks a spec's dtype and quantization (the errors TF.js raises when decoding).
void validateSpec(const WeightsManifestEntry& spec, const std::string& where);

// Fetches one weight file: returns its bytes, throws edgeflow::Error if it can't.
using FetchFn = std::function<std::vector<uint8_t>(const std::string& path)>;
// Reads the shards of every group (or only the groups holding `weightNames`, if given) and
// checks their sizes against the manifest. Returns the specs and the concatenated data of the
// groups read.
struct LoadedWeights {
  std::vector<WeightsManifestEntry> specs;
  std::vector<uint8_t> data;
};
LoadedWeights fetchWeights(const WeightsManifestConfig& manifest, const FetchFn& fetch, const std::string& source,
                           const std::vector<std::string>& weightNames = {},
                           const std::function<void(double)>& onProgress = {});

// Splits encoded weights into one group of shards named group1-shardKofN.bin.
struct Shards {
  WeightsManifestConfig manifest;
  std::vector<std::vector<uint8_t>> files;  // one per manifest[0].paths entry
};
Shards shardWeights(const std::vector<WeightsManifestEntry>& specs, const std::vector<uint8_t>& data,
                    int64_t shardSizeBytes);

// HTTP GET of a URL (with options.requestHeaders); throws edgeflow::Error on connection errors
// and non-200 statuses, naming `what` ("model JSON", "weight file"). Unavailable in wasm.
std::vector<uint8_t> httpGet(const std::string& url, const LoadOptions& options, const std::string& what);
// TF.js's parseUrl: ("http://h/a/model.json?x=1") -> prefix "http://h/a/", suffix "?x=1".
std::pair<std::string, std::string> splitUrl(const std::string& url);

// Current time as ISO 8601 UTC (what ModelArtifactsInfo.dateSaved holds).
std::string nowIso8601();

// fnmatch-style pattern with * and ?.
bool matchesPattern(std::string_view pattern, std::string_view name);

}  // namespace edgeflow::io::detail
