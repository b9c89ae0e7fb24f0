// tf.data.csv's parsing for JS: the CSV text (fetched by web/js/data.mjs) read by the same reader
// as the native data::csv, with TF.js's CSVConfig, row by row.
#include <map>

#include <emscripten/bind.h>

#include "edgeflow/data/csv.h"
#include "js_error.h"
#include "layer_handles.h"

namespace edgeflow::web {
namespace {

struct OpenCsv {
  data::CSVDataset dataset;
  data::IteratorPtr<data::CsvRow> iterator;
};

std::map<int, OpenCsv>& csvs() {
  static auto* m = new std::map<int, OpenCsv>();
  return *m;
}

data::Cell cellOf(const Json& j) {
  if (j.is_number()) return data::Cell(j.get<double>());
  if (j.is_boolean()) return data::Cell(j.get<bool>() ? 1.0 : 0.0);
  if (j.is_string()) return data::Cell(j.get<std::string>());
  return data::Cell();
}

data::CsvConfig configOf(const Json& c, const std::string& source) {
  data::CsvConfig config;
  if (c.contains("hasHeader") && c["hasHeader"].is_boolean()) config.hasHeader = c["hasHeader"].get<bool>();
  if (c.contains("columnNames") && c["columnNames"].is_array()) config.columnNames = c["columnNames"].get<std::vector<std::string>>();
  if (c.contains("configuredColumnsOnly") && c["configuredColumnsOnly"].is_boolean())
    config.configuredColumnsOnly = c["configuredColumnsOnly"].get<bool>();
  if (c.contains("delimiter") && c["delimiter"].is_string()) config.delimiter = c["delimiter"].get<std::string>();
  if (c.contains("delimWhitespace") && c["delimWhitespace"].is_boolean()) config.delimWhitespace = c["delimWhitespace"].get<bool>();
  if (c.contains("columnConfigs") && c["columnConfigs"].is_object()) {
    for (const auto& [name, cc] : c["columnConfigs"].items()) {
      data::ColumnConfig col;
      if (!cc.is_object()) throw Error(source + ": columnConfigs." + name + " must be an object");
      if (cc.contains("required") && cc["required"].is_boolean()) col.required = cc["required"].get<bool>();
      if (cc.contains("isLabel") && cc["isLabel"].is_boolean()) col.isLabel = cc["isLabel"].get<bool>();
      if (cc.contains("dtype") && cc["dtype"].is_string()) col.dtype = parseDType(cc["dtype"].get<std::string>());
      if (cc.contains("default")) col.defaultValue = cellOf(cc["default"]);
      config.columnConfigs.emplace_back(name, col);
    }
  }
  return config;
}

val rowToJs(const data::Row& row) {
  val out = val::object();
  for (const auto& [name, cell] : row) {
    if (cell.isNumber()) out.set(name, cell.number());
    else if (cell.isString()) out.set(name, cell.string());
    else out.set(name, val::undefined());
  }
  return out;
}

// Returns a handle; the header and config are checked now (errors name `source`).
int csvOpen(const std::string& text, const std::string& configJson, const std::string& source) {
  return guarded([&] {
    static int next = 1;
    auto shared = std::make_shared<const std::string>(text);
    auto open = [shared] { return std::make_unique<data::StringSource>(*shared); };
    data::CSVDataset ds = data::csv(open, source, configOf(parseJson(configJson, source), source));
    csvs().emplace(next, OpenCsv{ds, nullptr});
    return next++;
  });
}

val csvColumnNames(int handle) {
  return guarded([&] {
    auto it = csvs().find(handle);
    if (it == csvs().end()) throw Error("csv: the dataset is closed");
    val out = val::array();
    auto names = it->second.dataset.columnNames();
    for (size_t i = 0; i < names.size(); ++i) out.set(i, names[i]);
    return out;
  });
}

// Starts a new pass over the rows.
void csvRestart(int handle) {
  guarded([&] {
    auto it = csvs().find(handle);
    if (it == csvs().end()) throw Error("csv: the dataset is closed");
    it->second.iterator = it->second.dataset.iterator();
  });
}

// The next row as TF.js yields it ({xs, ys} with label columns, else the row), or null at the end.
val csvNext(int handle, bool hasLabels) {
  return guarded([&] {
    auto it = csvs().find(handle);
    if (it == csvs().end() || !it->second.iterator) throw Error("csv: no pass is running (call csvRestart)");
    auto row = it->second.iterator->next();
    if (!row) return val::null();
    if (!hasLabels) return rowToJs(row->xs);
    val out = val::object();
    out.set("xs", rowToJs(row->xs));
    out.set("ys", rowToJs(row->ys));
    return out;
  });
}

void csvClose(int handle) { csvs().erase(handle); }

}  // namespace
}  // namespace edgeflow::web

EMSCRIPTEN_BINDINGS(edgeflow_data) {
  using emscripten::function;
  using namespace edgeflow::web;
  function("csvOpen", &csvOpen);
  function("csvColumnNames", &csvColumnNames);
  function("csvRestart", &csvRestart);
  function("csvNext", &csvNext);
  function("csvClose", &csvClose);
}
