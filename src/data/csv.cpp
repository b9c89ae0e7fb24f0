// tf.data.csv: header and config checks, and the iterator turning records into rows.
#include "edgeflow/data/csv.h"

#include <cctype>
#include <cmath>
#include <set>

namespace edgeflow::data {
namespace detail {

struct CsvSpec {
  std::string name;  // the path, for messages
  std::function<std::unique_ptr<ByteSource>()> open;
  CsvDialect dialect;
  bool hasHeader = true;
  struct Column {
    std::string name;
    std::optional<ColumnConfig> config;
    bool included = true;
  };
  std::vector<Column> columns;
  std::vector<std::string> outputNames;  // columnNames()
};

std::string joinNames(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ",") + n;
  return s;
}

namespace {

std::string quoteShort(const std::string& s) {
  return "'" + (s.size() > 60 ? s.substr(0, 60) + "..." : s) + "'";
}

// TF.js's getBoolean.
Cell toBoolean(const std::string& v) {
  std::string lower = v;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return Cell(v == "1" || lower == "true" ? 1.0 : 0.0);
}

class CsvRowIterator : public LazyIterator<CsvRow> {
 public:
  explicit CsvRowIterator(std::shared_ptr<const CsvSpec> spec)
      : spec_(std::move(spec)), parser_(spec_->open(), spec_->dialect, spec_->name) {
    if (spec_->hasHeader) parser_.next(fields_);  // checked when the dataset was made
  }

  std::optional<CsvRow> next() override {
    if (done_ || !parser_.next(fields_)) {
      done_ = true;
      return std::nullopt;
    }
    ++row_;
    const auto& columns = spec_->columns;
    if (fields_.size() != columns.size()) {
      std::string got;
      for (size_t i = 0; i < fields_.size(); ++i) {
        if (i) got += spec_->dialect.delimiter;
        got += fields_[i];
      }
      fail("expected " + std::to_string(columns.size()) + " fields but got " +
           std::to_string(fields_.size()) + ": " + quoteShort(got));
    }
    std::vector<Row::Entry> xs, ys;
    xs.reserve(columns.size());
    for (size_t i = 0; i < columns.size(); ++i) {
      const auto& col = columns[i];
      if (!col.included) continue;
      Cell value = parse(fields_[i], col);
      (col.config && col.config->isLabel ? ys : xs).emplace_back(col.name, std::move(value));
    }
    return CsvRow{Row(std::move(xs)), Row(std::move(ys))};
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw Error(spec_->name + ": line " + std::to_string(parser_.recordLine()) + " (data row " +
                std::to_string(row_) + "): " + message);
  }

  // TF.js's makeDataElement rules for one field.
  Cell parse(const std::string& value, const CsvSpec::Column& col) const {
    const ColumnConfig* cfg = col.config ? &*col.config : nullptr;
    if (value.empty()) {
      if (cfg && !cfg->defaultValue.isMissing()) return cfg->defaultValue;
      if (cfg && (cfg->required || cfg->isLabel))
        fail("required column '" + col.name + "' is empty");
      return Cell();
    }
    std::optional<double> number = parseNumber(value);
    std::optional<DType> dtype = cfg ? cfg->dtype : std::nullopt;
    if (!number) {
      if (dtype == DType::bool_) return toBoolean(value);
      if (dtype == DType::float32 || dtype == DType::int32)
        fail("column '" + col.name + "' is " + dtypeName(*dtype) + " but holds the non-numeric value " +
             quoteShort(value));
      return Cell(value);
    }
    if (dtype == DType::int32) return Cell(std::floor(*number));
    if (dtype == DType::bool_) return toBoolean(value);
    return Cell(*number);
  }

  std::shared_ptr<const CsvSpec> spec_;
  CsvParser parser_;
  std::vector<std::string> fields_;
  int64_t row_ = 0;
  bool done_ = false;
};

}  // namespace

IteratorPtr<CsvRow> makeCsvIterator(const std::shared_ptr<const CsvSpec>& spec) {
  return std::make_unique<CsvRowIterator>(spec);
}

}  // namespace detail

CSVDataset::CSVDataset(std::shared_ptr<const detail::CsvSpec> spec)
    : Dataset<CsvRow>([spec]() { return detail::makeCsvIterator(spec); }), spec_(std::move(spec)) {}

std::vector<std::string> CSVDataset::columnNames() const { return spec_->outputNames; }

CSVDataset csv(std::function<std::unique_ptr<ByteSource>()> openSource, const std::string& name,
               const CsvConfig& config) {
  auto spec = std::make_shared<detail::CsvSpec>();
  spec->name = name;
  spec->open = std::move(openSource);
  spec->hasHeader = config.hasHeader;
  auto fail = [&](const std::string& message) { throw Error(name + ": " + message); };

  if (config.delimWhitespace) {
    if (config.delimiter != "," && config.delimiter != " ")
      fail("Delimiter should not be provided when delimWhitespace is true.");
    spec->dialect = CsvDialect{' ', true};
  } else {
    const std::string& d = config.delimiter;
    if (d.size() != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r')
      fail("delimiter must be one character other than a quote or a line break, got '" + d + "'");
    spec->dialect = CsvDialect{d[0], false};
  }

  // Opening (and, with a header, reading the first record) now reports a missing or empty file
  // here rather than at the first iteration.
  std::vector<std::string> names = config.columnNames;
  {
    CsvParser parser(spec->open(), spec->dialect, name);
    if (config.hasHeader) {
      std::vector<std::string> header;
      if (!parser.next(header)) fail("No data was found for CSV parsing (the file is empty).");
      if (names.empty())
        names = header;
      else if (names.size() != header.size())
        fail("The length of provided columnNames (" + std::to_string(names.size()) +
             ") does not match the length of the header line read from file (" +
             std::to_string(header.size()) + ").");
    } else if (names.empty()) {
      fail("Column names must be provided if there is no header line.");
    }
  }
  std::set<std::string> seen, duplicates;
  for (const auto& n : names)
    if (!seen.insert(n).second) duplicates.insert(n);
  if (!duplicates.empty())
    fail("Duplicate column names found: " + detail::joinNames({duplicates.begin(), duplicates.end()}));

  std::set<std::string> configured;
  for (const auto& [key, cfg] : config.columnConfigs) {
    if (!configured.insert(key).second) fail("columnConfigs has the key \"" + key + "\" twice.");
    if (!seen.count(key))
      fail("The key \"" + key + "\" provided in columnConfigs does not match any of the column names (" +
           detail::joinNames(names) + ").");
  }
  for (const auto& n : names) {
    detail::CsvSpec::Column col{n, std::nullopt, true};
    for (const auto& [key, cfg] : config.columnConfigs)
      if (key == n) col.config = cfg;
    col.included = !config.configuredColumnsOnly || col.config.has_value();
    spec->columns.push_back(std::move(col));
  }
  if (config.configuredColumnsOnly) {
    for (const auto& [key, cfg] : config.columnConfigs) spec->outputNames.push_back(key);
  } else {
    spec->outputNames = names;
  }
  return CSVDataset(std::move(spec));
}

CSVDataset csv(const std::string& path, const CsvConfig& config) {
  std::string file = path.rfind("file://", 0) == 0 ? path.substr(7) : path;
  return csv([file]() { return std::unique_ptr<ByteSource>(new FileSource(file)); }, path, config);
}

}  // namespace edgeflow::data
