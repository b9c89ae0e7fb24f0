// Shape, slicing and joining ops.
#include "edgeflow/ops/manipulation.h"
#include "op_table.h"

namespace edgeflow::web {

void addShapeOps(OpTable& t) {
  t.add("reshape", 1, [](const OpArgs& a) { return reshape(a[0], a.shape("shape")); });
  t.add("expandDims", 1, [](const OpArgs& a) { return expandDims(a[0], a.integer("axis", 0)); });
  t.add("squeeze", 1, [](const OpArgs& a) { return squeeze(a[0], a.has("axis") ? a.shape("axis") : Shape{}); });
  t.add("concat", kAnyInputs, [](const OpArgs& a) { return concat(a.inputs(), a.integer("axis", 0)); });
  t.add("stack", kAnyInputs, [](const OpArgs& a) { return stack(a.inputs(), a.integer("axis", 0)); });
  t.add("unstack", 1, [](const OpArgs& a) { return unstack(a[0], a.integer("axis", 0)); });
  t.add("split", 1, [](const OpArgs& a) {
    int64_t axis = a.integer("axis", 0);
    if (a.has("sizeSplits")) return split(a[0], a.ints("sizeSplits"), axis);
    return split(a[0], a.integer("numSplits"), axis);
  });
  t.add("slice", 1, [](const OpArgs& a) {
    return slice(a[0], a.shape("begin"), a.has("size") ? a.shape("size") : Shape{});
  });
  t.add("stridedSlice", 1, [](const OpArgs& a) {
    return stridedSlice(a[0], a.ints("begin"), a.ints("end"), a.ints("strides", {}),
                        static_cast<int>(a.integer("beginMask", 0)), static_cast<int>(a.integer("endMask", 0)),
                        static_cast<int>(a.integer("ellipsisMask", 0)), static_cast<int>(a.integer("newAxisMask", 0)),
                        static_cast<int>(a.integer("shrinkAxisMask", 0)));
  });
  t.add("gather", 2, [](const OpArgs& a) {
    return gather(a[0], a[1], a.integer("axis", 0), a.integer("batchDims", 0));
  });
  t.add("gatherND", 2, [](const OpArgs& a) { return gatherND(a[0], a[1]); });
  t.add("scatterND", 2, [](const OpArgs& a) { return scatterND(a[0], a[1], a.shape("shape")); });
  t.add("tile", 1, [](const OpArgs& a) { return tile(a[0], a.ints("reps")); });
  t.add("pad", 1, [](const OpArgs& a) { return pad(a[0], a.pairs("paddings"), a.number("constantValue", 0)); });
  t.add("mirrorPad", 1, [](const OpArgs& a) {
    return mirrorPad(a[0], a.pairs("paddings"), a.string("mode", ""));
  });
  t.add("reverse", 1, [](const OpArgs& a) { return reverse(a[0], a.axes("axis")); });
  t.add("broadcastTo", 1, [](const OpArgs& a) { return broadcastTo(a[0], a.shape("shape")); });
  t.add("depthToSpace", 1, [](const OpArgs& a) {
    return depthToSpace(a[0], a.integer("blockSize"), a.string("dataFormat", "NHWC"));
  });
  t.add("spaceToBatchND", 1, [](const OpArgs& a) {
    return spaceToBatchND(a[0], a.ints("blockShape"), a.pairs("paddings"));
  });
  t.add("batchToSpaceND", 1, [](const OpArgs& a) {
    return batchToSpaceND(a[0], a.ints("blockShape"), a.pairs("crops"));
  });
}

}  // namespace edgeflow::web
