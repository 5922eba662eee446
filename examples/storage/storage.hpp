// Storage backends, constructed with a root path and options, keyed by their
// class names without the "Backend" suffix.
#pragma once

#include <autoreg/autoreg.hpp>

#include <string>
#include <tuple>

struct StorageOptions {
    bool read_only = false;
    int replicas = 1;
};

struct StorageBackend {
    virtual ~StorageBackend() = default;
    virtual std::string describe() const = 0;
};

template <>
struct autoreg::registry_traits<StorageBackend> {
    static constexpr std::string_view strip_suffix = "Backend";
    using constructor_args = std::tuple<std::string, StorageOptions>;
};

/// What the backends share: where they store and how.
struct StorageBackendBase : StorageBackend {
    StorageBackendBase(std::string root, StorageOptions options)
        : root_(std::move(root)), options_(options) {}

protected:
    std::string settings() const {
        return "root=" + root_ + (options_.read_only ? " read-only" : " read-write") +
               " replicas=" + std::to_string(options_.replicas);
    }

private:
    std::string root_;
    StorageOptions options_;
};
