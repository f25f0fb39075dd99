#pragma once
// Memory for the few structures that grow with the number of rows (the respondents kept for
// pairing survey waves, id_index.hpp): blocks of 4 MiB or more are aligned to 2 MiB and
// advised to use transparent huge pages. Why: touching memory for the first time costs a
// page fault per 4 KiB page, and on the virtual machines bench/run measures on a fault costs
// about 16 µs — filling 200 MB took 0.8 s with 4 KiB pages and 0.03 s with 2 MiB pages — so
// the memory that pairing two million-row waves needs cost more than reading the files.
// Where the kernel has no huge pages (or the system has no madvise), the memory is
// ordinary: only the speed differs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <utility>
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace delight::io {

/// Uninitialised memory of a fixed size; pages are only touched when written.
class PageBlock {
  public:
    explicit PageBlock(std::size_t bytes) : m_size(bytes) {
        if (bytes < large) {
            m_data = static_cast<std::uint8_t*>(::operator new(bytes));
            return;
        }
        // Whole huge pages, so that the last one is not shared with another allocation.
        if (bytes > ~std::size_t{0} - huge_page) throw std::bad_alloc();
        const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
        void* p = nullptr;
        if (posix_memalign(&p, huge_page, rounded) != 0) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        ::madvise(p, rounded, MADV_HUGEPAGE); // a hint: failure leaves ordinary pages
#endif
        m_data = static_cast<std::uint8_t*>(p);
    }
    PageBlock(PageBlock&& o) noexcept
        : m_data(std::exchange(o.m_data, nullptr)), m_size(std::exchange(o.m_size, 0)) {}
    PageBlock& operator=(PageBlock&& o) noexcept {
        std::swap(m_data, o.m_data);
        std::swap(m_size, o.m_size);
        return *this;
    }
    PageBlock(const PageBlock&) = delete;
    PageBlock& operator=(const PageBlock&) = delete;
    ~PageBlock() {
        if (m_size < large)
            ::operator delete(m_data);
        else
            std::free(m_data);
    }

    std::uint8_t* data() const {
        return m_data;
    }
    std::size_t size() const {
        return m_size;
    }

    /// The size from which blocks are put on huge pages.
    static constexpr std::size_t large = std::size_t{4} << 20;

  private:
    static constexpr std::size_t huge_page = std::size_t{2} << 20;
    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace delight::io
