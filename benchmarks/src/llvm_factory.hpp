/// \file
/// llvm::Registry: an intrusive list of static nodes, with no lookup of its
/// own; users walk entries() and compare names, as LLVM's own users do.
#pragma once

#include <memory>
#include <string_view>

// Header-only use: without this, llvm/Config/abi-breaking.h references a
// symbol of libLLVMSupport to check that the ABI-breaking settings match.
#ifndef LLVM_DISABLE_ABI_BREAKING_CHECKS_ENFORCING
#define LLVM_DISABLE_ABI_BREAKING_CHECKS_ENFORCING 1
#endif
#include <llvm/Support/Registry.h>

namespace bench {

template <class Base>
class llvm_factory {
public:
    static std::unique_ptr<Base> create(std::string_view key) {
        const llvm::StringRef name(key.data(), key.size());
        for (const auto& entry : llvm::Registry<Base>::entries()) {
            if (entry.getName() == name) return entry.instantiate();
        }
        return nullptr;
    }

    static bool contains(std::string_view key) {
        const llvm::StringRef name(key.data(), key.size());
        for (const auto& entry : llvm::Registry<Base>::entries()) {
            if (entry.getName() == name) return true;
        }
        return false;
    }
};

}  // namespace bench
