// The activation functions layers accept by name ("relu", "softmax", ...), as tfjs-layers.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow::activations {

class Activation {
 public:
  virtual ~Activation() = default;
  virtual Tensor apply(const Tensor& x) const = 0;
  virtual std::string getClassName() const = 0;  // the name it serialises as ("relu")
};
using ActivationPtr = std::shared_ptr<const Activation>;

// An empty name means "linear". Unknown names throw, listing the valid ones.
ActivationPtr getActivation(const std::string& name);
std::string serializeActivation(const ActivationPtr& activation);
std::vector<std::string> activationNames();

}  // namespace edgeflow::activations
