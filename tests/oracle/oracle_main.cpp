// Runs every TF.js oracle case on every backend: outputs, gradients vs TF.js, and gradients vs
// finite differences. One GoogleTest per case and backend: Oracle_<backend>.<file>/<case>.
// Backend skip lists are explicit (kSkips) and listed in docs/ops.md.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "oracle/oracle.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace edgeflow::oracle {

std::map<std::string, Adapter>& adapters() {
  static std::map<std::string, Adapter> m;
  return m;
}
bool registerAdapter(const std::string& op, Adapter fn) {
  adapters()[op] = std::move(fn);
  return true;
}

namespace {

// {backend, op} pairs not run, with the reason (none yet: every backend runs every op).
const std::map<std::pair<std::string, std::string>, std::string> kSkips = {};

double decode(const json& v) {
  if (v.is_string()) {
    auto s = v.get<std::string>();
    if (s == "NaN") return NAN;
    if (s == "Infinity") return INFINITY;
    if (s == "-Infinity") return -INFINITY;
    if (s == "-0") return -0.0;
    throw Error("oracle: bad number " + s);
  }
  return v.get<double>();
}

Tensor makeInput(const json& j) {
  std::vector<double> data;
  for (auto& v : j["data"]) data.push_back(decode(v));
  return tensor(data, j["shape"].get<Shape>(), parseDType(j["dtype"].get<std::string>()));
}

std::string near(double got, double want) {
  return "got " + std::to_string(got) + ", TF.js " + std::to_string(want);
}

bool close(double got, double want, double tol) {
  if (std::isnan(want)) return std::isnan(got);
  if (std::isinf(want)) return got == want;
  return std::fabs(got - want) <= tol * (1 + std::fabs(want));
}

void expectTensor(const Tensor& got, const json& want, double tol, const std::string& what) {
  ASSERT_TRUE(got.defined()) << what << ": undefined tensor";
  ASSERT_EQ(got.shape(), want["shape"].get<Shape>()) << what << ": shape";
  ASSERT_STREQ(dtypeName(got.dtype()), want["dtype"].get<std::string>().c_str()) << what << ": dtype";
  auto g = got.dataSync<double>();
  const json& w = want["data"];
  int bad = 0;
  for (size_t i = 0; i < g.size(); ++i) {
    double wv = decode(w[i]);
    if (!close(g[i], wv, tol) && bad++ < 5) ADD_FAILURE() << what << "[" << i << "]: " << near(g[i], wv);
  }
}

// The scalar the gradients are of: sum over float outputs of sum(output * dy).
Tensor lossOf(const Adapter& fn, const std::vector<Tensor>& ins, const json& attrs, const std::vector<Tensor>& dys) {
  auto outs = fn(Call{ins, attrs});
  Tensor acc = scalar(0);
  for (size_t q = 0; q < outs.size(); ++q)
    if (outs[q].dtype() == DType::float32) acc = add(acc, sum(mul(outs[q], dys[q])));
  return acc;
}

void runCase(const json& c, const std::string& backend) {
  setBackend(backend);
  const Adapter& fn = adapters().at(c["op"].get<std::string>());
  const json& attrs = c["attrs"];
  double tol = c.value("tol", 1e-5), gradTol = c.value("gradTol", 1e-4);
  auto before = memory();
  tidy([&] {
    std::vector<Tensor> ins;
    for (auto& j : c["inputs"]) ins.push_back(makeInput(j));
    if (c.contains("error")) {
      EXPECT_THROW(fn(Call{ins, attrs}), Error) << "TF.js throws: " << c["error"];
      return;
    }
    auto outs = fn(Call{ins, attrs});
    ASSERT_EQ(outs.size(), c["outputs"].size()) << "number of outputs";
    for (size_t q = 0; q < outs.size(); ++q) expectTensor(outs[q], c["outputs"][q], tol, "output " + std::to_string(q));
    if (!c.contains("grads")) return;

    std::vector<Tensor> dys;
    for (auto& j : c["dys"]) dys.push_back(makeInput(j));
    std::vector<size_t> which;
    for (auto& g : c["grads"]) which.push_back(g["input"].get<size_t>());
    auto f = [&](const std::vector<Tensor>& wrt) {
      auto full = ins;
      for (size_t q = 0; q < which.size(); ++q) full[which[q]] = wrt[q];
      return lossOf(fn, full, attrs, dys);
    };
    std::vector<Tensor> xs;
    for (size_t j : which) xs.push_back(ins[j]);
    auto gs = grads(f)(xs, Tensor());
    for (size_t q = 0; q < which.size(); ++q)
      expectTensor(gs[q], c["grads"][q], gradTol, "gradient of input " + std::to_string(which[q]));

    // Central finite differences, on small float inputs away from NaN/Inf.
    if (c.value("fd", true) == false) return;
    for (size_t q = 0; q < which.size(); ++q) {
      Tensor x = ins[which[q]];
      if (x.size() > 64) continue;
      auto xv = x.dataSync<double>();
      auto an = gs[q].dataSync<double>();
      for (size_t k = 0; k < xv.size(); ++k) {
        if (!std::isfinite(xv[k]) || !std::isfinite(an[k])) continue;
        double eps = 1e-3 * std::max(1.0, std::fabs(xv[k]));
        auto at = [&](double v) {
          return tidy([&] {
            auto p = xv;
            p[k] = v;
            auto wrt = xs;
            wrt[q] = tensor(p, x.shape());
            return static_cast<double>(f(wrt).dataSync<double>()[0]);
          });
        };
        double fdv = (at(xv[k] + eps) - at(xv[k] - eps)) / (2 * eps);
        EXPECT_NEAR(an[k], fdv, 2e-2 * (1 + std::fabs(fdv)))
            << "finite-difference gradient of input " << which[q] << "[" << k << "]";
      }
    }
  });
  auto after = memory();
  EXPECT_EQ(after.numTensors, before.numTensors) << "tensors leaked";
  EXPECT_EQ(after.numBytes, before.numBytes) << "bytes leaked";
}

class CaseTest : public testing::Test {
 public:
  CaseTest(json c, std::string backend) : c_(std::move(c)), backend_(std::move(backend)) {}
  void TestBody() override {
    std::string prev = getBackend();
    try {
      runCase(c_, backend_);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "threw: " << e.what();
    }
    setBackend(prev);
  }

