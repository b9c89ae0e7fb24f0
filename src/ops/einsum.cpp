// tf.einsum (kernel Einsum, attr equation). Accepts what TF.js 4.22 accepts: one or two input
// terms, an explicit '->', no ellipsis, no repeated label within a term. Unlike TF.js it also
// rejects a term whose length differs from its tensor's rank and a repeated output label (TF.js
// returns garbage there), and it computes every contraction correctly (TF.js's summation path
// mis-shapes some two-operand equations that sum a label of only one operand, e.g. 'ij,j->').
// TF.js has no Einsum gradient; ours is an einsum of dy with the other operand.
#include <algorithm>
#include <type_traits>

#include "core/dispatch.h"
#include "edgeflow/kernel.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/unary.h"

namespace edgeflow {
namespace {

struct EinsumSpec {
  std::vector<std::string> terms;  // input terms
  std::string output;
  std::string labels;  // every label once: output labels first, then summed ones in input order
};

EinsumSpec parseEinsum(const std::string& equation, size_t numTensors) {
  std::string eq;
  for (char ch : equation)
    if (!isspace(static_cast<unsigned char>(ch))) eq += ch;
  auto fail = [&](const std::string& why) { throw Error("einsum: " + why + " in equation '" + equation + "'"); };
  size_t arrow = eq.find("->");
  if (arrow == std::string::npos) fail("equations without an arrow ('->') are not supported");
  if (eq.find("->", arrow + 2) != std::string::npos) fail("there must be exactly one arrow ('->')");
  if (eq.find("...") != std::string::npos) fail("the ellipsis notation ('...') is not supported");
  EinsumSpec s;
  std::string in = eq.substr(0, arrow);
  s.output = eq.substr(arrow + 2);
  for (size_t start = 0;;) {
    size_t comma = in.find(',', start);
    s.terms.push_back(in.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (s.terms.size() != numTensors)
    fail("expected " + std::to_string(s.terms.size()) + " input tensors, got " + std::to_string(numTensors));
  if (s.terms.size() > 2) fail("more than 2 input tensors are not supported");
  auto checkTerm = [&](const std::string& term, const char* what) {
    for (size_t i = 0; i < term.size(); ++i) {
      char ch = term[i];
      if (ch == '-' || ch == '>' || ch == '.') fail(std::string("invalid label '") + ch + "'");
      if (term.find(ch, i + 1) != std::string::npos)
        fail(std::string("label '") + ch + "' is repeated in " + what + " '" + term + "' (not supported)");
    }
  };
  for (auto& t : s.terms) checkTerm(t, "input term");
  checkTerm(s.output, "the output");
  for (char ch : s.output) {
    if (std::none_of(s.terms.begin(), s.terms.end(), [&](const std::string& t) { return t.find(ch) != t.npos; }))
      fail(std::string("output label '") + ch + "' is not in any input term");
    s.labels += ch;
  }
  for (auto& t : s.terms)
    for (char ch : t)
      if (s.labels.find(ch) == std::string::npos) s.labels += ch;
  return s;
}

// Each label's size; throws on a rank or size mismatch.
std::vector<int64_t> labelSizes(const EinsumSpec& s, const std::vector<Tensor>& xs) {
  std::vector<int64_t> size(s.labels.size(), -1);
  for (size_t t = 0; t < xs.size(); ++t) {
    const std::string& term = s.terms[t];
    const Shape& shape = xs[t].shape();
    if (term.size() != shape.size())
      throw Error("einsum: term '" + term + "' has " + std::to_string(term.size()) + " labels but tensors" +
                  std::to_string(t) + " has shape " + shapeToString(shape));
    for (size_t q = 0; q < term.size(); ++q) {
      int64_t& sz = size[s.labels.find(term[q])];
      if (sz >= 0 && sz != shape[q])
        throw Error(std::string("einsum: label '") + term[q] + "' has size " + std::to_string(sz) +
                    " but tensors" + std::to_string(t) + " " + shapeToString(shape) + " has " +
                    std::to_string(shape[q]) + " at axis " + std::to_string(q));
      sz = shape[q];
    }
  }
  return size;
}

// out[o] = sum over the summed labels of the product of the operands, by odometer over all labels.
template <class T>
void einsumLoops(const EinsumSpec& s, const std::vector<int64_t>& size, const std::vector<Tensor>& xs, T* out) {
  using Acc = std::conditional_t<std::is_floating_point_v<T>, double, int64_t>;
  size_t numLabels = s.labels.size(), numOut = s.output.size();
  std::vector<std::vector<int64_t>> stride(xs.size(), std::vector<int64_t>(numLabels, 0));
  std::vector<const T*> ptr;
  for (size_t t = 0; t < xs.size(); ++t) {
    auto st = stridesOf(xs[t].shape());
    for (size_t q = 0; q < s.terms[t].size(); ++q) stride[t][s.labels.find(s.terms[t][q])] = st[q];
    ptr.push_back(xs[t].dataPtr<T>());
  }
  int64_t outSize = 1, sumSize = 1;
  for (size_t l = 0; l < numLabels; ++l) (l < numOut ? outSize : sumSize) *= size[l];
  if (outSize == 0) return;
  std::vector<int64_t> idx(numLabels, 0), off(xs.size(), 0);
  // Advances labels [from, to) of the odometer, keeping the operand offsets in step.
  auto advance = [&](size_t from, size_t to) {
    for (size_t l = to; l-- > from;) {
      for (size_t t = 0; t < xs.size(); ++t) off[t] += stride[t][l];
      if (++idx[l] < size[l]) return;
      for (size_t t = 0; t < xs.size(); ++t) off[t] -= stride[t][l] * size[l];
      idx[l] = 0;
    }
  };
  for (int64_t o = 0; o < outSize; ++o) {
    Acc acc = 0;
    for (int64_t r = 0; r < sumSize; ++r) {
      T p = ptr[0][off[0]];
      if (xs.size() == 2) p = static_cast<T>(p * ptr[1][off[1]]);  // rounded like TF.js's Multiply
      acc += static_cast<Acc>(p);
      advance(numOut, numLabels);
    }
    if constexpr (std::is_same_v<T, int32_t>)
      out[o] = static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(acc)));
    else
      out[o] = static_cast<T>(acc);
    advance(0, numOut);
  }
}

}  // namespace

Tensor einsum(const std::string& equation, const std::vector<Tensor>& tensors) {
  EinsumSpec s = parseEinsum(equation, tensors.size());
  labelSizes(s, tensors);
  // TF.js multiplies (upcasting) and sums (bool and int sum to int32).
  DType t = tensors[0].dtype();
  for (auto& x : tensors) t = upcastType(t, x.dtype());
  if (s.labels.size() > s.output.size() && (t == DType::bool_ || t == DType::uint8)) t = DType::int32;
  std::vector<Tensor> xs;
  for (auto& x : tensors) xs.push_back(x.dtype() == t ? x : cast(x, t));
  return runKernel1("Einsum", xs, Attrs{{"equation", equation}});
}

EF_REGISTER_KERNEL("Einsum", "ref", [](const KernelContext& c) {
  EinsumSpec s = parseEinsum(c.attrs.getString("equation"), c.inputs.size());
  auto size = labelSizes(s, c.inputs);
  Shape outShape(size.begin(), size.begin() + static_cast<std::ptrdiff_t>(s.output.size()));
  Tensor out = makeTensor(outShape, c.inputs[0].dtype());
  dispatchDType(out.dtype(), [&](auto zero) { einsumLoops<decltype(zero)>(s, size, c.inputs, out.mutableData<decltype(zero)>()); });
  return std::vector<Tensor>{out};
});

// d(input t) = einsum('out,other->t', dy, other) over t's labels that dy or the other operand
// has; labels only t has were summed away, so that gradient is broadcast along them.
EF_REGISTER_GRADIENT("Einsum", [](const GradContext& g) {
  EinsumSpec s = parseEinsum(g.attrs.getString("equation"), g.inputs.size());
  std::vector<Tensor> grads;
  for (size_t t = 0; t < g.inputs.size(); ++t) {
    const Tensor& x = g.inputs[t];
    std::string known = s.output, eq = s.output;
    std::vector<Tensor> ins{g.dys[0]};
    if (g.inputs.size() == 2) {
      known += s.terms[1 - t];
      eq += "," + s.terms[1 - t];
      ins.push_back(g.inputs[1 - t]);
    }
    std::string kept;
    Shape keptShape;
    for (size_t q = 0; q < s.terms[t].size(); ++q) {
      char ch = s.terms[t][q];
      bool has = known.find(ch) != std::string::npos;
      if (has) kept += ch;
      keptShape.push_back(has ? x.shape()[q] : 1);
    }
    Tensor d = einsum(eq + "->" + kept, ins);
    if (kept.size() != s.terms[t].size()) d = mul(reshape(d, keptShape), ones(x.shape()));
    grads.push_back(d);
  }
  return grads;
});

}  // namespace edgeflow
