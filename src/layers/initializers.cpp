// tf.initializers, with tfjs-layers' defaults, argument checks and serialised form.
#include "edgeflow/layers/initializers.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "edgeflow/engine.h"
#include "edgeflow/layers/config_json.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "layers/common.h"

namespace edgeflow::initializers {
namespace {

using layers_internal::jsonNumber;

Json seedJson(const Seed& seed) { return seed ? jsonNumber(*seed) : Json(nullptr); }
Seed seedFrom(const Json& c) {
  if (!c.contains("seed") || c["seed"].is_null()) return std::nullopt;
  return c["seed"].get<double>();
}
std::optional<double> optNumber(const Json& c, const char* key) {
  if (!c.contains(key) || c[key].is_null()) return std::nullopt;
  return c[key].get<double>();
}

class Zeros : public Initializer {
 public:
  Tensor apply(const Shape& shape, DType dtype) override { return edgeflow::zeros(shape, dtype); }
  std::string getClassName() const override { return "Zeros"; }
};

class Ones : public Initializer {
 public:
  Tensor apply(const Shape& shape, DType dtype) override { return edgeflow::ones(shape, dtype); }
  std::string getClassName() const override { return "Ones"; }
};

class Constant : public Initializer {
 public:
  explicit Constant(double value) : value_(value) {}
  Tensor apply(const Shape& shape, DType dtype) override {
    return tidy([&] { return mul(scalar(value_), edgeflow::ones(shape, dtype)); });
  }
  std::string getClassName() const override { return "Constant"; }
  ConfigDict getConfig() const override { return fromJson(Json{{"value", jsonNumber(value_)}}); }

 private:
  double value_;
};

// TF.js reads minval/maxval/mean/stddev with `||`, so 0 also selects the default.
double orDefault(const std::optional<double>& v, double def) { return v && *v != 0 ? *v : def; }

class RandomUniformInit : public Initializer {
 public:
  explicit RandomUniformInit(const RandomUniformArgs& a)
      : minval_(orDefault(a.minval, -0.05)), maxval_(orDefault(a.maxval, 0.05)), seed_(a.seed) {}
  Tensor apply(const Shape& shape, DType dtype) override {
    return edgeflow::randomUniform(shape, minval_, maxval_, dtype, seed_);
  }
  std::string getClassName() const override { return "RandomUniform"; }
  ConfigDict getConfig() const override {
    Json c{{"minval", jsonNumber(minval_)}, {"maxval", jsonNumber(maxval_)}};
    if (seed_) c["seed"] = jsonNumber(*seed_);
    return fromJson(c);
  }

 private:
  double minval_, maxval_;
  Seed seed_;
};

void checkNormalDType(DType dtype, const std::string& who) {
  if (dtype != DType::float32 && dtype != DType::int32)
    throw Error(who + " does not support dType " + dtypeName(dtype) + ".");
}

class RandomNormalInit : public Initializer {
 public:
  RandomNormalInit(const RandomNormalArgs& a, bool truncated)
      : mean_(orDefault(a.mean, 0)), stddev_(orDefault(a.stddev, 0.05)), seed_(a.seed), truncated_(truncated) {}
  Tensor apply(const Shape& shape, DType dtype) override {
    checkNormalDType(dtype, truncated_ ? "truncatedNormal" : "randomNormal");
    return truncated_ ? edgeflow::truncatedNormal(shape, mean_, stddev_, dtype, seed_)
                      : edgeflow::randomNormal(shape, mean_, stddev_, dtype, seed_);
  }
  std::string getClassName() const override { return truncated_ ? "TruncatedNormal" : "RandomNormal"; }
  ConfigDict getConfig() const override {
    Json c{{"mean", jsonNumber(mean_)}, {"stddev", jsonNumber(stddev_)}};
    if (seed_) c["seed"] = jsonNumber(*seed_);
    return fromJson(c);
  }

 private:
  double mean_, stddev_;
  Seed seed_;
  bool truncated_;
};

class IdentityInit : public Initializer {
 public:
  explicit IdentityInit(double gain) : gain_(gain) {}
  Tensor apply(const Shape& shape, DType dtype) override {
    if (shape.size() != 2 || shape[0] != shape[1])
      throw Error("Identity matrix initializer can only be used for 2D square matrices.");
    return tidy([&] { return mul(scalar(gain_), eye(shape[0])); });
  }
  std::string getClassName() const override { return "Identity"; }
  ConfigDict getConfig() const override { return fromJson(Json{{"gain", jsonNumber(gain_)}}); }

