// The layers oracle: TF.js reference cases (tests/oracle/gen_layers) replayed on every backend.
// One GoogleTest per case and backend: OracleLayers_<backend>.<family>/<case>.
//   train        20 (or a few) trainOnBatch steps: every loss value and the final weights
//   fit          fit() with shuffle off: the epoch logs and the final weights
//   layer        one layer: output, gradients for the input and the trainable weights
//   initializer  seeded initializer values
// Models are rebuilt from TF.js's model.toJSON(), so deserialisation is checked as well.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "edgeflow/edgeflow.h"
#include "edgeflow/layers/config_json.h"

namespace fs = std::filesystem;
using edgeflow::Json;
using namespace edgeflow;

namespace {

constexpr double kValueTol = 1e-4;  // relative, as the brief of the layers oracle

double decode(const Json& v) {
  if (v.is_string()) {
    auto s = v.get<std::string>();
    if (s == "NaN") return NAN;
    if (s == "Infinity") return INFINITY;
    if (s == "-Infinity") return -INFINITY;
    throw Error("oracle: bad number " + s);
  }
  return v.get<double>();
}

Tensor makeTensor(const Json& j) {
  std::vector<double> data;
  for (auto& v : j["data"]) data.push_back(decode(v));
  return tensor(data, j["shape"].get<Shape>(), parseDType(j["dtype"].get<std::string>()));
}

std::vector<Tensor> makeTensors(const Json& list) {
  std::vector<Tensor> out;
  for (auto& j : list) out.push_back(makeTensor(j));
  return out;
}

// The largest |got - want| / (1 + |want|) seen per case kind, reported at the end.
std::map<std::string, double>& maxError() {
  static std::map<std::string, double> m;
  return m;
}
std::string currentKind;

bool close(double got, double want, double tol) {
  if (std::isfinite(want) && std::isfinite(got)) {
    double& m = maxError()[currentKind];
    m = std::max(m, std::fabs(got - want) / (1 + std::fabs(want)));
  }
  if (std::isnan(want)) return std::isnan(got);
  if (std::isinf(want)) return got == want;
  return std::fabs(got - want) <= tol * (1 + std::fabs(want));
}

void expectTensor(const Tensor& got, const Json& want, double tol, const std::string& what) {
  ASSERT_TRUE(got.defined()) << what << ": undefined tensor";
  ASSERT_EQ(got.shape(), want["shape"].get<Shape>()) << what << ": shape";
  auto g = got.dataSync<double>();
  int bad = 0;
  for (size_t i = 0; i < g.size(); ++i) {
    double w = decode(want["data"][i]);
    if (!close(g[i], w, tol) && bad++ < 5) ADD_FAILURE() << what << "[" << i << "]: got " << g[i] << ", TF.js " << w;
  }
}

void expectWeights(const std::vector<Tensor>& got, const Json& want, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what << ": number of weights";
  for (size_t i = 0; i < got.size(); ++i) expectTensor(got[i], want[i], kValueTol, what + " " + std::to_string(i));
}

OptimizerIdentifier makeOptimizer(const Json& o) {
  if (o.contains("name")) return o["name"].get<std::string>();
  const std::string cls = o["className"].get<std::string>();
  const Json& c = o["config"];
  auto num = [&](const char* k) { return c.at(k).get<double>(); };
  if (cls == "SGD") return train::sgd(num("learningRate"));
  if (cls == "Momentum") return train::momentum(num("learningRate"), num("momentum"), c.value("useNesterov", false));
  if (cls == "RMSProp")
    return train::rmsprop(num("learningRate"), num("decay"), num("momentum"), num("epsilon"), c.value("centered", false));
  if (cls == "Adam") return train::adam(num("learningRate"), num("beta1"), num("beta2"), num("epsilon"));
  if (cls == "Adadelta") return train::adadelta(num("learningRate"), num("rho"), num("epsilon"));
  if (cls == "Adamax") return train::adamax(num("learningRate"), num("beta1"), num("beta2"), num("epsilon"), num("decay"));
  if (cls == "Adagrad") return train::adagrad(num("learningRate"), num("initialAccumulatorValue"));
  throw Error("oracle: unknown optimizer " + cls);
}

LayersModel makeModel(const Json& c) {
  LayersModel model = modelFromJSON(fromJson(c["model"]));
  model.setWeights(makeTensors(c["weights"]));
  return model;
}

void runTrain(const Json& c) {
  LayersModel model = makeModel(c);
  model.compile({.optimizer = makeOptimizer(c["optimizer"]), .loss = c["loss"].get<std::string>()});
  const Json& batches = c["batches"];
  for (size_t s = 0; s < batches.size(); ++s) {
    auto losses = model.trainOnBatch(makeTensor(batches[s]["x"]), makeTensor(batches[s]["y"]));
    ASSERT_EQ(losses.size(), 1u);
    double want = c["losses"][s].get<double>();
    EXPECT_TRUE(close(losses[0], want, kValueTol)) << "loss of step " << s << ": got " << losses[0] << ", TF.js " << want;
  }
  expectWeights(model.getWeights(), c["finalWeights"], "final weight");
}

void runFit(const Json& c) {
  LayersModel model = makeModel(c);
  std::vector<LossOrMetric> metrics;
  for (auto& m : c["metrics"]) metrics.emplace_back(m.get<std::string>());
  model.compile({.optimizer = makeOptimizer(c["optimizer"]), .loss = c["loss"].get<std::string>(), .metrics = metrics});
  const Json& a = c["args"];
  ModelFitArgs args{.batchSize = a["batchSize"].get<int64_t>(), .epochs = a["epochs"].get<int>(), .verbose = 0,
                    .shuffle = false};
  if (a.contains("validationSplit")) args.validationSplit = a["validationSplit"].get<double>();
  if (a.contains("initialEpoch")) args.initialEpoch = a["initialEpoch"].get<int>();
  if (c.contains("validationData"))
    args.validationData = {makeTensor(c["validationData"]["x"]), makeTensor(c["validationData"]["y"])};
  History h = model.fit(makeTensor(c["x"]), makeTensor(c["y"]), args);
  EXPECT_EQ(h.epoch, c["epochs"].get<std::vector<int>>());
  ASSERT_EQ(h.history.size(), c["history"].size()) << "log keys";
  for (auto& [key, values] : c["history"].items()) {
    ASSERT_TRUE(h.history.count(key)) << "missing log " << key;
    auto& got = h.history.at(key);
    ASSERT_EQ(got.size(), values.size()) << key;
    for (size_t e = 0; e < got.size(); ++e) {
      double want = values[e].get<double>();
      EXPECT_TRUE(close(got[e], want, kValueTol)) << key << " of epoch " << h.epoch[e] << ": got " << got[e] << ", TF.js "
                                                  << want;
    }
  }
  expectWeights(model.getWeights(), c["finalWeights"], "final weight");
}

// x (and gradInput) is one tensor, or a list of them for layers of several inputs (merge); y and
// dy are lists for layers of several outputs (RNN cells, returnState); mask, if any, goes to every
// call as kwargs.mask.
void runLayer(const Json& c) {
  Layer layer = layers::deserialize(fromJson(Json{{"className", c["className"]}, {"config", c["config"]}}));
  const bool multi = c["x"].is_array();
  std::vector<Tensor> xs = multi ? makeTensors(c["x"]) : std::vector<Tensor>{makeTensor(c["x"])};
  const bool multiOut = c["y"].is_array();
  const Json wantY = multiOut ? c["y"] : Json::array({c["y"]});
  std::vector<Tensor> dys = multiOut ? makeTensors(c["dy"]) : std::vector<Tensor>{makeTensor(c["dy"])};
  Kwargs kwargs;
  if (c.contains("mask")) kwargs.mask = makeTensor(c["mask"]);
  layer.applyMulti(xs, kwargs);  // builds the weights
  // The round trip: the layer built from TF.js's config writes the same config back.
  EXPECT_EQ(toJson(layer.getConfig()).dump(), c["config"].dump()) << "getConfig()";
  layer.setWeights(makeTensors(c["weights"]));
  std::vector<Tensor> ys = layer.applyMulti(xs, kwargs);
  ASSERT_EQ(ys.size(), wantY.size()) << "outputs";
  for (size_t i = 0; i < ys.size(); ++i) expectTensor(ys[i], wantY[i], kValueTol, "output " + std::to_string(i));
  auto f = [&](const std::vector<Tensor>& inputs) {
    std::vector<Tensor> out = layer.applyMulti(inputs, kwargs);
    Tensor total = sum(mul(out.at(0), dys[0]));
    for (size_t i = 1; i < out.size(); ++i) total = add(total, sum(mul(out[i], dys.at(i))));
    return total;
  };
  // A null gradient: TF.js has none to compare with (integer inputs, or its gradient throws).
  if (!c["gradInput"].is_null()) {
    std::vector<Tensor> gradInputs = grads(f)(xs, Tensor());
    ASSERT_EQ(gradInputs.size(), xs.size());
    for (size_t i = 0; i < xs.size(); ++i)
      expectTensor(gradInputs[i], multi ? c["gradInput"][i] : c["gradInput"], kValueTol,
                   "gradient of input " + std::to_string(i));
  }
  std::vector<Variable> vars;
  for (auto& w : layer.trainableWeights()) vars.push_back(w.read());
  if (c["gradWeights"].is_null()) return;
  ASSERT_EQ(vars.size(), c["gradWeights"].size()) << "trainable weights";
  if (vars.empty()) return;
  auto r = variableGrads([&] { return f(xs); }, vars);
  for (size_t i = 0; i < vars.size(); ++i) {
    ASSERT_TRUE(r.grads.count(vars[i].name())) << "no gradient for " << vars[i].name();
    expectTensor(r.grads.at(vars[i].name()), c["gradWeights"][i], kValueTol, "gradient of " + vars[i].name());
  }
}

void runInitializer(const Json& c) {
  auto init = initializers::deserializeInitializer(fromJson(c["initializer"]));
  expectTensor(init->apply(c["shape"].get<Shape>()), c["values"], 1e-5, "values");
}

void runCase(const Json& c, const std::string& backend) {
  std::string previous = getBackend();
  setBackend(backend);
  auto before = memory();
  try {
    tidy([&] {
      const std::string kind = c["kind"].get<std::string>();
      currentKind = kind + " (" + backend + ")";
      if (kind == "train") runTrain(c);
      else if (kind == "fit") runFit(c);
      else if (kind == "layer") runLayer(c);
      else if (kind == "initializer") runInitializer(c);
      else FAIL() << "unknown case kind " << kind;
    });
  } catch (const std::exception& e) {
    ADD_FAILURE() << "threw: " << e.what();
  }
  auto after = memory();
  EXPECT_EQ(after.numTensors, before.numTensors) << "tensors leaked";
  EXPECT_EQ(after.numBytes, before.numBytes) << "bytes leaked";
  setBackend(previous);
}

class CaseTest : public testing::Test {
 public:
  CaseTest(Json c, std::string backend) : c_(std::move(c)), backend_(std::move(backend)) {}
  void TestBody() override { runCase(c_, backend_); }

