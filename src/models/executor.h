// Running a functional graph on tensors (tfjs-layers' engine/executor). Internal.
#pragma once
#include <map>
#include <vector>

#include "edgeflow/layers/layer.h"

namespace edgeflow {

// Values fed for symbolic tensors. A feed is cast to its key's dtype (ints fed to a float model).
class FeedDict {
 public:
  void add(const SymbolicTensor& key, const Tensor& value);
  bool has(const SymbolicTensorData* key) const { return values_.count(key) > 0; }
  const Tensor& get(const SymbolicTensorData* key) const { return values_.at(key); }
  void set(const SymbolicTensorData* key, const Tensor& value) { values_[key] = value; }
  // The mask a layer computed for a tensor (Layer::computeMask); undefined if none.
  Tensor mask(const SymbolicTensorData* key) const {
    auto it = masks_.find(key);
    return it == masks_.end() ? Tensor() : it->second;
  }
  void setMask(const SymbolicTensorData* key, const Tensor& mask) { masks_[key] = mask; }

 private:
  std::map<const SymbolicTensorData*, Tensor> values_, masks_;
};

// Computes fetches from feeds, applying each layer once per node in dependency order.
std::vector<Tensor> execute(const std::vector<SymbolicTensor>& fetches, FeedDict& feeds, const Kwargs& kwargs = {});

}  // namespace edgeflow
