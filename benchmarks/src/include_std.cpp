// What a hand-written map factory includes.
#include <memory>
#include <string>
#include <unordered_map>
