// Memory that faults on any access just outside it: `count` elements flush against an
// inaccessible page at the front or at the back.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <span>
#include <stdexcept>

namespace simdact_test {

template <class T>
class guarded_buffer {
public:
    enum class side { front, back };

    guarded_buffer(std::size_t count, side flush) {
        std::size_t const page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
        std::size_t const bytes = count * sizeof(T);
        data_pages_ = (bytes + page - 1) / page;
        if (data_pages_ == 0)
            data_pages_ = 1;
        total_ = (data_pages_ + 2) * page;
        void* p = mmap(nullptr, total_, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::runtime_error("mmap failed");
        base_ = static_cast<unsigned char*>(p);
        if (mprotect(base_ + page, data_pages_ * page, PROT_READ | PROT_WRITE) != 0)
            throw std::runtime_error("mprotect failed");
        unsigned char* first =
            flush == side::front ? base_ + page : base_ + page + data_pages_ * page - bytes;
        data_ = std::span<T>(reinterpret_cast<T*>(first), count);
    }
    ~guarded_buffer() { munmap(base_, total_); }
    guarded_buffer(guarded_buffer const&) = delete;
    guarded_buffer& operator=(guarded_buffer const&) = delete;

    std::span<T> span() const { return data_; }

private:
    unsigned char* base_ = nullptr;
    std::size_t data_pages_ = 0;
    std::size_t total_ = 0;
    std::span<T> data_;
};

} // namespace simdact_test
