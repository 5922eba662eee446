// A class named just like the suffix that strip_suffix removes derives the
// empty key: a compile error.
// expect-error: autoreg: this class's key is empty
#include <autoreg/autoreg.hpp>

#include <string_view>

struct StorageBackend {
    virtual ~StorageBackend() = default;
};

template <>
struct autoreg::registry_traits<StorageBackend> {
    static constexpr std::string_view strip_suffix = "Backend";
};

namespace plugins {
struct Backend : autoreg::AutoRegister<StorageBackend, Backend> {
#ifdef AUTOREG_EXPECT_OK
    static constexpr std::string_view registry_key = "default";
#endif
};
}  // namespace plugins
