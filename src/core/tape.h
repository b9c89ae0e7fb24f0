// Gradient tape: the kernels run while a gradient function records. Internal.
#pragma once
#include <memory>
#include <vector>

#include "core/tensor_impl.h"
#include "edgeflow/kernel.h"

namespace edgeflow {

// A taped tensor: holds the tensor and defers its disposal while the tape lives.
class TapeRef {
 public:
  explicit TapeRef(const Tensor& t);
  ~TapeRef();
  TapeRef(const TapeRef&) = delete;
  TapeRef& operator=(const TapeRef&) = delete;
  const Tensor& tensor() const { return t_; }

 private:
  Tensor t_;
};

struct TapeNode {
  std::string kernelName;
  std::vector<std::unique_ptr<TapeRef>> inputs;
  std::vector<std::unique_ptr<TapeRef>> outputs;
  Attrs attrs;
  GradFunc customGrad;  // set for customGrad nodes; otherwise the registered gradient is used
};

struct Tape {
  std::vector<std::unique_ptr<TapeNode>> nodes;
};

namespace engine {
void pushTape(Tape* tape);
void popTape(Tape* tape);
// Records a node on every active tape (used by runKernel and customGrad).
void recordNode(const std::string& kernelName, const std::vector<Tensor>& inputs,
                const std::vector<Tensor>& outputs, const Attrs& attrs, const GradFunc& customGrad);
const GradFunc* findGradient(const std::string& kernelName);
// Swaps the active tape stack (customGrad runs its forward pass untaped).
void swapTapes(std::vector<Tape*>& tapes);
}  // namespace engine

}  // namespace edgeflow
