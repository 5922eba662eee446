// The headers that autoreg's public types oblige <autoreg/autoreg.hpp> to
// include whatever its implementation does: std::unique_ptr and
// std::shared_ptr, the default std::string key, errors derived from
// std::runtime_error, std::vector of libraries; and {fmt}, its one dependency.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>
#include <fmt/core.h>
