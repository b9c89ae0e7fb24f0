// tf.constraints: projections applied to weights after each optimizer update.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "edgeflow/layers/config.h"
#include "edgeflow/tensor.h"

namespace edgeflow::constraints {

class Constraint {
 public:
  virtual ~Constraint() = default;
  virtual Tensor apply(const Tensor& w) = 0;
  virtual std::string getClassName() const = 0;
  virtual ConfigDict getConfig() const;  // {} unless the constraint has arguments
};
using ConstraintPtr = std::shared_ptr<Constraint>;

struct MaxNormArgs {
  std::optional<double> maxValue{};  // default 2
  std::optional<int64_t> axis{};     // default 0
};
struct UnitNormArgs {
  std::optional<int64_t> axis{};  // default 0
};
struct MinMaxNormArgs {
  std::optional<double> minValue{};  // default 0
  std::optional<double> maxValue{};  // default 1
  std::optional<int64_t> axis{};     // default 0
  std::optional<double> rate{};      // default 1
};

ConstraintPtr maxNorm(MaxNormArgs args = {});
ConstraintPtr unitNorm(UnitNormArgs args = {});
ConstraintPtr nonNeg();
ConstraintPtr minMaxNorm(MinMaxNormArgs args = {});

ConstraintPtr getConstraint(const Identifier<Constraint>& identifier);  // empty -> nullptr
ConfigDict serializeConstraint(const ConstraintPtr& constraint);          // nullptr -> null
ConstraintPtr deserializeConstraint(const ConfigDict& config);

}  // namespace edgeflow::constraints

namespace edgeflow {
using ConstraintIdentifier = Identifier<constraints::Constraint>;
}
