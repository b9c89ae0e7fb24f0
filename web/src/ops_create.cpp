// Creation ops whose inputs are numbers and shapes (tensors from JS data go through
// tensorFromArray in bindings.cpp) and the random ops.
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/random.h"
#include "edgeflow/ops/selection.h"
#include "op_table.h"

namespace edgeflow::web {

void addCreationOps(OpTable& t) {
  t.add("zeros", 0, [](const OpArgs& a) { return zeros(a.shape("shape"), a.dtype("dtype", DType::float32)); });
  t.add("ones", 0, [](const OpArgs& a) { return ones(a.shape("shape"), a.dtype("dtype", DType::float32)); });
  t.add("zerosLike", 1, [](const OpArgs& a) { return zerosLike(a[0]); });
  t.add("onesLike", 1, [](const OpArgs& a) { return onesLike(a[0]); });
  t.add("clone", 1, [](const OpArgs& a) { return clone(a[0]); });
  t.add("fill", 0, [](const OpArgs& a) {
    return fill(a.shape("shape"), a.number("value"), a.dtype("dtype", DType::float32));
  });
  t.add("eye", 0, [](const OpArgs& a) {
    return eye(a.integer("numRows"), a.integer("numColumns", -1), a.ints("batchShape", {}),
               a.dtype("dtype", DType::float32));
  });
  t.add("range", 0, [](const OpArgs& a) {
    return range(a.number("start"), a.number("stop"), a.number("step", 1), a.dtype("dtype", DType::float32));
  });
  t.add("linspace", 0, [](const OpArgs& a) {
    return linspace(a.number("start"), a.number("stop"), a.integer("num"));
  });
  t.add("oneHot", 1, [](const OpArgs& a) {
    return oneHot(a[0], a.integer("depth"), a.number("onValue", 1), a.number("offValue", 0),
                  a.dtype("dtype", DType::int32));
  });
  t.add("randomUniform", 0, [](const OpArgs& a) {
    return randomUniform(a.shape("shape"), a.number("minval", 0), a.number("maxval", 1),
                         a.dtype("dtype", DType::float32), a.optionalNumber("seed"));
  });
  t.add("randomNormal", 0, [](const OpArgs& a) {
    return randomNormal(a.shape("shape"), a.number("mean", 0), a.number("stdDev", 1),
                        a.dtype("dtype", DType::float32), a.optionalNumber("seed"));
  });
  t.add("truncatedNormal", 0, [](const OpArgs& a) {
    return truncatedNormal(a.shape("shape"), a.number("mean", 0), a.number("stdDev", 1),
                           a.dtype("dtype", DType::float32), a.optionalNumber("seed"));
  });
  t.add("multinomial", 1, [](const OpArgs& a) {
    return multinomial(a[0], a.integer("numSamples"), a.optionalNumber("seed"), a.flag("normalized"));
  });
}

}  // namespace edgeflow::web
