// The streaming CSV tokenizer: a state machine over fixed-size chunks.
#include "edgeflow/data/csv_parser.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "edgeflow/types.h"

namespace edgeflow::data {

FileSource::FileSource(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) throw Error("csv: cannot open file '" + path + "': " + std::strerror(errno));
}

FileSource::~FileSource() {
  if (file_) std::fclose(file_);
}

size_t FileSource::read(char* dst, size_t n) {
  size_t got = std::fread(dst, 1, n, file_);
  if (got == 0 && std::ferror(file_)) throw Error("csv: cannot read file '" + path_ + "': " + std::strerror(errno));
  return got;
}

size_t StringSource::read(char* dst, size_t n) {
  size_t got = std::min(n, text_.size() - pos_);
  std::memcpy(dst, text_.data() + pos_, got);
  pos_ += got;
  return got;
}

CsvParser::CsvParser(std::unique_ptr<ByteSource> source, CsvDialect dialect, std::string name,
                     size_t chunkSize, size_t maxRecordBytes)
    : source_(std::move(source)),
      dialect_(dialect),
      name_(std::move(name)),
      maxRecordBytes_(maxRecordBytes),
      buffer_(std::max<size_t>(chunkSize, 4)) {}

void CsvParser::fail(const std::string& message) const { throw Error(name_ + ": " + message); }

bool CsvParser::fill() {
  if (eof_) return false;
  pos_ = 0;
  end_ = source_->read(buffer_.data(), buffer_.size());
  if (!started_) {
    started_ = true;
    // Gather three bytes (sources may return fewer) to recognise a UTF-8 byte-order mark.
    while (end_ > 0 && end_ < 3) {
      size_t more = source_->read(buffer_.data() + end_, buffer_.size() - end_);
      if (more == 0) break;
      end_ += more;
    }
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
  }
  if (end_ == 0) eof_ = true;
  return pos_ < end_ || (!eof_ && fill());
}

bool CsvParser::next(std::vector<std::string>& fields) {
  enum class State { StartField, Unquoted, Quoted, AfterQuote };
  fields.clear();
  std::string field;
  State state = State::StartField;
  bool content = false;  // the record has begun (blank lines have not)
  size_t recordBytes = 0;
  int64_t quoteLine = 0;
  recordLine_ = line_;
  const char delim = dialect_.delimiter;
  const bool ws = dialect_.delimWhitespace;
  auto isWs = [ws](char c) { return ws && (c == ' ' || c == '\t'); };
  auto checkSize = [&] {
    if (recordBytes + field.size() > maxRecordBytes_)
      fail("the record starting on line " + std::to_string(recordLine_) + " is longer than " +
           std::to_string(maxRecordBytes_) + " bytes (an unterminated quote?)");
  };
  auto endField = [&] {
    recordBytes += field.size() + 1;
    checkSize();
    fields.push_back(std::move(field));
    field.clear();
  };
  auto newline = [&](char c) {
    ++line_;
    pendingCR_ = c == '\r';
  };

  while (pos_ < end_ || fill()) {
    char c = buffer_[pos_];
    if (pendingCR_) {
      pendingCR_ = false;
      if (c == '\n') {  // the LF of a CRLF: already counted
        ++pos_;
        if (state == State::Quoted) field.push_back('\n');
        else if (!content) recordLine_ = line_;
        continue;
      }
    }
    switch (state) {
      case State::StartField:
        if (c == '\n' || c == '\r') {
          ++pos_;
          newline(c);
          if (!content) {  // a blank line
            recordLine_ = line_;
            continue;
          }
          if (!ws) endField();  // "a,\n" ends with an empty field
          return true;
        }
        if (isWs(c)) {
          ++pos_;
          continue;
        }
        content = true;
        if (c == '"') {
          ++pos_;
          state = State::Quoted;
          quoteLine = line_;
        } else if (c == delim) {
          ++pos_;
          endField();
        } else {
          state = State::Unquoted;
        }
        continue;
      case State::Unquoted: {
        size_t start = pos_;
        while (pos_ < end_) {
          char d = buffer_[pos_];
          if (d == delim || d == '\n' || d == '\r' || isWs(d)) break;
          ++pos_;
        }
        field.append(buffer_.data() + start, pos_ - start);
        checkSize();
        if (pos_ == end_) continue;  // the field goes on in the next chunk
        char d = buffer_[pos_++];
        endField();
        if (d == '\n' || d == '\r') {
          newline(d);
          return true;
        }
        state = State::StartField;
        continue;
      }
      case State::Quoted: {
        size_t start = pos_;
        while (pos_ < end_) {
          char d = buffer_[pos_];
          if (d == '"' || d == '\n' || d == '\r') break;
          ++pos_;
        }
        field.append(buffer_.data() + start, pos_ - start);
        checkSize();
        if (pos_ == end_) continue;
        char d = buffer_[pos_++];
        if (d == '"') {
          state = State::AfterQuote;
        } else {  // a line break inside the field: kept, and counted
          field.push_back(d);
          newline(d);
        }
        continue;
      }
      case State::AfterQuote:
        if (c == '"') {  // "" stands for one quote
          ++pos_;
          field.push_back('"');
          state = State::Quoted;
        } else if (c == '\n' || c == '\r') {
          ++pos_;
          newline(c);
          endField();
          return true;
        } else if (c == delim || isWs(c)) {
          ++pos_;
          endField();
          state = State::StartField;
        } else {
          state = State::Unquoted;  // lenient: "ab"cd reads as abcd
        }
        continue;
    }
  }
  if (state == State::Quoted)
    fail("unterminated quoted field starting on line " + std::to_string(quoteLine));
  if (!content) return false;
  if (state != State::StartField || !ws) endField();
  return true;
}

}  // namespace edgeflow::data
