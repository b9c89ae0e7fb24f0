// Freed tensor buffers kept for reuse, by size class. Natively, a fresh buffer from the OS costs a
// page fault per 4 KiB on first touch; a training step that allocated every op's output anew spent
// about a third of its time there. Internal: DataBuffer allocates through it.
#pragma once
#include <cstddef>

namespace edgeflow::buffer_cache {

// A 64-byte-aligned block of at least `bytes`; `capacity` receives its real size, to pass back.
// Throws edgeflow::Error when memory runs out.
void* acquire(size_t bytes, size_t& capacity);
// Returns a block from acquire() for reuse (or frees it when the cache is full).
void release(void* p, size_t capacity);

}  // namespace edgeflow::buffer_cache