 private:
  double gain_;
};

// fanIn, fanOut of a weight shape (channelsLast), as TF.js's computeFans.
std::pair<double, double> computeFans(const Shape& shape) {
  if (shape.size() == 2) return {double(shape[0]), double(shape[1])};
  if (shape.size() >= 3 && shape.size() <= 5) {
    double receptive = 1;
    for (size_t i = 0; i + 2 < shape.size(); ++i) receptive *= double(shape[i]);
    return {double(shape[shape.size() - 2]) * receptive, double(shape.back()) * receptive};
  }
  double prod = 1;
  for (int64_t d : shape) prod *= double(d);
  return {std::sqrt(prod), std::sqrt(prod)};
}

class VarianceScaling : public Initializer {
 public:
  VarianceScaling(const VarianceScalingArgs& a, bool seedNullWhenUnset)
      : scale_(a.scale.value_or(1.0)),
        mode_(a.mode.empty() ? "fanIn" : a.mode),
        distribution_(a.distribution.empty() ? "normal" : a.distribution),
        seed_(a.seed),
        seedNullWhenUnset_(seedNullWhenUnset) {
    if (a.scale && *a.scale < 0) throw Error("scale must be a positive float. Got: " + jsonNumber(*a.scale).dump());
    if (mode_ != "fanIn" && mode_ != "fanOut" && mode_ != "fanAvg")
      throw Error("Invalid FanMode: '" + mode_ + "'. Valid values are: fanIn, fanOut, fanAvg");
    if (distribution_ != "normal" && distribution_ != "uniform" && distribution_ != "truncatedNormal")
      throw Error("Invalid Distribution: '" + distribution_ + "'. Valid values are: normal, uniform, truncatedNormal");
  }
  Tensor apply(const Shape& shape, DType dtype) override {
    auto [fanIn, fanOut] = computeFans(shape);
    double scale = scale_;
    if (mode_ == "fanIn")
      scale /= std::max(1.0, fanIn);
    else if (mode_ == "fanOut")
      scale /= std::max(1.0, fanOut);
    else
      scale /= std::max(1.0, (fanIn + fanOut) / 2);
    if (distribution_ == "normal") {
      checkNormalDType(dtype, "VarianceScaling");
      return edgeflow::truncatedNormal(shape, 0, std::sqrt(scale), dtype, seed_);
    }
    double limit = std::sqrt(3 * scale);
    return edgeflow::randomUniform(shape, -limit, limit, dtype, seed_);
  }
  std::string getClassName() const override { return "VarianceScaling"; }
  ConfigDict getConfig() const override {
    Json c{{"scale", jsonNumber(scale_)}, {"mode", mode_}, {"distribution", distribution_}};
    if (seed_ || seedNullWhenUnset_) c["seed"] = seedJson(seed_);
    return fromJson(c);
  }

