// Classes whose keys derive from their names (strip_suffix = "Backend").
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/keys.hpp"

namespace keys_test {

template <class Derived>
using Storage = autoreg::AutoRegister<StorageBackend, Derived>;

struct DiskBackend : Storage<DiskBackend> {  // "disk"
    std::string kind() const override { return "DiskBackend"; }
};

namespace fs {
namespace remote {
struct NetworkStorageBackend : Storage<NetworkStorageBackend> {  // "networkstorage"
    std::string kind() const override { return "fs::remote::NetworkStorageBackend"; }
};
}  // namespace remote
}  // namespace fs

template <class T>
struct CachedBackend : Storage<CachedBackend<T>> {  // "cached": no template arguments
    std::string kind() const override { return "CachedBackend<int>"; }
};
template struct CachedBackend<int>;

template <int N>
struct ShardedBackend : Storage<ShardedBackend<N>> {  // "sharded"
    std::string kind() const override { return "ShardedBackend<3>"; }
};
template struct ShardedBackend<3>;

struct Holder {
    struct InnerBackend : Storage<InnerBackend> {  // "inner": no enclosing class
        std::string kind() const override { return "Holder::InnerBackend"; }
    };
};

namespace {
struct ScratchBackend : Storage<ScratchBackend> {  // "scratch", spelled alike by GCC and Clang
    std::string kind() const override { return "ScratchBackend"; }
};
}  // namespace

struct MemoryStore : Storage<MemoryStore> {  // no suffix to remove: "memorystore"
    std::string kind() const override { return "MemoryStore"; }
};

struct HTTPBackend : Storage<HTTPBackend> {  // lowercased: "http"
    std::string kind() const override { return "HTTPBackend"; }
};

struct BackendPool : Storage<BackendPool> {  // suffix only at the end: "backendpool"
    std::string kind() const override { return "BackendPool"; }
};

struct BackendBackend : Storage<BackendBackend> {  // removed once: "backend"
    std::string kind() const override { return "BackendBackend"; }
};

struct ExplicitBackend : Storage<ExplicitBackend> {  // an explicit key wins over the derived one
    static constexpr std::string_view registry_key = "explicit-key";
    std::string kind() const override { return "ExplicitBackend"; }
};

// Inherits ExplicitBackend::registry_key, which does not count: the key is
// derived from its own name, so it does not collide with its parent.
struct ChildOfExplicitBackend
    : autoreg::AutoRegister<StorageBackend, ChildOfExplicitBackend, ExplicitBackend> {
    std::string kind() const override { return "ChildOfExplicitBackend"; }
};

}  // namespace keys_test
