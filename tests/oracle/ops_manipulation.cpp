// Adapters for tests/oracle/gen/cases/manipulation.mjs and stridedslice.mjs. The `...Via` ops
// run the same edgeflow op as their plain twins (TF.js computes them differently to get a gradient).
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

Paddings pairs(const Call& c, const char* name) {
  Paddings p;
  for (auto& pr : c.attrs.at(name)) p.emplace_back(pr.at(0).get<int64_t>(), pr.at(1).get<int64_t>());
  return p;
}

std::vector<Tensor> runSplit(const Call& c) {
  if (c.has("num")) return split(c.in(0), c.i("num"), c.i("axis"));
  return split(c.in(0), c.ints("sizes"), c.i("axis"));
}

std::vector<Tensor> runStridedSlice(const Call& c) {
  return one(stridedSlice(c.in(0), c.ints("begin"), c.ints("end"), c.ints("strides"),
                          static_cast<int>(c.i("beginMask")), static_cast<int>(c.i("endMask")),
                          static_cast<int>(c.i("ellipsisMask")), static_cast<int>(c.i("newAxisMask")),
                          static_cast<int>(c.i("shrinkAxisMask"))));
}

std::vector<Tensor> runDepthToSpace(const Call& c) {
  return one(depthToSpace(c.in(0), c.i("blockSize"), c.s("dataFormat", "NHWC")));
}

}  // namespace

EF_ORACLE_OP("expandDims", [](const Call& c) { return one(expandDims(c.in(0), c.i("axis"))); });
EF_ORACLE_OP("squeeze", [](const Call& c) { return one(squeeze(c.in(0), c.ints("axis"))); });
EF_ORACLE_OP("concat", [](const Call& c) { return one(concat(c.inputs, c.i("axis"))); });
EF_ORACLE_OP("stack", [](const Call& c) { return one(stack(c.inputs, c.i("axis"))); });
EF_ORACLE_OP("unstack", [](const Call& c) { return unstack(c.in(0), c.i("axis")); });
EF_ORACLE_OP("split", runSplit);
EF_ORACLE_OP("slice", [](const Call& c) { return one(slice(c.in(0), c.ints("begin"), c.ints("size"))); });
EF_ORACLE_OP("stridedSlice", runStridedSlice);
EF_ORACLE_OP("stridedSliceVia", runStridedSlice);
EF_ORACLE_OP("gather", [](const Call& c) { return one(gather(c.in(0), c.in(1), c.i("axis"), c.i("batchDims"))); });
EF_ORACLE_OP("gatherND", [](const Call& c) { return one(gatherND(c.in(0), c.in(1))); });
EF_ORACLE_OP("gatherNDVia", [](const Call& c) { return one(gatherND(c.in(0), c.in(1))); });
EF_ORACLE_OP("scatterND", [](const Call& c) { return one(scatterND(c.in(0), c.in(1), c.ints("shape"))); });
EF_ORACLE_OP("scatterNDVia", [](const Call& c) { return one(scatterND(c.in(0), c.in(1), c.ints("shape"))); });
EF_ORACLE_OP("tile", [](const Call& c) { return one(tile(c.in(0), c.ints("reps"))); });
EF_ORACLE_OP("pad", [](const Call& c) { return one(pad(c.in(0), pairs(c, "paddings"), c.d("constantValue"))); });
EF_ORACLE_OP("mirrorPad", [](const Call& c) { return one(mirrorPad(c.in(0), pairs(c, "paddings"), c.s("mode"))); });
EF_ORACLE_OP("reverse", [](const Call& c) { return one(reverse(c.in(0), c.axes("axis"))); });
EF_ORACLE_OP("broadcastTo", [](const Call& c) { return one(broadcastTo(c.in(0), c.ints("shape"))); });
EF_ORACLE_OP("depthToSpace", runDepthToSpace);
EF_ORACLE_OP("depthToSpaceVia", runDepthToSpace);
EF_ORACLE_OP("spaceToBatchND", [](const Call& c) {
  return one(spaceToBatchND(c.in(0), c.ints("blockShape"), pairs(c, "paddings")));
});
EF_ORACLE_OP("batchToSpaceND", [](const Call& c) {
  return one(batchToSpaceND(c.in(0), c.ints("blockShape"), pairs(c, "crops")));
});
EF_ORACLE_OP("transpose", [](const Call& c) { return one(transpose(c.in(0), c.ints("perm"))); });

}  // namespace edgeflow::oracle
