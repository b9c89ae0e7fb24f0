// tf.squeeze: a reshape dropping size-1 dimensions (all of them, or the listed axes).
#include <algorithm>

#include "edgeflow/ops/manipulation.h"

namespace edgeflow {

Tensor squeeze(const Tensor& x, std::vector<int64_t> axis) {
  const Shape& s = x.shape();
  const int64_t rank = x.rank();
  for (auto& a : axis) {
    if (a < -rank || a >= rank)
      throw Error("squeeze: axis " + std::to_string(a) + " must be in range [-" + std::to_string(rank) + ", " +
                  std::to_string(rank) + ") for x " + shapeToString(s));
    if (a < 0) a += rank;
  }
  Shape out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool listed = std::find(axis.begin(), axis.end(), static_cast<int64_t>(i)) != axis.end();
    if (listed && s[i] != 1)
      throw Error("squeeze: can't squeeze axis " + std::to_string(i) + " since its dim '" + std::to_string(s[i]) +
                  "' is not 1 (x " + shapeToString(s) + ")");
    bool drop = axis.empty() ? s[i] == 1 : listed;
    if (!drop) out.push_back(s[i]);
  }
  return reshape(x, out);
}
Tensor Tensor::squeeze(std::vector<int64_t> axis) const { return edgeflow::squeeze(*this, std::move(axis)); }

}  // namespace edgeflow
