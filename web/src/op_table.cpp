#include "op_table.h"

namespace edgeflow::web {

const OpTable& opTable() {
  static const OpTable* table = [] {
    auto* t = new OpTable();
    addMathOps(*t);
    addReductionOps(*t);
    addShapeOps(*t);
    addCreationOps(*t);
    addNnOps(*t);
    addImageOps(*t);
    return t;
  }();
  return *table;
}

std::vector<Tensor> OpTable::run(const std::string& name, std::vector<Tensor> inputs,
                                 const std::string& attrsJson) const {
  auto it = ops_.find(name);
  if (it == ops_.end()) throw Error("edgeflow: op '" + name + "' is not available in the wasm package");
  const Entry& e = it->second;
  if (e.inputs != kAnyInputs && static_cast<int>(inputs.size()) != e.inputs)
    throw Error(name + ": expected " + std::to_string(e.inputs) + " tensor inputs, got " +
                std::to_string(inputs.size()));
  nlohmann::json attrs;
  try {
    attrs = attrsJson.empty() ? nlohmann::json::object() : nlohmann::json::parse(attrsJson);
  } catch (const nlohmann::json::exception& err) {
    throw Error(name + ": attributes are not valid JSON: " + err.what());
  }
  OpArgs args(name, std::move(inputs), std::move(attrs));
  return e.fn(args);
}

std::vector<std::string> OpTable::names() const {
  std::vector<std::string> out;
  for (auto& [name, e] : ops_) out.push_back(name);
  return out;
}

}  // namespace edgeflow::web
