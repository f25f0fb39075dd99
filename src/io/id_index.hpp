#pragma once
// The respondents of one survey wave, keyed by id, for pairing waves (PRODUCT.md §4.5). Written
// by hand because the obvious std::unordered_map<std::string, row> costs a heap node and a
// cache miss per respondent: on a million-row wave, building and freeing it took longer than
// reading the file (measured with bench/run). Here each id is reduced to a 128-bit fingerprint
// and stored, with the line it was read on and a fixed-size payload (the caller's answer
// codes), in one of 256 partitions chosen by the fingerprint's top byte, so that no later
// step moves records between partitions (or needs a second copy of them: on the machines
// bench/run measures on, touching fresh memory is what pairing costs most). seal() sorts
// each partition (a few thousand records for a million ids: in cache), which finds repeated
// ids; join() then walks two sealed waves in step, partition by partition, reading both front
// to back — pairing a million respondents takes no random memory access. Two different ids
// share a fingerprint with probability about 2⁻¹²⁸ per pair — far below the chance of a
// transcription error in the data — and the ids themselves are never kept (they are
// pseudonymised, §3.5).
#include "huge_pages.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace delight::io {

class IdTable {
  public:
    /// Each id carries payload_bytes bytes of the caller's.
    explicit IdTable(std::size_t payload_bytes);

    /// Adds the id of the record read on `line` (lines increase from call to call). Returns
    /// its payload, uninitialised, for the caller to fill whole.
    std::uint8_t* add(std::string_view id, int line);
    std::size_t size() const { return m_size; }

    /// Sorts the ids. Returns the lines of the first id that repeats an earlier one (the line
    /// of that id's first appearance, and the repetition read first), if any.
    std::optional<std::pair<int, int>> seal();

    /// Calls f(payload in earlier, payload in this) for every id present in both (both
    /// sealed, no repeated ids), in fingerprint order. The ids fall into `slices` slices of
    /// about equal size, and the call covers the slice-th (so that threads can share a join).
    template <class F>
    void join(const IdTable& earlier, F f, std::size_t slice = 0, std::size_t slices = 1) const;

  private:
    /// Record layout: fingerprint (high, low: 8 bytes each), line (4), payload. Records are
    /// packed, so fields are copied in and out with memcpy.
    static constexpr std::size_t high_at = 0, low_at = 8, line_at = 16, payload_at = 20;
    static constexpr int partition_bits = 8;
    static constexpr std::size_t partition_count = std::size_t{1} << partition_bits;
    /// A partition's chunks double from about 512 bytes to about 16 KiB: a small wave spread
    /// over 256 partitions then touches few pages (each first touch is a page fault).
    static constexpr std::size_t first_chunk_bytes = 512, max_chunk_bytes = std::size_t{16} << 10;

    struct Chunk {
        std::uint8_t* records;
        std::size_t capacity; ///< in records
    };
    /// The records whose fingerprints share their top byte.
    struct Partition {
        std::vector<Chunk> chunks;
        std::size_t size = 0;
        std::uint8_t* next = nullptr; ///< where the next record goes (in the last chunk)
        std::size_t room = 0;         ///< records that still fit in the last chunk
    };

    /// Reads one partition's records in order.
    class Cursor {
      public:
        Cursor(const IdTable& table, const Partition& p)
            : m_table(table), m_partition(p), m_left(p.size) {
            if (m_left > 0) enter_chunk();
        }
        explicit operator bool() const { return m_left > 0; }
        const std::uint8_t* record() const { return m_at; }
        void advance() {
            --m_left;
            m_at += m_table.m_stride;
            if (m_at == m_chunk_end && m_left > 0) {
                ++m_chunk;
                enter_chunk();
            }
        }

      private:
        void enter_chunk() {
            const Chunk& chunk = m_partition.chunks[m_chunk];
            m_at = chunk.records;
            m_chunk_end = m_at + std::min(m_left, chunk.capacity) * m_table.m_stride;
        }
        const IdTable& m_table;
        const Partition& m_partition;
        std::size_t m_left, m_chunk = 0;
        const std::uint8_t* m_at = nullptr;
        const std::uint8_t* m_chunk_end = nullptr;
    };

    static std::uint64_t high(const std::uint8_t* r) { return load<std::uint64_t>(r + high_at); }
    static std::uint64_t low(const std::uint8_t* r) { return load<std::uint64_t>(r + low_at); }
    static int line(const std::uint8_t* r) { return load<int>(r + line_at); }
    template <class T>
    static T load(const std::uint8_t* p) {
        T v;
        std::memcpy(&v, p, sizeof v);
        return v;
    }
    std::uint8_t* allocate(std::size_t bytes);
    std::optional<std::pair<int, int>> sort_partition(Partition& p);

    std::size_t m_stride;
    std::size_t m_first_chunk_records, m_max_chunk_records;
    std::size_t m_size = 0;
    std::array<Partition, partition_count> m_partitions;
    /// The chunks' memory: a small block first, so a small wave takes little, then blocks
    /// large enough for huge pages.
    static constexpr std::size_t first_block_bytes = std::size_t{256} << 10;
    std::vector<PageBlock> m_blocks;
    std::size_t m_block_used = 0;
    /// seal()'s working space, kept between partitions.
    struct Key {
        std::uint64_t high, low;
        int line;
        const std::uint8_t* record;
    };
    std::vector<Key> m_keys;
    std::vector<std::size_t> m_starts;
    std::vector<std::uint8_t> m_sorted;
};

template <class F>
void IdTable::join(const IdTable& earlier, F f, std::size_t slice, std::size_t slices) const {
    const std::size_t from = partition_count * slice / slices;
    const std::size_t to = partition_count * (slice + 1) / slices;
    for (std::size_t p = from; p < to; ++p) {
        Cursor a(earlier, earlier.m_partitions[p]);
        Cursor b(*this, m_partitions[p]);
        while (a && b) {
            const std::uint64_t ha = high(a.record()), hb = high(b.record());
            const std::uint64_t la = low(a.record()), lb = low(b.record());
            if (ha == hb && la == lb) {
                f(a.record() + payload_at, b.record() + payload_at);
                a.advance();
                b.advance();
            } else if (ha < hb || (ha == hb && la < lb)) {
                a.advance();
            } else {
                b.advance();
            }
        }
    }
}

} // namespace delight::io
