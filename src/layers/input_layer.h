// InputLayer: the source of a functional model's inputs. Internal.
#pragma once
#include <memory>

#include "edgeflow/layers/core.h"

namespace edgeflow {

class InputLayerImpl : public LayerImpl {
 public:
  static std::shared_ptr<InputLayerImpl> create(const layers::InputLayerArgs& args);

  std::string getClassName() const override { return "InputLayer"; }
  std::vector<Tensor> apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs = {}) override;
  std::vector<SymbolicTensor> apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs = {}) override;
  DisposeResult dispose() override;
  ConfigDict getConfig() const override;

  bool sparse = false;

 private:
  explicit InputLayerImpl(const layers::InputLayerArgs& args);
};

}  // namespace edgeflow
