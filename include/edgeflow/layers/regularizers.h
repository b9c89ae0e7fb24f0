// tf.regularizers: penalties on weights, added to the training loss.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "edgeflow/layers/config.h"
#include "edgeflow/tensor.h"

namespace edgeflow::regularizers {

class Regularizer {
 public:
  virtual ~Regularizer() = default;
  virtual Tensor apply(const Tensor& x) = 0;  // a scalar
  virtual std::string getClassName() const = 0;
  virtual ConfigDict getConfig() const = 0;
};
using RegularizerPtr = std::shared_ptr<Regularizer>;

struct L1L2Args {
  std::optional<double> l1{};  // default 0.01
  std::optional<double> l2{};  // default 0.01
};
struct L1Args {
  std::optional<double> l1{};  // default 0.01
};
struct L2Args {
  std::optional<double> l2{};  // default 0.01
};

// sum(l1 * |x|) + sum(l2 * x^2)
RegularizerPtr l1l2(L1L2Args args = {});
RegularizerPtr l1(L1Args args = {});
RegularizerPtr l2(L2Args args = {});

RegularizerPtr getRegularizer(const Identifier<Regularizer>& identifier);  // empty -> nullptr
ConfigDict serializeRegularizer(const RegularizerPtr& regularizer);          // nullptr -> null
RegularizerPtr deserializeRegularizer(const ConfigDict& config);

}  // namespace edgeflow::regularizers

namespace edgeflow {
using RegularizerIdentifier = Identifier<regularizers::Regularizer>;
}