 private:
  double scale_;
  std::string mode_, distribution_;
  Seed seed_;
  bool seedNullWhenUnset_;
};

// Q of the thin QR decomposition of a (m x n, m >= n, row-major) by Householder reflections, with
// columns multiplied by the signs of R's diagonal (which makes it unique, as TF.js's result).
std::vector<double> orthonormalColumns(std::vector<double> a, int64_t m, int64_t n) {
  std::vector<double> q(size_t(m * m), 0.0);
  for (int64_t i = 0; i < m; ++i) q[size_t(i * m + i)] = 1;
  for (int64_t k = 0; k < n; ++k) {
    double norm = 0;
    for (int64_t i = k; i < m; ++i) norm += a[size_t(i * n + k)] * a[size_t(i * n + k)];
    norm = std::sqrt(norm);
    if (norm == 0) continue;
    double alpha = a[size_t(k * n + k)] > 0 ? -norm : norm;
    std::vector<double> v(size_t(m), 0.0);
    for (int64_t i = k; i < m; ++i) v[size_t(i)] = a[size_t(i * n + k)];
    v[size_t(k)] -= alpha;
    double vv = 0;
    for (int64_t i = k; i < m; ++i) vv += v[size_t(i)] * v[size_t(i)];
    if (vv == 0) continue;
    for (int64_t j = 0; j < n; ++j) {  // a = (I - 2vv'/v'v) a
      double d = 0;
      for (int64_t i = k; i < m; ++i) d += v[size_t(i)] * a[size_t(i * n + j)];
      d = 2 * d / vv;
      for (int64_t i = k; i < m; ++i) a[size_t(i * n + j)] -= d * v[size_t(i)];
    }
    for (int64_t r = 0; r < m; ++r) {  // q = q (I - 2vv'/v'v)
      double d = 0;
      for (int64_t i = k; i < m; ++i) d += q[size_t(r * m + i)] * v[size_t(i)];
      d = 2 * d / vv;
      for (int64_t i = k; i < m; ++i) q[size_t(r * m + i)] -= d * v[size_t(i)];
    }
  }
  std::vector<double> out(size_t(m * n));
  for (int64_t j = 0; j < n; ++j) {
    double r = a[size_t(j * n + j)];
    double s = r > 0 ? 1 : (r < 0 ? -1 : 0);
    for (int64_t i = 0; i < m; ++i) out[size_t(i * n + j)] = q[size_t(i * m + j)] * s;
  }
  return out;
}

class Orthogonal : public Initializer {
 public:
  explicit Orthogonal(const OrthogonalArgs& a) : gain_(a.gain.value_or(1.0)), seed_(a.seed) {}
  Tensor apply(const Shape& shape, DType dtype) override {
    if (shape.size() < 2) throw Error("Shape must be at least 2D.");
    if (dtype != DType::float32 && dtype != DType::int32) throw Error("Unsupported data type " + std::string(dtypeName(dtype)) + ".");
    int64_t numRows = 1;
    for (size_t i = 0; i + 1 < shape.size(); ++i) numRows *= shape[i];
    int64_t numCols = shape.back();
    int64_t m = std::max(numRows, numCols), n = std::min(numRows, numCols);
    std::vector<double> q;
    {
      Tensor r = edgeflow::randomNormal({m, n}, 0, 1, DType::float32, seed_);
      auto v = r.dataSync<double>();
      q = orthonormalColumns(std::move(v), m, n);
    }
    std::vector<double> out(size_t(numRows * numCols));
    for (int64_t i = 0; i < numRows; ++i)
      for (int64_t j = 0; j < numCols; ++j)  // Q is [m, n]; transposed when numRows < numCols
        out[size_t(i * numCols + j)] = gain_ * (numRows < numCols ? q[size_t(j * n + i)] : q[size_t(i * n + j)]);
    return tensor(out, shape, dtype);
  }
  std::string getClassName() const override { return "Orthogonal"; }
  ConfigDict getConfig() const override {
    Json c{{"gain", jsonNumber(gain_)}};
    if (seed_) c["seed"] = jsonNumber(*seed_);
    return fromJson(c);
  }

