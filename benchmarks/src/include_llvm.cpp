// llvm::Registry (header-only use).
#define LLVM_DISABLE_ABI_BREAKING_CHECKS_ENFORCING 1
#include <llvm/Support/Registry.h>
