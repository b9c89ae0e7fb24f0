// edgeflow serve: validating and storing uploaded models (see serve_upload.h).
#include "serve_upload.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>  // renameat2 (glibc, _GNU_SOURCE)
#include <cstring>
#include <nlohmann/json.hpp>
#include <system_error>

namespace edgeflow::cli::serve {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Bytes per stored element, by quantization dtype or else by dtype; nullopt for strings.
std::optional<uint64_t> bytesPerElement(const json& spec, const std::string& where) {
  if (spec.contains("quantization")) {
    const json& q = spec["quantization"];
    std::string d = q.is_object() && q.contains("dtype") && q["dtype"].is_string() ? q["dtype"].get<std::string>() : "";
    if (d == "uint8") return 1;
    if (d == "uint16" || d == "float16") return 2;
    throw UploadError(400, where + ".quantization.dtype must be uint8, uint16 or float16");
  }
  std::string d = spec.contains("dtype") && spec["dtype"].is_string() ? spec["dtype"].get<std::string>() : "";
  if (d == "float32" || d == "int32") return 4;
  if (d == "bool" || d == "uint8") return 1;
  if (d == "complex64") return 8;
  if (d == "string") return std::nullopt;
  throw UploadError(400, where + ".dtype '" + d + "' is not a TF.js dtype");
}

void writeAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) throw std::system_error(errno, std::generic_category(), "write");
    data += w;
    n -= size_t(w);
  }
}

}  // namespace

ModelJsonInfo checkModelJson(std::string_view text) {
  json model = json::parse(text.begin(), text.end(), nullptr, false);
  if (model.is_discarded()) throw UploadError(400, "the model.json part is not valid JSON");
  if (!model.is_object()) throw UploadError(400, "the model.json part must be a JSON object");
  if (!model.contains("modelTopology") || !model["modelTopology"].is_object())
    throw UploadError(400, "the model.json part has no modelTopology object");
  ModelJsonInfo info;
  info.weightBytes = 0;
  if (!model.contains("weightsManifest")) return info;
  const json& manifest = model["weightsManifest"];
  if (!manifest.is_array()) throw UploadError(400, "model.json: weightsManifest must be an array");
  for (size_t g = 0; g < manifest.size(); ++g) {
    std::string where = "model.json: weightsManifest[" + std::to_string(g) + "]";
    const json& group = manifest[g];
    if (!group.is_object() || !group.contains("paths") || !group["paths"].is_array() ||
        !group.contains("weights") || !group["weights"].is_array())
      throw UploadError(400, where + " must be an object with 'paths' and 'weights' arrays");
    for (const json& p : group["paths"])
      if (!p.is_string() || (p != "./model.weights.bin" && p != "model.weights.bin"))
        throw UploadError(400, where + ".paths may only name ./model.weights.bin, the one weights file stored");
    for (size_t w = 0; w < group["weights"].size(); ++w) {
      const json& spec = group["weights"][w];
      std::string at = where + ".weights[" + std::to_string(w) + "]";
      if (!spec.is_object() || !spec.contains("shape") || !spec["shape"].is_array())
        throw UploadError(400, at + " must be an object with a 'shape' array");
      std::optional<uint64_t> bytes = bytesPerElement(spec, at);
      for (const json& d : spec["shape"]) {
        if (!d.is_number_unsigned()) throw UploadError(400, at + ".shape must hold non-negative integers");
        uint64_t dim = d.get<uint64_t>();
        if (bytes && dim != 0 && *bytes > (uint64_t(1) << 53) / dim) throw UploadError(400, at + ".shape is too large");
        if (bytes) *bytes *= dim;
      }
      ++info.weightCount;
      if (!bytes || !info.weightBytes) info.weightBytes.reset();
      else *info.weightBytes += *bytes;
    }
  }
  return info;
}

ModelStore::ModelStore(fs::path dir) : dir_(std::move(dir)) {
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    if (it->path().filename().string().rfind(".upload-", 0) == 0 &&
        now - fs::last_write_time(it->path(), e2) > std::chrono::hours(1) && !e2)
      fs::remove_all(it->path(), e2);
  }
}

ModelStore::Upload::Upload(ModelStore& store, std::string name, uint64_t maxBytes)
    : store_(store), name_(std::move(name)), maxBytes_(maxBytes) {
  std::error_code ec;
  fs::create_directories(store_.dir_, ec);
  if (ec) {
    fail(500, "cannot create the models directory " + store_.dir_.string() + ": " + ec.message());
    return;
  }
  uint64_t n;
  {
    std::lock_guard lock(store_.renameMutex_);
    n = ++store_.counter_;
  }
  tmp_ = store_.dir_ / (".upload-" + name_ + "-" + std::to_string(::getpid()) + "-" + std::to_string(n));
  if (!fs::create_directory(tmp_, ec) || ec) {
    fail(500, "cannot create a temporary directory in " + store_.dir_.string() + ": " + ec.message());
    tmp_.clear();
  }
}

