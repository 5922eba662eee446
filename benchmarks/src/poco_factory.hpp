/// \file
/// Poco::DynamicFactory (a std::map under a mutex), filled by a registrar
/// object per class, as Poco's documentation suggests.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <Poco/DynamicFactory.h>

namespace bench {

template <class Base>
class poco_factory {
public:
    static Poco::DynamicFactory<Base>& factory() {
        static Poco::DynamicFactory<Base> instance;
        return instance;
    }

    template <class T>
    struct registrar {
        explicit registrar(const std::string& key) { factory().template registerClass<T>(key); }
    };

    static std::unique_ptr<Base> create(std::string_view key) {
        return std::unique_ptr<Base>(factory().createInstance(std::string(key)));
    }

    static bool contains(std::string_view key) { return factory().isClass(std::string(key)); }
};

}  // namespace bench