 private:
  json c_;
  std::string backend_;
};

std::string sanitize(std::string s) {
  for (char& ch : s)
    if (!isalnum(static_cast<unsigned char>(ch)) && ch != '_') ch = '_';
  return s;
}

}  // namespace

// Markdown table of every kernel × backend × gradient and the oracle coverage of every op.
void writeOpsDoc(const std::string& path, const std::map<std::string, std::pair<int, int>>& coverage) {
  std::ofstream o(path);
  o << "# Op support\n\n<!-- Generated by `edgeflow_oracle_tests --ops-doc=docs/ops.md`; do not edit. -->\n\n";
  o << "## Kernels\n\nEach kernel by name (TF.js's kernel names), which backends implement it themselves "
       "(`cpu` falls back to `ref` for the rest) and whether it has a gradient.\n\n";
  auto backends = listBackends();
  o << "| kernel |";
  for (auto& b : backends) o << " " << b << " |";
  o << " gradient |\n|---|";
  for (size_t i = 0; i < backends.size(); ++i) o << "---|";
  o << "---|\n";
  for (auto& k : registeredKernelNames()) {
    o << "| " << k << " |";
    for (auto& b : backends) o << (hasKernel(k, b) ? " ✓ |" : " |");
    o << (hasGradient(k) ? " ✓ |\n" : " |\n");
  }
  o << "\n## Ops checked against TF.js\n\nCases generated from TF.js " << "4.22.0"
    << " (tests/oracle/gen/cases); each runs on every backend, natively and in wasm.\n\n";
  o << "| op | cases | gradient cases |\n|---|---|---|\n";
  for (auto& [op, n] : coverage) o << "| " << op << " | " << n.first << " | " << n.second << " |\n";
  o << "\n## Skipped\n\n";
  if (kSkips.empty()) o << "None: every backend runs every case.\n";
  for (auto& [k, why] : kSkips) o << "- " << k.first << " / " << k.second << ": " << why << "\n";
}

}  // namespace edgeflow::oracle

int main(int argc, char** argv) {
  using namespace edgeflow::oracle;
  testing::InitGoogleTest(&argc, argv);
  std::string dir, opsDoc;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--cases=", 0) == 0) dir = a.substr(8);
    if (a.rfind("--ops-doc=", 0) == 0) opsDoc = a.substr(10);
  }
  if (dir.empty() || !fs::is_directory(dir)) {
    std::cerr << "oracle: no case directory '" << dir << "'; run scripts/gen-oracle.sh first\n";
    return 2;
  }
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::pair<int, int>> coverage;
  for (auto& a : adapters()) coverage[a.first];
  int registered = 0;
  for (auto& file : files) {
    std::ifstream in(file);
    json doc = json::parse(in);
    std::string stem = sanitize(file.stem().string());
    for (auto& c : doc["cases"]) {
      std::string op = c["op"].get<std::string>();
      coverage[op].first++;
      if (c.contains("grads")) coverage[op].second++;
      for (auto& backend : edgeflow::listBackends()) {
        std::string suite = "Oracle_" + backend;
        std::string name = stem + "/" + sanitize(c["name"].get<std::string>());
        if (kSkips.count({backend, op})) continue;
        if (!adapters().count(op)) {
          testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                                [op]() -> testing::Test* {
                                  struct Missing : testing::Test {
                                    std::string op;
                                    void TestBody() override { FAIL() << "no edgeflow adapter for op " << op; }
                                  };
                                  auto* t = new Missing;
                                  t->op = op;
                                  return t;
                                });
        } else {
          testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                                [c, backend]() -> testing::Test* { return new CaseTest(c, backend); });
        }
        ++registered;
      }
    }
  }
  if (!opsDoc.empty()) {
    writeOpsDoc(opsDoc, coverage);
    std::cout << "wrote " << opsDoc << "\n";
    return 0;
  }
  if (registered == 0) {
    std::cerr << "oracle: no cases found in " << dir << "\n";
    return 2;
  }
  return RUN_ALL_TESTS();
}
