// The headers that autoreg's public types oblige <autoreg/autoreg.hpp> to
// include whatever its implementation does: std::unique_ptr and
// std::shared_ptr, the default std::string key, errors derived from
// std::runtime_error, std::vector of libraries. (Not {fmt}: autoreg's headers
// do not include it, and a description prints as the string it is.)
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>