ModelStore::Upload::~Upload() {
  closePart();
  std::error_code ec;
  if (!committed_ && !tmp_.empty()) fs::remove_all(tmp_, ec);
}

void ModelStore::Upload::fail(int status, const std::string& message) {
  if (!error_) error_.emplace(status, message);
  closePart();
}

void ModelStore::Upload::closePart() {
  if (fd_ >= 0) {
    if (!error_ && ::fsync(fd_) != 0) error_.emplace(500, std::string("fsync: ") + std::strerror(errno));
    ::close(fd_);
  }
  fd_ = -1;
  part_.clear();
}

void ModelStore::Upload::beginPart(const std::string& fieldName) {
  closePart();
  if (error_) return;
  bool isJson = fieldName == kModelJsonPart, isWeights = fieldName == kWeightsPart;
  if (!isJson && !isWeights) return;  // tolerated and dropped: TF.js sends only these two
  bool& seen = isJson ? sawModelJson_ : sawWeights_;
  if (seen) return fail(400, "the multipart body has more than one '" + fieldName + "' part");
  seen = true;
  fs::path file = tmp_ / fieldName;
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) return fail(500, "cannot create " + file.string() + ": " + std::strerror(errno));
  part_ = fieldName;
}

bool ModelStore::Upload::write(const char* data, size_t n) {
  received_ += n;
  if (received_ > maxBytes_) {
    fail(413, "the upload is larger than the cap of " + std::to_string(maxBytes_) + " bytes (--max-upload-mb)");
    return received_ <= 4 * maxBytes_ + (1u << 20);  // drain a while so the client sees the 413
  }
  if (error_ || part_.empty()) return true;
  try {
    writeAll(fd_, data, n);
  } catch (const std::exception& e) {
    fail(500, "cannot write " + part_ + ": " + e.what());
    return true;
  }
  if (part_ == kModelJsonPart) modelJson_.append(data, n);
  else weightsBytes_ += n;
  return true;
}

std::string ModelStore::Upload::commit(bool overwrite, bool* replaced) {
  closePart();
  if (error_) throw *error_;
  if (!sawModelJson_) throw UploadError(400, "the multipart body has no 'model.json' part");
  ModelJsonInfo info = checkModelJson(modelJson_);
  if (info.weightCount > 0 && !sawWeights_)
    throw UploadError(400, "model.json lists weights but the multipart body has no 'model.weights.bin' part");
  if (info.weightBytes && sawWeights_ && *info.weightBytes != weightsBytes_)
    throw UploadError(400, "the model.weights.bin part has " + std::to_string(weightsBytes_) +
                               " bytes but model.json's weightsManifest describes " +
                               std::to_string(*info.weightBytes));
  fs::path target = store_.dir_ / name_;
  std::lock_guard lock(store_.renameMutex_);
  std::error_code ec;
  bool exists = fs::symlink_status(target, ec).type() != fs::file_type::not_found;
  if (exists && !overwrite)
    throw UploadError(409, "a model named '" + name_ + "' already exists; POST to /upload/" + name_ +
                               "?overwrite=1 to replace it");
  // RENAME_EXCHANGE swaps old and new in one step; the old copy then sits in tmp_.
  int rc = exists ? ::renameat2(AT_FDCWD, tmp_.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE)
                  : ::renameat2(AT_FDCWD, tmp_.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {  // filesystem without renameat2 flags
    if (exists) fs::remove_all(target, ec);
    rc = ::rename(tmp_.c_str(), target.c_str());
  }
  if (rc != 0) throw UploadError(500, "cannot store the model as " + target.string() + ": " + std::strerror(errno));
  if (exists) fs::remove_all(tmp_, ec);  // the replaced model
  committed_ = true;
  if (replaced) *replaced = exists;
  json files = json::array({{{"name", kModelJsonPart}, {"bytes", modelJson_.size()}}});
  if (sawWeights_) files.push_back({{"name", kWeightsPart}, {"bytes", weightsBytes_}});
  json out = {{"name", name_},
              {"url", "/models/" + name_ + "/model.json"},
              {"files", files},
              {"weightCount", info.weightCount},
              {"replaced", exists}};
  return out.dump();
}

}  // namespace edgeflow::cli::serve
