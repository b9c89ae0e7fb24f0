// tf.clipByValue (kernel ClipByValue). min == max gives a filled tensor, as in TF.js.
#include <sstream>

#include "ops/unary_op.h"

namespace edgeflow {

Tensor clipByValue(const Tensor& x, double clipValueMin, double clipValueMax) {
  if (!(clipValueMin <= clipValueMax)) {
    std::ostringstream msg;
    msg << "clipByValue: clipValueMin (" << clipValueMin << ") must be less than or equal to clipValueMax ("
        << clipValueMax << ")";
    throw Error(msg.str());
  }
  if (clipValueMin == clipValueMax) return fill(x.shape(), clipValueMin, x.dtype());
  return runUnary("ClipByValue", x, Attrs{{"clipValueMin", clipValueMin}, {"clipValueMax", clipValueMax}});
}
Tensor Tensor::clipByValue(double clipValueMin, double clipValueMax) const {
  return edgeflow::clipByValue(*this, clipValueMin, clipValueMax);
}

// The gradient passes where min <= x <= max (so not at NaN).
EF_REGISTER_GRADIENT("ClipByValue", [](const GradContext& g) {
  const Tensor& x = g.inputs[0];
  const Tensor& dy = g.dys[0];
  Tensor inside = logicalAnd(greaterEqual(x, g.attrs.getDouble("clipValueMin")),
                             lessEqual(x, g.attrs.getDouble("clipValueMax")));
  return std::vector<Tensor>{where(inside, dy, zerosLike(dy))};
});

}  // namespace edgeflow
