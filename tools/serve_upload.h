// edgeflow serve: storing models uploaded the way tf.io.http saves them (multipart/form-data with
// a "model.json" part and, when the model has weights, a "model.weights.bin" part). No sockets
// here: the server feeds the parts in; errors are kept (not thrown) so the body can be drained.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace edgeflow::cli::serve {

inline constexpr const char* kModelJsonPart = "model.json";
inline constexpr const char* kWeightsPart = "model.weights.bin";

// An HTTP status (4xx/5xx) and a message naming the field at fault.
struct UploadError : std::runtime_error {
  int status;
  UploadError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
};

struct ModelJsonInfo {
  size_t weightCount = 0;
  std::optional<uint64_t> weightBytes;  // nullopt when a string weight makes the size unknowable
};

// Checks an uploaded model.json: a JSON object with an object modelTopology and, if present, a
// weightsManifest whose paths all name model.weights.bin. Throws UploadError(400).
ModelJsonInfo checkModelJson(std::string_view text);

class ModelStore {
 public:
  // dir is created on the first upload. Leftover temporary directories (".upload-*") older than
  // an hour, from a server that was killed mid-upload, are removed.
  explicit ModelStore(std::filesystem::path dir);
  const std::filesystem::path& dir() const { return dir_; }

  // One upload: parts are streamed into a temporary directory inside the store, then committed
  // with one rename, so a model directory is never seen half-written.
  class Upload {
   public:
    Upload(ModelStore& store, std::string name, uint64_t maxBytes);
    ~Upload();  // removes the temporary directory unless committed
    Upload(const Upload&) = delete;
    Upload& operator=(const Upload&) = delete;

    void beginPart(const std::string& fieldName);  // parts other than the two above are skipped
    // Returns false once so much more than the cap arrived that the connection should be dropped.
    bool write(const char* data, size_t n);
    void fail(int status, const std::string& message);  // keeps the first error
    bool failed() const { return error_.has_value(); }
    // Validates and stores; returns the JSON describing the stored model. Throws UploadError
    // (the kept error, 400 for missing/invalid parts, 409 for an existing name).
    std::string commit(bool overwrite, bool* replaced);

   private:
    void closePart();
    ModelStore& store_;
    std::string name_;
    uint64_t maxBytes_;
    uint64_t received_ = 0;
    std::filesystem::path tmp_;
    std::optional<UploadError> error_;
    std::string part_;        // the part being received ("" when skipped)
    int fd_ = -1;             // its file
    std::string modelJson_;   // model.json is also kept in memory for checking
    uint64_t weightsBytes_ = 0;
    bool sawModelJson_ = false, sawWeights_ = false, committed_ = false;
  };

 private:
  std::filesystem::path dir_;
  std::mutex renameMutex_;
  uint64_t counter_ = 0;
};

}  // namespace edgeflow::cli::serve
