// What the snippets of README.md use without defining it themselves; each
// snippet is compiled after this (see tests/docs/extract.cmake). Declare here
// only what no snippet of README.md defines: a snippet that defines StorageBackend
// or ImageXpressHandler would otherwise collide with it.
#ifndef AUTOREG_DOCS_PRELUDE_README_HPP
#define AUTOREG_DOCS_PRELUDE_README_HPP

#include <autoreg/autoreg.hpp>
#include <fmt/core.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

// The README's complete example, except that area() has a body: the snippets elide
// their classes' bodies (/*…*/), and an abstract class would never register, so
// its key and parent would go unchecked.
struct Shape {
    virtual ~Shape() = default;
    virtual double area() const { return 0; }
};

// "Registering by hand": commands made from a configuration, and a third-party codec.
struct Command {
    virtual ~Command() = default;
    virtual void run() const = 0;
};
struct Echo : Command {
    explicit Echo(std::string text) : text_(std::move(text)) {}
    void run() const override { fmt::print("{}\n", text_); }
    std::string text_;
};
// (name, text) pairs, one a line of the configuration.
std::vector<std::pair<std::string, std::string>> read_config();

struct Codec {
    virtual ~Codec() = default;
};
namespace vendor {
class ZstdCodec : public Codec {};
}  // namespace vendor

// "Secondary registries": the primary registry's base and the secondary's.
struct MicroscopeHandler {
    virtual ~MicroscopeHandler() = default;
};
struct MetadataHandler {
    virtual ~MetadataHandler() = default;
};
struct ImageXpressMetadata : MetadataHandler {};

#endif