 private:
  double gain_;
  Seed seed_;
};

// Registered identifiers (camelCase names) -> class names, as TF.js's registry symbol map.
const std::vector<std::pair<std::string, std::string>>& identifierMap() {
  static const std::vector<std::pair<std::string, std::string>> m = {
      {"constant", "Constant"},         {"glorotNormal", "GlorotNormal"},       {"glorotUniform", "GlorotUniform"},
      {"heNormal", "HeNormal"},         {"heUniform", "HeUniform"},             {"identity", "Identity"},
      {"leCunNormal", "LeCunNormal"},   {"leCunUniform", "LeCunUniform"},       {"ones", "Ones"},
      {"orthogonal", "Orthogonal"},     {"randomNormal", "RandomNormal"},       {"randomUniform", "RandomUniform"},
      {"truncatedNormal", "TruncatedNormal"}, {"varianceScaling", "VarianceScaling"}, {"zeros", "Zeros"}};
  return m;
}

[[noreturn]] void unknown(const std::string& name) {
  throw Error("Unknown initializer: " + name + ". Valid initializers are: " +
              layers_internal::joinNames(initializerNames()));
}

InitializerPtr fromClassName(const std::string& className, const Json& c) {
  if (className == "Zeros") return zeros();
  if (className == "Ones") return ones();
  if (className == "Constant") {
    if (!c.contains("value")) throw Error("config must have value set but got " + c.dump());
    return constant({c["value"].get<double>()});
  }
  if (className == "RandomUniform")
    return randomUniform({optNumber(c, "minval"), optNumber(c, "maxval"), seedFrom(c)});
  if (className == "RandomNormal") return randomNormal({optNumber(c, "mean"), optNumber(c, "stddev"), seedFrom(c)});
  if (className == "TruncatedNormal")
    return truncatedNormal({optNumber(c, "mean"), optNumber(c, "stddev"), seedFrom(c)});
  if (className == "Identity") return identity({optNumber(c, "gain")});
  if (className == "VarianceScaling") {
    VarianceScalingArgs a{optNumber(c, "scale"), c.value("mode", std::string()),
                          c.value("distribution", std::string()), seedFrom(c)};
    return std::make_shared<VarianceScaling>(a, c.contains("seed") && c["seed"].is_null());
  }
  if (className == "Orthogonal") return orthogonal({optNumber(c, "gain"), seedFrom(c)});
  if (className == "GlorotNormal") return glorotNormal({seedFrom(c)});
  if (className == "GlorotUniform") return glorotUniform({seedFrom(c)});
  if (className == "HeNormal") return heNormal({seedFrom(c)});
  if (className == "HeUniform") return heUniform({seedFrom(c)});
  if (className == "LeCunNormal") return leCunNormal({seedFrom(c)});
  if (className == "LeCunUniform") return leCunUniform({seedFrom(c)});
  unknown(className);
}

InitializerPtr scaling(double scale, const char* mode, const char* distribution, const Seed& seed) {
  return std::make_shared<VarianceScaling>(VarianceScalingArgs{scale, mode, distribution, seed}, true);
}

}  // namespace

ConfigDict Initializer::getConfig() const { return fromJson(Json::object()); }

InitializerPtr zeros() { return std::make_shared<Zeros>(); }
InitializerPtr ones() { return std::make_shared<Ones>(); }
InitializerPtr constant(ConstantArgs args) { return std::make_shared<Constant>(args.value); }
InitializerPtr randomUniform(RandomUniformArgs args) { return std::make_shared<RandomUniformInit>(args); }
InitializerPtr randomNormal(RandomNormalArgs args) { return std::make_shared<RandomNormalInit>(args, false); }
InitializerPtr truncatedNormal(TruncatedNormalArgs args) { return std::make_shared<RandomNormalInit>(args, true); }
InitializerPtr identity(IdentityArgs args) { return std::make_shared<IdentityInit>(args.gain.value_or(1.0)); }
InitializerPtr varianceScaling(VarianceScalingArgs args) { return std::make_shared<VarianceScaling>(args, false); }
InitializerPtr glorotUniform(SeedOnlyArgs a) { return scaling(1.0, "fanAvg", "uniform", a.seed); }
InitializerPtr glorotNormal(SeedOnlyArgs a) { return scaling(1.0, "fanAvg", "normal", a.seed); }
InitializerPtr heNormal(SeedOnlyArgs a) { return scaling(2.0, "fanIn", "normal", a.seed); }
InitializerPtr heUniform(SeedOnlyArgs a) { return scaling(2.0, "fanIn", "uniform", a.seed); }
InitializerPtr leCunNormal(SeedOnlyArgs a) { return scaling(1.0, "fanIn", "normal", a.seed); }
InitializerPtr leCunUniform(SeedOnlyArgs a) { return scaling(1.0, "fanIn", "uniform", a.seed); }
InitializerPtr orthogonal(OrthogonalArgs args) { return std::make_shared<Orthogonal>(args); }

std::vector<std::string> initializerNames() {
  std::vector<std::string> names;
  for (auto& [id, cls] : identifierMap()) names.push_back(id);
  return names;
}

InitializerPtr getInitializer(const Identifier<Initializer>& identifier) {
  if (identifier.object()) return identifier.object();
  if (identifier.empty()) throw Error("getInitializer: no initializer given");
  std::string className = identifier.name();
  for (auto& [id, cls] : identifierMap())
    if (id == identifier.name()) className = cls;
  bool known = false;
  for (auto& [id, cls] : identifierMap()) known = known || cls == className;
  if (!known) unknown(identifier.name());
  return fromClassName(className, Json::object());
}

ConfigDict serializeInitializer(const InitializerPtr& initializer) {
  if (!initializer) return ConfigDict();
  return fromJson(Json{{"className", initializer->getClassName()}, {"config", toJson(initializer->getConfig())}});
}

InitializerPtr deserializeInitializer(const ConfigDict& config) {
  const Json& j = toJson(config);
  if (j.is_string()) return getInitializer(j.get<std::string>());
  if (!j.is_object() || !j.contains("className") || !j.contains("config"))
    throw Error("initializer: Improper config format: " + j.dump() + ".\n'className' and 'config' must set.");
  return fromClassName(j["className"].get<std::string>(), j["config"]);
}

}  // namespace edgeflow::initializers