 private:
  Json c_;
  std::string backend_;
};

std::string sanitize(std::string s) {
  for (char& ch : s)
    if (!isalnum(static_cast<unsigned char>(ch)) && ch != '_') ch = '_';
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--cases=", 0) == 0) dir = a.substr(8);
  }
  if (dir.empty() || !fs::is_directory(dir)) {
    std::cerr << "oracle_layers: no case directory '" << dir
              << "'; run node tests/oracle/gen_layers/generate.mjs DIR first\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  int registered = 0;
  for (auto& file : files) {
    std::ifstream in(file);
    Json doc = Json::parse(in);
    std::string family = sanitize(file.stem().string());
    for (auto& c : doc["cases"])
      for (auto& backend : listBackends()) {
        std::string suite = "OracleLayers_" + backend;
        std::string name = family + "/" + sanitize(c["name"].get<std::string>());
        testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                              [c, backend]() -> testing::Test* { return new CaseTest(c, backend); });
        ++registered;
      }
  }
  if (registered == 0) {
    std::cerr << "oracle_layers: no cases found in " << dir << "\n";
    return 2;
  }
  int result = RUN_ALL_TESTS();
  for (auto& [kind, err] : maxError()) std::cout << "largest relative difference from TF.js, " << kind << ": " << err << "\n";
  return result;
}
