// An optimizer from {className, config} (TF.js's serialization.deserialize of an optimizer, as
// loadTrainingConfig uses it): each class's fromConfig with TF.js's defaults for missing fields.
#include <optional>

#include "edgeflow/layers/config_json.h"
#include "edgeflow/train/optimizers.h"

namespace edgeflow::train {

OptimizerPtr optimizerFromConfig(const std::string& className, const ConfigDict& config) {
  const Json c = toJson(config);
  auto num = [&](const char* key, std::optional<double> def = std::nullopt) -> std::optional<double> {
    if (c.contains(key) && c[key].is_number()) return c[key].get<double>();
    if (c.contains(key) && !c[key].is_null())
      throw Error("optimizer " + className + ": config field '" + key + "' must be a number, got " + c[key].dump());
    return def;
  };
  auto required = [&](const char* key) {
    auto v = num(key);
    if (!v) throw Error("optimizer " + className + ": config has no '" + key + "'");
    return *v;
  };
  auto flag = [&](const char* key) { return c.contains(key) && c[key].is_boolean() && c[key].get<bool>(); };
  if (className == "SGD") return sgd(required("learningRate"));
  if (className == "Momentum")
    return momentum(required("learningRate"), required("momentum"), flag("useNesterov"));
  if (className == "RMSProp")
    return rmsprop(required("learningRate"), *num("decay", 0.9), *num("momentum", 0.0), num("epsilon"), flag("centered"));
  if (className == "Adam")
    return adam(*num("learningRate", 0.001), *num("beta1", 0.9), *num("beta2", 0.999), num("epsilon"));
  if (className == "Adadelta") return adadelta(*num("learningRate", 0.001), *num("rho", 0.95), num("epsilon"));
  if (className == "Adamax")
    return adamax(*num("learningRate", 0.002), *num("beta1", 0.9), *num("beta2", 0.999), num("epsilon"),
                  *num("decay", 0.0));
  if (className == "Adagrad") return adagrad(required("learningRate"), *num("initialAccumulatorValue", 0.1));
  throw Error("Unknown optimizer class '" + className +
              "' in the training config (known: SGD, Momentum, RMSProp, Adam, Adadelta, Adamax, Adagrad)");
}

}  // namespace edgeflow::train
