#pragma once
// The respondent ids of one survey wave, for pairing waves (PRODUCT.md §4.5). Written by hand
// because the obvious std::unordered_map<std::string, row> costs a heap node and a cache miss
// per respondent: on a million-row wave, building and freeing it took longer than reading the
// file (measured with bench/run). Here each id is reduced to a 128-bit fingerprint appended
// while the file streams (sequential writes only); sorting the fingerprints finds duplicates
// and joins two waves by a merge. Two different ids share a fingerprint with probability
// about 2⁻¹²⁸ per pair — far below the chance of a transcription error in the data — and the
// ids themselves are never kept (they are pseudonymised, §3.5).
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace delight::io {

class IdList {
  public:
    /// Appends id as row size().
    void add(std::string_view id);
    std::size_t size() const { return m_keys.size(); }

    /// Sorts the fingerprints. Returns the first repeated id in row order, as (earlier row,
    /// later row), if any.
    std::optional<std::pair<std::uint32_t, std::uint32_t>> seal();

    /// Calls f(row in earlier, row in this) for every id present in both (both sealed, no
    /// repeated ids).
    template <class F>
    void join(const IdList& earlier, F f) const;

  private:
    struct Key {
        std::uint64_t high, low;
        std::uint32_t row;
        bool same_id(const Key& o) const { return high == o.high && low == o.low; }
        bool operator<(const Key& o) const {
            if (high != o.high) return high < o.high;
            if (low != o.low) return low < o.low;
            return row < o.row;
        }
    };
    static Key fingerprint(std::string_view id, std::uint32_t row);

    std::vector<Key> m_keys;
};

template <class F>
void IdList::join(const IdList& earlier, F f) const {
    const std::vector<Key>& a = earlier.m_keys;
    const std::vector<Key>& b = m_keys;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].same_id(b[j])) {
            f(a[i].row, b[j].row);
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
}

} // namespace delight::io
