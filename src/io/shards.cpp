// Weight shards: reading a manifest's groups with size checks, and splitting weights into shards.
#include <algorithm>
#include <set>

#include "io/io_internal.h"

namespace edgeflow::io::detail {

namespace {

// Walks the weights of a group that has string weights (their size is in the data).
int64_t measureGroup(const WeightsManifestGroupConfig& group, const std::vector<uint8_t>& data) {
  size_t offset = 0;
  for (const auto& w : group.weights) {
    int64_t len = weightByteLength(w, data.data() + offset, data.size() - offset);
    if (static_cast<uint64_t>(len) > data.size() - offset) return -1;
    offset += static_cast<size_t>(len);
  }
  return static_cast<int64_t>(offset);
}

std::string sizeError(const std::string& source, size_t g, const WeightsManifestGroupConfig& group,
                      const std::vector<size_t>& sizes, int64_t expected, int64_t actual) {
  std::string groupText = "weightsManifest[" + std::to_string(g) + "]";
  std::string files;
  for (const auto& p : group.paths) files += (files.empty() ? "" : ", ") + quote(p);
  std::string totals = groupText + "'s weights need " + std::to_string(expected) + " bytes, its files (" +
                       (files.empty() ? "none" : files) + ") hold " + std::to_string(actual);
  if (expected < 0) return "io: " + source + ": " + groupText + "'s files are too short for its string weights";
  if (actual < expected && !sizes.empty()) {
    // The converter's shards are all the same size except the last: name the first file that
    // is shorter than that layout wants.
    size_t shard = 0;
    for (size_t s : sizes) shard = std::max(shard, s);
    if (sizes.size() == 1) shard = static_cast<size_t>(expected);
    int64_t remaining = expected;
    for (size_t i = 0; i < sizes.size(); ++i) {
      int64_t want = i + 1 == sizes.size() ? remaining : std::min<int64_t>(static_cast<int64_t>(shard), remaining);
      if (static_cast<int64_t>(sizes[i]) < want)
        return "io: " + source + ": weight file " + quote(group.paths[i]) + " is truncated: expected " +
               std::to_string(want) + " bytes, got " + std::to_string(sizes[i]) + " (" + totals + ")";
      remaining -= static_cast<int64_t>(sizes[i]);
    }
  }
  return "io: " + source + ": the manifest's sizes don't add up: " + totals;
}

}  // namespace

LoadedWeights fetchWeights(const WeightsManifestConfig& manifest, const FetchFn& fetch, const std::string& source,
                           const std::vector<std::string>& weightNames, const std::function<void(double)>& onProgress) {
  std::set<std::string> wanted(weightNames.begin(), weightNames.end());
  if (!wanted.empty()) {
    std::set<std::string> missing = wanted;
    for (const auto& group : manifest)
      for (const auto& w : group.weights) missing.erase(w.name);
    if (!missing.empty()) {
      std::string names, all;
      for (const auto& n : missing) names += (names.empty() ? "" : ", ") + n;
      for (const auto& group : manifest)
        for (const auto& w : group.weights) all += (all.empty() ? "" : ", ") + w.name;
      throw Error("io.loadWeights: could not find weights in manifest with names: " + names +
                  ". Manifest JSON has weights with names: " + all + ".");
    }
  }
  size_t totalFiles = 0, doneFiles = 0;
  for (const auto& group : manifest) totalFiles += group.paths.size();
  if (onProgress) onProgress(0.0);

  LoadedWeights out;
  for (size_t g = 0; g < manifest.size(); ++g) {
    const auto& group = manifest[g];
    bool needed = wanted.empty();
    for (const auto& w : group.weights) needed = needed || wanted.count(w.name) > 0;
    if (!needed) continue;
    std::vector<std::string> paths;
    for (const auto& p : group.paths) paths.push_back(checkWeightPath(p, g, source));
    const int64_t expected = groupByteLength(group);
    std::vector<uint8_t> data;
    std::vector<size_t> sizes;
    for (const auto& p : paths) {
      std::vector<uint8_t> bytes = fetch(p);
      sizes.push_back(bytes.size());
      data.insert(data.end(), bytes.begin(), bytes.end());
      if (onProgress) onProgress(static_cast<double>(++doneFiles) / static_cast<double>(totalFiles));
    }
    const int64_t need = expected >= 0 ? expected : measureGroup(group, data);
    if (need != static_cast<int64_t>(data.size()))
      throw Error(sizeError(source, g, group, sizes, need, static_cast<int64_t>(data.size())));
    size_t offset = 0;
    for (const auto& w : group.weights) {
      const auto len = static_cast<size_t>(weightByteLength(w, data.data() + offset, data.size() - offset));
      if (wanted.empty() || wanted.count(w.name)) {
        out.specs.push_back(w);
        out.data.insert(out.data.end(), data.begin() + static_cast<ptrdiff_t>(offset),
                        data.begin() + static_cast<ptrdiff_t>(offset + len));
      }
      offset += len;
    }
  }
  if (onProgress) onProgress(1.0);
  return out;
}

Shards shardWeights(const std::vector<WeightsManifestEntry>& specs, const std::vector<uint8_t>& data,
                    int64_t shardSizeBytes) {
  if (shardSizeBytes <= 0)
    throw Error("io: shardSizeBytes must be greater than 0, but got " + std::to_string(shardSizeBytes));
  Shards out;
  WeightsManifestGroupConfig group;
  group.weights = specs;
  const auto shard = static_cast<size_t>(shardSizeBytes);
  const size_t count = (data.size() + shard - 1) / shard;
  for (size_t i = 0; i < count; ++i) {
    group.paths.push_back("group1-shard" + std::to_string(i + 1) + "of" + std::to_string(count) + ".bin");
    size_t begin = i * shard, end = std::min(data.size(), begin + shard);
    out.files.emplace_back(data.begin() + static_cast<ptrdiff_t>(begin), data.begin() + static_cast<ptrdiff_t>(end));
  }
  out.manifest.push_back(std::move(group));
  return out;
}

}  // namespace edgeflow::io::detail
