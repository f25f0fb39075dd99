#include "id_index.hpp"

#include <algorithm>
#include <bit>

namespace delight::io {
namespace {

std::uint64_t load64(const void* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
std::uint64_t fmix64(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/// MurmurHash3_x64_128 with seed 0 (Austin Appleby, 2011, public domain): 16 bytes per
/// step, so a typical 17-byte respondent id costs a few dozen instructions. The tail is
/// read as a zero-padded block, which on little-endian machines is the reference
/// algorithm exactly (mixing a zero word changes nothing).
std::pair<std::uint64_t, std::uint64_t> fingerprint(std::string_view id) {
    constexpr std::uint64_t c1 = 0x87c37b91114253d5ull, c2 = 0x4cf5ad432745937full;
    std::uint64_t h1 = 0, h2 = 0;
    auto mix = [&](std::uint64_t k1, std::uint64_t k2) {
        h1 ^= std::rotl(k1 * c1, 31) * c2;
        h2 ^= std::rotl(k2 * c2, 33) * c1;
    };
    const char* p = id.data();
    const std::size_t blocks = id.size() / 16;
    for (std::size_t i = 0; i < blocks; ++i, p += 16) {
        mix(load64(p), 0);
        h1 = (std::rotl(h1, 27) + h2) * 5 + 0x52dce729;
        mix(0, load64(p + 8));
        h2 = (std::rotl(h2, 31) + h1) * 5 + 0x38495ab5;
    }
    unsigned char tail[16] = {};
    std::memcpy(tail, p, id.size() % 16);
    mix(load64(tail), load64(tail + 8));
    h1 ^= id.size();
    h2 ^= id.size();
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return {h1, h2};
}

} // namespace

IdTable::IdTable(std::size_t payload_bytes)
    : m_stride(payload_at + payload_bytes),
      m_first_chunk_records(std::max<std::size_t>(1, first_chunk_bytes / m_stride)),
      m_max_chunk_records(std::max<std::size_t>(1, max_chunk_bytes / m_stride)) {}

std::uint8_t* IdTable::add(std::string_view id, int line) {
    const auto [h, l] = fingerprint(id);
    Partition& p = m_partitions[h >> (64 - partition_bits)];
    if (p.room == 0) {
        const std::size_t capacity =
            p.chunks.empty() ? m_first_chunk_records
                             : std::min(2 * p.chunks.back().capacity, m_max_chunk_records);
        p.chunks.push_back({allocate(capacity * m_stride), capacity});
        p.next = p.chunks.back().records;
        p.room = capacity;
    }
    std::uint8_t* r = p.next;
    p.next += m_stride;
    // The next add to this partition comes a few hundred adds later: fetching its cache line
    // now hides the miss that writing fresh memory in 256 places would otherwise cost each time
    // (the hardware prefetcher follows only a few streams). A hint: it never faults.
    __builtin_prefetch(p.next + 64, 1);
    --p.room;
    ++p.size;
    ++m_size;
    std::memcpy(r + high_at, &h, sizeof h);
    std::memcpy(r + low_at, &l, sizeof l);
    std::memcpy(r + line_at, &line, sizeof line);
    return r + payload_at;
}

std::uint8_t* IdTable::allocate(std::size_t bytes) {
    if (m_blocks.empty() || m_blocks.back().size() - m_block_used < bytes) {
        const std::size_t block = m_blocks.empty() ? first_block_bytes : PageBlock::large;
        m_blocks.emplace_back(std::max(block, bytes));
        m_block_used = 0;
    }
    std::uint8_t* chunk = m_blocks.back().data() + m_block_used;
    m_block_used += bytes;
    return chunk;
}

std::optional<std::pair<int, int>> IdTable::seal() {
    std::optional<std::pair<int, int>> repeat;
    for (Partition& p : m_partitions) {
        const auto twice = sort_partition(p);
        if (twice && (!repeat || twice->second < repeat->second)) repeat = twice;
    }
    m_keys = {};
    m_starts = {};
    m_sorted = {};
    return repeat;
}

/// Sorts a partition's records by (fingerprint, line) in place; equal fingerprints end up
/// adjacent, earliest line first. Returns the partition's first repetition, as seal() does.
std::optional<std::pair<int, int>> IdTable::sort_partition(Partition& p) {
    // A counting sort of the keys by the bits after the partition's (fingerprints are
    // uniform: about 16 keys per bucket), then a sort of each bucket — cheaper than sorting the
    // whole partition at once. (Ids crafted to share a bucket only make its sort longer:
    // std::sort is O(k log k).)
    const int bits = std::clamp(static_cast<int>(std::bit_width(p.size)) - 4, 0, 16);
    auto bucket_of = [bits](const std::uint8_t* r) -> std::size_t {
        return bits == 0 ? 0 : (high(r) << partition_bits) >> (64 - bits);
    };
    m_starts.assign((std::size_t{1} << bits) + 1, 0);
    for (Cursor c(*this, p); c; c.advance())
        ++m_starts[bucket_of(c.record()) + 1];
    for (std::size_t b = 1; b < m_starts.size(); ++b)
        m_starts[b] += m_starts[b - 1];
    m_keys.resize(p.size);
    for (Cursor c(*this, p); c; c.advance()) {
        const std::uint8_t* r = c.record();
        m_keys[m_starts[bucket_of(r)]++] = {high(r), low(r), line(r), r};
    }
    // m_starts[b] is now the end of bucket b, which is where bucket b + 1 starts.
    for (std::size_t b = 0, start = 0; b + 1 < m_starts.size(); start = m_starts[b++])
        std::sort(m_keys.begin() + static_cast<std::ptrdiff_t>(start),
                  m_keys.begin() + static_cast<std::ptrdiff_t>(m_starts[b]),
                  [](const Key& x, const Key& y) {
                      if (x.high != y.high) return x.high < y.high;
                      if (x.low != y.low) return x.low < y.low;
                      return x.line < y.line;
                  });
    std::optional<std::pair<int, int>> repeat;
    m_sorted.resize(p.size * m_stride);
    std::uint8_t* out = m_sorted.data();
    std::size_t first = 0; // the first key of the current run of equal fingerprints
    for (std::size_t k = 0; k < m_keys.size(); ++k, out += m_stride) {
        std::memcpy(out, m_keys[k].record, m_stride);
        if (k == 0 || m_keys[k].high != m_keys[first].high || m_keys[k].low != m_keys[first].low)
            first = k;
        else if (!repeat || m_keys[k].line < repeat->second)
            repeat = std::pair{m_keys[first].line, m_keys[k].line};
    }
    // Back into the chunks, in order.
    const std::uint8_t* in = m_sorted.data();
    for (std::size_t c = 0, left = p.size; left > 0; ++c) {
        const std::size_t n = std::min(left, p.chunks[c].capacity);
        std::memcpy(p.chunks[c].records, in, n * m_stride);
        in += n * m_stride;
        left -= n;
    }
    return repeat;
}

} // namespace delight::io
