// Checks of a layers-model topology before it is built: every inbound node and input/output end
// names a layer of its model, and the "takes input from" graph has no cycle. Tensor-free, so the
// model.json fuzzer runs it too.
#include <algorithm>
#include <functional>
#include <map>

#include "io/io_internal.h"

namespace edgeflow::io::detail {

namespace {

// Layer names an inbound node takes input from: [[name, node, tensor, kwargs], ...] (Keras 2,
// TF.js) or {"args": [... {"keras_history": [name, node, tensor]} ...]} (Keras 3).
void collectInboundRefs(const Json& node, std::vector<std::string>& out) {
  if (node.is_array()) {
    if (!node.empty() && node[0].is_string()) {
      out.push_back(node[0].get<std::string>());
      return;
    }
    for (const auto& v : node) collectInboundRefs(v, out);
  } else if (node.is_object()) {
    auto h = node.find("keras_history");
    if (h != node.end() && h->is_array() && !h->empty() && (*h)[0].is_string()) {
      out.push_back((*h)[0].get<std::string>());
      return;
    }
    for (const auto& [k, v] : node.items()) collectInboundRefs(v, out);
  }
}

class TopologyChecker {
 public:
  explicit TopologyChecker(std::string source) : source_(std::move(source)) {}

  void check(const Json& layer, int depth = 0) {
    if (depth > 64 || !layer.is_object()) return;
    auto cls = layer.find("class_name");
    auto cfg = layer.find("config");
    if (cls == layer.end() || !cls->is_string() || cfg == layer.end()) return;
    const Json* layers = nullptr;
    if (cfg->is_array()) layers = &*cfg;  // old Sequential: config is the layer list
    else if (cfg->is_object() && cfg->contains("layers") && (*cfg)["layers"].is_array()) layers = &(*cfg)["layers"];
    if (!layers) return;
    if (*cls != "Sequential" && cfg->is_object()) {
      auto name = cfg->find("name");
      checkGraph(*cfg, *layers, name != cfg->end() && name->is_string() ? name->get<std::string>() : "model");
    }
    for (const auto& l : *layers) check(l, depth + 1);
  }

 private:
  [[noreturn]] void fail(const std::string& what) const { throw Error("loadLayersModel: " + source_ + ": " + what); }

  void checkGraph(const Json& cfg, const Json& layers, const std::string& modelName) {
    std::map<std::string, std::vector<std::string>> inputsOf;
    std::map<std::string, size_t> nodeCount;
    for (const auto& l : layers) {
      const Json* c = l.is_object() && l.contains("config") ? &l["config"] : nullptr;
      if (!c || !c->is_object() || !c->contains("name") || !(*c)["name"].is_string())
        fail("model '" + modelName + "' has a layer without a name");
      std::string name = (*c)["name"].get<std::string>();
      if (inputsOf.count(name)) fail("model '" + modelName + "' has two layers named '" + name + "'");
      std::vector<std::string> refs;
      size_t nodes = 1;
      if (l.contains("inbound_nodes")) {
        collectInboundRefs(l["inbound_nodes"], refs);
        if (l["inbound_nodes"].is_array()) nodes = std::max<size_t>(1, l["inbound_nodes"].size());
      }
      inputsOf[name] = std::move(refs);
      nodeCount[name] = nodes;
    }
    for (const auto& [name, refs] : inputsOf)
      for (const auto& r : refs)
        if (!inputsOf.count(r))
          fail("missing inbound node: layer '" + name + "' of model '" + modelName + "' takes input from '" + r +
               "', which is not a layer of the model");
    for (const char* key : {"input_layers", "output_layers"}) {
      if (!cfg.contains(key)) continue;
      const Json& ends = cfg[key];
      if (!ends.is_array()) fail("\"" + std::string(key) + "\" of model '" + modelName + "' must be an array");
      // A single [name, node, tensor] triple is also accepted (Keras 3 writes one for one input).
      std::vector<const Json*> triples;
      if (!ends.empty() && ends[0].is_string()) triples.push_back(&ends);
      else for (const auto& e : ends) triples.push_back(&e);
      for (const Json* t : triples) {
        if (!t->is_array() || t->size() < 3 || !(*t)[0].is_string() || !(*t)[1].is_number_unsigned())
          fail("\"" + std::string(key) + "\" of model '" + modelName + "' must hold [layer, node, tensor] triples, got " +
               quote(detail::dumpJson(*t)));
        std::string name = (*t)[0].get<std::string>();
        if (!inputsOf.count(name))
          fail("missing inbound node: " + std::string(key) + " of model '" + modelName + "' names '" + name +
               "', which is not a layer of the model");
        if ((*t)[1].get<uint64_t>() >= nodeCount[name])
          fail("missing inbound node: " + std::string(key) + " of model '" + modelName + "' names node " +
               (*t)[1].dump() + " of layer '" + name + "', which has " + std::to_string(nodeCount[name]));
      }
    }
    // Cycles: depth-first search over "takes input from".
    std::map<std::string, int> state;  // 1 = on the stack, 2 = done
    std::vector<std::string> stack;
    std::function<void(const std::string&)> visit = [&](const std::string& n) {
      state[n] = 1;
      stack.push_back(n);
      for (const auto& r : inputsOf[n]) {
        if (state[r] == 1) {
          std::string cycle;
          auto from = std::find(stack.begin(), stack.end(), r);
          for (auto it = from; it != stack.end(); ++it) cycle += "'" + *it + "' -> ";
          fail("the topology of model '" + modelName + "' has a cycle: " + cycle + "'" + r + "'");
        }
        if (state[r] == 0) visit(r);
      }
      stack.pop_back();
      state[n] = 2;
    };
    for (const auto& [name, refs] : inputsOf)
      if (state[name] == 0) visit(name);
  }

  std::string source_;
};

}  // namespace

void checkLayersTopology(const Json& config, const std::string& source) { TopologyChecker(source).check(config); }

}  // namespace edgeflow::io::detail
