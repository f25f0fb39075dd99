#include "id_index.hpp"

#include <algorithm>

namespace delight::io {
namespace {

/// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

} // namespace

IdList::Key IdList::fingerprint(std::string_view id, std::uint32_t row) {
    // Two independent 64-bit hashes over the bytes (FNV-1a with different offset bases and
    // multipliers, each finalised), folding in the length.
    std::uint64_t a = 14695981039346656037ull, b = 0x9e3779b97f4a7c15ull;
    for (unsigned char c : id) {
        a = (a ^ c) * 1099511628211ull;
        b = (b ^ c) * 0x100000001b3ull ^ (b >> 29);
    }
    return Key{mix(a ^ id.size()), mix(b + 0x632be59bd9b4e019ull * id.size()), row};
}

void IdList::add(std::string_view id) {
    m_keys.push_back(fingerprint(id, static_cast<std::uint32_t>(m_keys.size())));
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> IdList::seal() {
    std::sort(m_keys.begin(), m_keys.end());
    std::optional<std::pair<std::uint32_t, std::uint32_t>> first;
    // Equal fingerprints are adjacent, earliest row first.
    for (std::size_t i = 1; i < m_keys.size(); ++i)
        if (m_keys[i].same_id(m_keys[i - 1])) {
            std::size_t start = i - 1;
            while (start > 0 && m_keys[start - 1].same_id(m_keys[i]))
                --start;
            if (!first || m_keys[i].row < first->second)
                first = std::pair{m_keys[start].row, m_keys[i].row};
        }
    return first;
}

} // namespace delight::io
