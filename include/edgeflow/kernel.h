// The kernel registry, for op and backend authors (tfjs-core's registerKernel/registerGradient).
//
// An op validates its arguments, then calls runKernel(name, inputs, attrs). The active backend's
// kernel of that name computes the outputs; a backend may name a parent whose kernels it
// inherits. While a gradient tape is recording, each kernel call is taped, and backprop calls the
// gradient function registered for the kernel's name.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "edgeflow/tensor.h"

namespace edgeflow {

using AttrValue = std::variant<bool, int64_t, double, std::string, std::vector<int64_t>,
                               std::vector<double>, DType>;

class Attrs {
 public:
  Attrs() = default;
  Attrs(std::initializer_list<std::pair<const char*, AttrValue>> items);
  void set(const std::string& name, AttrValue value);
  bool has(const std::string& name) const;
  const AttrValue& get(const std::string& name) const;  // throws if missing
  int64_t getInt(const std::string& name) const;
  double getDouble(const std::string& name) const;  // accepts int too
  bool getBool(const std::string& name) const;
  const std::string& getString(const std::string& name) const;
  const std::vector<int64_t>& getInts(const std::string& name) const;
  const std::vector<double>& getDoubles(const std::string& name) const;
  DType getDType(const std::string& name) const;
  const std::vector<std::pair<std::string, AttrValue>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, AttrValue>> items_;
};

struct KernelContext {
  const std::vector<Tensor>& inputs;
  const Attrs& attrs;
  const std::string& backend;
};
using KernelFunc = std::function<std::vector<Tensor>(const KernelContext&)>;

struct GradContext {
  const std::vector<Tensor>& dys;      // one per output (zeros where an output got no gradient)
  const std::vector<Tensor>& inputs;   // the kernel's inputs
  const std::vector<Tensor>& outputs;  // the kernel's outputs
  const Attrs& attrs;
};
// Returns one gradient per input; an undefined Tensor where an input has none (int indices).
using GradFunc = std::function<std::vector<Tensor>(const GradContext&)>;

void registerBackend(const std::string& name, const std::string& parent = "", int priority = 0);
void registerKernel(const std::string& kernelName, const std::string& backend, KernelFunc fn);
void registerGradient(const std::string& kernelName, GradFunc fn);
bool hasKernel(const std::string& kernelName, const std::string& backend);  // ignoring parents
// The kernel registered for exactly this backend (tfjs-core's getKernel); throws if there is none.
// A backend's fast kernel uses it to hand the cases it does not cover to another backend's kernel.
const KernelFunc& getKernel(const std::string& kernelName, const std::string& backend);
bool hasGradient(const std::string& kernelName);
std::vector<std::string> registeredKernelNames();

std::vector<Tensor> runKernel(const std::string& kernelName, const std::vector<Tensor>& inputs,
                              const Attrs& attrs = {});
inline Tensor runKernel1(const std::string& kernelName, const std::vector<Tensor>& inputs,
                         const Attrs& attrs = {}) {
  return runKernel(kernelName, inputs, attrs)[0];
}

// Allocates an uninitialised output tensor (kernels fill it via mutableData<T>()).
Tensor makeTensor(const Shape& shape, DType dtype);
// A new tensor sharing x's data with another shape (reshape without a copy).
Tensor makeTensorSharingData(const Tensor& x, const Shape& shape);

}  // namespace edgeflow

#define EF_CONCAT_INNER(a, b) a##b
#define EF_CONCAT(a, b) EF_CONCAT_INNER(a, b)
// Static registration from any source file, e.g. EF_REGISTER_KERNEL("Add", "ref", addRef);
// (Variadic so that lambdas with commas need no extra parentheses.)
#define EF_REGISTER_KERNEL(name, backend, ...)                \
  static const bool EF_CONCAT(ef_kernel_reg_, __COUNTER__) = \
      (::edgeflow::registerKernel(name, backend, __VA_ARGS__), true)
#define EF_REGISTER_GRADIENT(name, ...)                     \
  static const bool EF_CONCAT(ef_grad_reg_, __COUNTER__) = \
      (::edgeflow::registerGradient(name, __VA_ARGS__), true)
