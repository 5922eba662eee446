// Poco::DynamicFactory.
#include <Poco/DynamicFactory.h>
