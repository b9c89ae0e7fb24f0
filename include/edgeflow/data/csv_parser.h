// A small streaming CSV tokenizer (RFC 4180): reads its input in fixed-size chunks, so memory
// stays bounded by the chunk size plus the longest record, whatever the file size. Used by
// data::csv(); public for tests and fuzzing.
//
// Rules: records end at LF, CRLF or a lone CR; blank lines are skipped; a field starting with '"'
// is quoted and may hold delimiters, line breaks and "" (one quote); a quote inside an unquoted
// field is an ordinary character; text after a quoted field's closing quote is appended (lenient,
// like Python's csv). A UTF-8 byte-order mark at the start is dropped. With delimWhitespace, runs
// of spaces and tabs separate fields and leading/trailing ones are ignored.
#pragma once
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace edgeflow::data {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to n bytes into dst; 0 means the end of the input.
  virtual size_t read(char* dst, size_t n) = 0;
};

// A file read with stdio. Error naming the file if it cannot be opened or read.
class FileSource : public ByteSource {
 public:
  explicit FileSource(const std::string& path);
  ~FileSource() override;
  size_t read(char* dst, size_t n) override;

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string text) : text_(std::move(text)) {}
  size_t read(char* dst, size_t n) override;

 private:
  std::string text_;
  size_t pos_ = 0;
};

struct CsvDialect {
  char delimiter = ',';
  bool delimWhitespace = false;
};

class CsvParser {
 public:
  static constexpr size_t kDefaultChunkSize = 64 * 1024;
  static constexpr size_t kDefaultMaxRecordBytes = 64 * 1024 * 1024;

  // `name` prefixes error messages (e.g. the file path).
  CsvParser(std::unique_ptr<ByteSource> source, CsvDialect dialect, std::string name,
            size_t chunkSize = kDefaultChunkSize, size_t maxRecordBytes = kDefaultMaxRecordBytes);

  // Reads the next record's fields; false at the end of the input. Error for an unterminated
  // quoted field or a record longer than maxRecordBytes.
  bool next(std::vector<std::string>& fields);
  // The 1-based line on which the last record returned by next() started.
  int64_t recordLine() const { return recordLine_; }
  // Bytes of input buffered by the parser (the chunk buffer): bounded by the chunk size.
  size_t bufferedBytes() const { return buffer_.capacity(); }

 private:
  bool fill();  // reads the next chunk; false at the end of the input
  [[noreturn]] void fail(const std::string& message) const;

  std::unique_ptr<ByteSource> source_;
  CsvDialect dialect_;
  std::string name_;
  size_t maxRecordBytes_;
  std::vector<char> buffer_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool started_ = false;     // the byte-order mark check has been done
  bool pendingCR_ = false;   // the last byte was a CR: an LF right after it belongs to it
  int64_t line_ = 1;         // line of the next byte
  int64_t recordLine_ = 0;
};

}  // namespace edgeflow::data
