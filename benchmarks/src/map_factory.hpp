/// \file
/// The factory users copy from blog posts: a function-local static
/// std::unordered_map<std::string, creator>, filled by a registrar object per
/// class. Written the way it is usually written, not tuned.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bench {

template <class Base>
class map_factory {
public:
    using creator = std::unique_ptr<Base> (*)();

    static std::unordered_map<std::string, creator>& registry() {
        static std::unordered_map<std::string, creator> instance;
        return instance;
    }

    template <class T>
    struct registrar {
        explicit registrar(const std::string& key) {
            registry()[key] = []() -> std::unique_ptr<Base> { return std::make_unique<T>(); };
        }
    };

    // C++17's unordered_map<std::string, ...>::find takes a std::string, so a
    // key that arrives as a string_view (argv, a parser) becomes one first.
    static std::unique_ptr<Base> create(std::string_view key) {
        const auto& map = registry();
        const auto found = map.find(std::string(key));
        if (found == map.end()) return nullptr;
        return found->second();
    }

    static bool contains(std::string_view key) { return registry().count(std::string(key)) != 0; }
};

}  // namespace bench
