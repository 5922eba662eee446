/// \file
/// Sole ownership of one heap object, as std::unique_ptr has it, for the
/// objects autoreg's own non-template code owns. Each distinct
/// std::unique_ptr<T> that a header names outside a template is instantiated,
/// with the std::tuple it keeps its pointer in, in every file that includes
/// the header: six of them were a fifth of what the umbrella header cost to
/// compile (clang -ftime-trace).
#ifndef AUTOREG_DETAIL_OWNED_HPP
#define AUTOREG_DETAIL_OWNED_HPP

#include <cstddef>

namespace autoreg {
namespace detail {

template <class T>
class owned {
public:
    constexpr owned() noexcept = default;
    /// Takes `object`, which `new` made, or null.
    explicit owned(T* object) noexcept : object_(object) {}
    owned(owned&& other) noexcept : object_(other.release()) {}
    owned& operator=(owned&& other) noexcept {
        reset(other.release());
        return *this;
    }
    owned(const owned&) = delete;
    owned& operator=(const owned&) = delete;
    ~owned() { destroy(object_); }

    T* get() const noexcept { return object_; }
    T* operator->() const noexcept { return object_; }
    T& operator*() const noexcept { return *object_; }
    explicit operator bool() const noexcept { return object_ != nullptr; }
    friend bool operator==(const owned& o, std::nullptr_t) noexcept { return o.object_ == nullptr; }
    friend bool operator!=(const owned& o, std::nullptr_t) noexcept { return o.object_ != nullptr; }

    /// Gives up the object without destroying it.
    T* release() noexcept {
        T* object = object_;
        object_ = nullptr;
        return object;
    }
    /// Destroys the object, if any, after taking `object` in its place.
    void reset(T* object = nullptr) noexcept {
        T* old = object_;
        object_ = object;
        destroy(old);
    }

private:
    static void destroy(T* object) noexcept {
        // NOLINTNEXTLINE(bugprone-sizeof-expression): the comparison checks T is complete.
        static_assert(sizeof(T) > 0, "autoreg: owned<T> destroys a T, which must be complete");
        delete object;
    }

    T* object_ = nullptr;
};

}  // namespace detail
}  // namespace autoreg

#endif
