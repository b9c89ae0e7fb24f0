// tf.initializers: how layer weights get their first values. Seedable; with a seed the values
// follow TF.js's random generators.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edgeflow/layers/config.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/tensor.h"

namespace edgeflow::initializers {

class Initializer {
 public:
  virtual ~Initializer() = default;
  virtual Tensor apply(const Shape& shape, DType dtype = DType::float32) = 0;
  // The serialised class name ("Zeros", "VarianceScaling", ...).
  virtual std::string getClassName() const = 0;
  virtual ConfigDict getConfig() const;  // {} unless the initializer has arguments
};
using InitializerPtr = std::shared_ptr<Initializer>;

struct ConstantArgs {
  double value = 0;
};
struct RandomUniformArgs {
  std::optional<double> minval{};// default -0.05 (as in TF.js, 0 also means the default)
  std::optional<double> maxval{};  // default 0.05
  Seed seed{};
};
struct RandomNormalArgs {
  std::optional<double> mean{};    // default 0
  std::optional<double> stddev{};  // default 0.05
  Seed seed{};
};
using TruncatedNormalArgs = RandomNormalArgs;
struct IdentityArgs {
  std::optional<double> gain{};  // default 1
};
struct VarianceScalingArgs {
  std::optional<double> scale{};  // default 1
  std::string mode{};           // "fanIn" (default) | "fanOut" | "fanAvg"
  std::string distribution{};   // "normal" (default, truncated) | "uniform"
  Seed seed{};
};
struct SeedOnlyArgs {
  Seed seed{};
};
struct OrthogonalArgs {
  std::optional<double> gain{};  // default 1
  Seed seed{};
};

InitializerPtr zeros();
InitializerPtr ones();
InitializerPtr constant(ConstantArgs args);
InitializerPtr randomUniform(RandomUniformArgs args = {});
InitializerPtr randomNormal(RandomNormalArgs args = {});
InitializerPtr truncatedNormal(TruncatedNormalArgs args = {});
InitializerPtr identity(IdentityArgs args = {});
InitializerPtr varianceScaling(VarianceScalingArgs args = {});
InitializerPtr glorotUniform(SeedOnlyArgs args = {});
InitializerPtr glorotNormal(SeedOnlyArgs args = {});
InitializerPtr heNormal(SeedOnlyArgs args = {});
InitializerPtr heUniform(SeedOnlyArgs args = {});
InitializerPtr leCunNormal(SeedOnlyArgs args = {});
InitializerPtr leCunUniform(SeedOnlyArgs args = {});
InitializerPtr orthogonal(OrthogonalArgs args = {});

// A name ("glorotNormal", "zeros", or a class name such as "Zeros") or an object. Unknown names
// throw, listing the valid ones.
InitializerPtr getInitializer(const Identifier<Initializer>& identifier);
// {"className": ..., "config": {...}} <-> initializer.
ConfigDict serializeInitializer(const InitializerPtr& initializer);
InitializerPtr deserializeInitializer(const ConfigDict& config);
// The names getInitializer accepts.
std::vector<std::string> initializerNames();

}  // namespace edgeflow::initializers

namespace edgeflow {
using InitializerIdentifier = Identifier<initializers::Initializer>;
}
