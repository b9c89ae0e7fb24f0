// Reductions, scans, linear algebra and selection (topk, unique).
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/selection.h"
#include "op_table.h"

namespace edgeflow::web {

namespace {
using Reduce = Tensor (*)(const Tensor&, Axes, bool);
struct ReduceOp {
  const char* name;
  Reduce fn;
};
const ReduceOp kReduce[] = {
    {"sum", &edgeflow::sum}, {"mean", &edgeflow::mean}, {"max", &edgeflow::max},
    {"min", &edgeflow::min}, {"prod", &edgeflow::prod}, {"all", &edgeflow::all},
    {"any", &edgeflow::any}, {"logSumExp", &edgeflow::logSumExp}, {"euclideanNorm", &edgeflow::euclideanNorm},
};
}  // namespace

void addReductionOps(OpTable& t) {
  for (const auto& op : kReduce)
    t.add(op.name, 1, [fn = op.fn](const OpArgs& a) { return fn(a[0], a.axes("axis"), a.flag("keepDims")); });
  t.add("argMax", 1, [](const OpArgs& a) { return argMax(a[0], a.integer("axis", 0)); });
  t.add("argMin", 1, [](const OpArgs& a) { return argMin(a[0], a.integer("axis", 0)); });
  t.add("cumsum", 1, [](const OpArgs& a) {
    return cumsum(a[0], a.integer("axis", 0), a.flag("exclusive"), a.flag("reverse"));
  });
  t.add("cumprod", 1, [](const OpArgs& a) {
    return cumprod(a[0], a.integer("axis", 0), a.flag("exclusive"), a.flag("reverse"));
  });
  t.add("moments", 1, [](const OpArgs& a) {
    auto m = moments(a[0], a.axes("axis"), a.flag("keepDims"));
    return std::vector<Tensor>{m.mean, m.variance};
  });
  // ord is a string ('euclidean', 'fro') or a number (1, 2, Infinity, ...).
  t.add("norm", 1, [](const OpArgs& a) {
    // ord: 'euclidean' | 'fro' | a number; JS sends ±Infinity as strings, which number() reads.
    std::string ord = "euclidean";
    if (a.has("ord")) {
      try {
        ord = a.string("ord", ord);
      } catch (const Error&) {
        ord.clear();  // a number
      }
      if (ord == "Infinity" || ord == "-Infinity" || ord.empty())
        return norm(a[0], a.number("ord"), a.axes("axis"), a.flag("keepDims"));
    }
    return norm(a[0], ord, a.axes("axis"), a.flag("keepDims"));
  });

  t.add("matMul", 2, [](const OpArgs& a) {
    return matMul(a[0], a[1], a.flag("transposeA"), a.flag("transposeB"));
  });
  t.add("dot", 2, [](const OpArgs& a) { return dot(a[0], a[1]); });
  t.add("outerProduct", 2, [](const OpArgs& a) { return outerProduct(a[0], a[1]); });
  t.add("transpose", 1, [](const OpArgs& a) { return transpose(a[0], a.ints("perm", {})); });
  t.add("einsum", kAnyInputs, [](const OpArgs& a) { return einsum(a.string("equation", ""), a.inputs()); });

  t.add("topk", 1, [](const OpArgs& a) {
    auto r = topk(a[0], a.integer("k", 1), a.flag("sorted", true));
    return std::vector<Tensor>{r.values, r.indices};
  });
  t.add("unique", 1, [](const OpArgs& a) {
    auto r = unique(a[0], a.integer("axis", 0));
    return std::vector<Tensor>{r.values, r.indices};
  });
}

}  // namespace edgeflow::web
