// autoreg's umbrella header.
#include <autoreg/autoreg.hpp>
