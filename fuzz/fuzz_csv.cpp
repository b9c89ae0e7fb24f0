// libFuzzer target for the streaming CSV tokenizer and the JS-Number parser. Besides "no crash,
// no sanitizer report, only edgeflow::Error", it checks two properties:
//  * reading in tiny chunks gives the same records (or the same error) as reading in one go;
//  * writing the records back fully quoted (RFC 4180) and reading them again gives them back.
// The first input byte picks the dialect, the second the chunk size; the rest is the CSV text.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "edgeflow/data/cell.h"
#include "edgeflow/data/csv_parser.h"

using namespace edgeflow;
using namespace edgeflow::data;

namespace {

struct Result {
  std::vector<std::vector<std::string>> records;
  std::vector<int64_t> lines;
  std::string error;
  bool operator==(const Result&) const = default;
};

Result parse(const std::string& text, CsvDialect dialect, size_t chunk) {
  Result r;
  try {
    CsvParser p(std::make_unique<StringSource>(text), dialect, "fuzz", chunk, 1 << 16);
    std::vector<std::string> fields;
    while (p.next(fields)) {
      if (fields.empty()) std::abort();  // a record always has a field
      if (p.bufferedBytes() > std::max<size_t>(chunk, 4)) std::abort();
      r.records.push_back(fields);
      r.lines.push_back(p.recordLine());
    }
  } catch (const Error& e) {
    r.error = e.what();
  }
  return r;
}

std::string quoteAll(const std::vector<std::vector<std::string>>& records, char delimiter) {
  std::string out;
  for (const auto& rec : records) {
    for (size_t i = 0; i < rec.size(); ++i) {
      if (i) out += delimiter;
      out += '"';
      for (char c : rec[i]) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  CsvDialect dialect;
  dialect.delimWhitespace = data[0] & 1;
  dialect.delimiter = dialect.delimWhitespace ? ' ' : ",;\t|"[(data[0] >> 1) & 3];
  size_t chunk = 1 + data[1] % 13;
  std::string text(reinterpret_cast<const char*>(data) + 2, size - 2);

  Result whole = parse(text, dialect, CsvParser::kDefaultChunkSize);
  Result chunked = parse(text, dialect, chunk);
  if (!(whole == chunked)) std::abort();

  for (const auto& rec : whole.records)
    for (const auto& f : rec) {
      std::optional<double> v = parseNumber(f);
      if (v && std::isnan(*v)) std::abort();  // JS Number() gives NaN only for non-numbers
    }

  if (whole.error.empty() && !dialect.delimWhitespace) {
    Result again = parse(quoteAll(whole.records, dialect.delimiter), dialect, chunk);
    if (!again.error.empty() || again.records != whole.records) std::abort();
  }
  return 0;
}
