// What a file that only defines registered classes needs: the mixin, and
// std::string_view for the class's registry_key.
#include <string_view>

#include <autoreg/auto_register.hpp>
