// Internal representation behind Tensor handles. Not a public header.
#pragma once
#include <atomic>
#include <memory>
#include <string>

#include "edgeflow/tensor.h"

namespace edgeflow {

// One allocation of element data, shared by tensors that alias it (reshape, clone, variables).
// Its constructor/destructor keep memory()'s numDataBuffers exact (numBytes counts tensors).
struct DataBuffer {
  explicit DataBuffer(size_t bytes);
  ~DataBuffer();
  DataBuffer(const DataBuffer&) = delete;
  DataBuffer& operator=(const DataBuffer&) = delete;
  void* ptr = nullptr;
  size_t bytes = 0;
  size_t capacity = 0;  // of the block (core/buffer_cache.h), >= bytes
  bool hidden = false;   // not counted by memory() (engine::hideFromMemory)
  // Data a backend derived from the contents (e.g. a prepacked GEMM operand), dropped with the
  // buffer: contents never change once written, so it stays valid as long as the buffer lives.
  std::shared_ptr<void> derived;
};

class TensorImpl {
 public:
  TensorImpl(Shape shape, DType dtype, std::shared_ptr<DataBuffer> data);
  ~TensorImpl();

  int64_t id;
  Shape shape;
  DType dtype;
  int64_t size;
  std::shared_ptr<DataBuffer> data;
  bool disposed = false;
  bool kept = false;
  // While a gradient tape holds this tensor, disposal is deferred until the tape is gone.
  int tapeHolds = 0;
  bool disposeDeferred = false;
  // Variables.
  bool hidden = false;  // not counted by memory() (engine::hideFromMemory)
  bool isVariable = false;
  bool trainable = false;
  std::string name;

  void checkAlive(const char* what = nullptr) const;
};

// Engine internals shared by core files.
namespace engine {
void disposeImpl(TensorImpl* impl);
void trackInScope(const std::shared_ptr<TensorImpl>& impl);
void registerVariable(const std::shared_ptr<TensorImpl>& impl);
void unregisterVariable(TensorImpl* impl);
std::vector<Variable> trainableVariables();
int64_t nextTensorId();
void onTensorCreated(const TensorImpl& t);
void onTensorReleased(const TensorImpl& t);
// Takes a tensor and its buffer out of memory()'s counts: for caches the library derives from user
// tensors (folded inference weights), which TF.js would not show. The tensor must own its buffer.
void hideFromMemory(const Tensor& t);
// Whether a gradient tape is recording kernel calls.
bool recording();
}  // namespace engine

}  // namespace edgeflow
