#include "storage.hpp"

namespace fs {

struct DiskBackend : autoreg::AutoRegister<StorageBackend, DiskBackend, StorageBackendBase> {
    using AutoRegister::AutoRegister;  // the (root, options) constructor
    std::string describe() const override { return "disk: " + settings(); }
};

}  // namespace fs

struct MemoryBackend : autoreg::AutoRegister<StorageBackend, MemoryBackend, StorageBackendBase> {
    using AutoRegister::AutoRegister;
    std::string describe() const override { return "memory: " + settings(); }
};

struct AmazonS3Backend
    : autoreg::AutoRegister<StorageBackend, AmazonS3Backend, StorageBackendBase> {
    static constexpr std::string_view registry_key = "s3";  // explicit keys win over derived ones
    using AutoRegister::AutoRegister;
    std::string describe() const override { return "object store: " + settings(); }
};
