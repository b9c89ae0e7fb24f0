// tf.data.csv: a dataset of the rows of a CSV file, streamed (the file is read in chunks, never
// whole). Each element is a CsvRow {xs, ys}: ys holds the columns configured with isLabel and xs
// the others; without label columns ys is empty and xs is the whole row (TF.js then yields the
// row itself). Numeric fields become numbers, others strings, empty ones missing (see Cell).
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "edgeflow/data/cell.h"
#include "edgeflow/data/csv_parser.h"
#include "edgeflow/data/dataset.h"
#include "edgeflow/data/xy.h"
#include "edgeflow/types.h"

namespace edgeflow::data {

// TF.js's ColumnConfig.
struct ColumnConfig {
  bool required = false;         // an empty field is an error
  std::optional<DType> dtype{};  // float32 | int32 (floored) | bool ("1"/"true" → 1, else 0)
  Cell defaultValue{};           // TF.js's `default`: used for an empty field if not missing
  bool isLabel = false;          // goes to ys (and is required)
};

// TF.js's CSVConfig.
struct CsvConfig {
  bool hasHeader = true;                 // the first record names the columns
  std::vector<std::string> columnNames{};  // overrides the header's names; needed without a header
  std::vector<std::pair<std::string, ColumnConfig>> columnConfigs{};
  bool configuredColumnsOnly = false;    // yield only the columns in columnConfigs
  std::string delimiter = ",";           // one character
  bool delimWhitespace = false;          // runs of spaces/tabs separate fields
};

using CsvRow = XY<Row>;

namespace detail {
struct CsvSpec;
IteratorPtr<CsvRow> makeCsvIterator(const std::shared_ptr<const CsvSpec>& spec);
}  // namespace detail

class CSVDataset : public Dataset<CsvRow> {
 public:
  explicit CSVDataset(std::shared_ptr<const detail::CsvSpec> spec);
  // The columns the rows hold: columnConfigs' keys with configuredColumnsOnly, else all columns
  // (from columnNames or the header).
  std::vector<std::string> columnNames() const;

 private:
  std::shared_ptr<const detail::CsvSpec> spec_;
};

// Opens the CSV file at path (a plain path or a file:// URL) and checks its header and config at
// once: Error naming the file for a missing file, an empty file, a header whose length differs
// from columnNames, duplicate column names, or a configured column that is not in the header.
// Errors in later rows (wrong field count, an empty required field, a non-number in a float32 or
// int32 column, an unterminated quote) name the file, line, row and column when iterating.
CSVDataset csv(const std::string& path, const CsvConfig& config = {});

// The same over any byte source (opened anew for each iteration); `name` is used in messages.
CSVDataset csv(std::function<std::unique_ptr<ByteSource>()> openSource, const std::string& name,
               const CsvConfig& config = {});

}  // namespace edgeflow::data
