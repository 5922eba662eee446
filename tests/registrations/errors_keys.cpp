// Registered classes of the error tests: unknown keys.
#include <autoreg/autoreg.hpp>

#include <string_view>

#include "support/errors.hpp"

namespace errors_test {

struct Circle : autoreg::AutoRegister<Shape, Circle> {
    static constexpr std::string_view registry_key = "circle";
};
struct Disc : autoreg::AutoRegister<Shape, Disc> {
    static constexpr std::string_view registry_key = "disc";
};

constexpr std::string_view gadget_keys[] = {"alpha", "alpine", "alps", "beta",
                                            "can",   "cap",    "car",  "cat"};
template <int N>
struct Gizmo : autoreg::AutoRegister<Gadget, Gizmo<N>> {
    static constexpr std::string_view registry_key = gadget_keys[N];
};
template struct Gizmo<0>;
template struct Gizmo<1>;
template struct Gizmo<2>;
template struct Gizmo<3>;
template struct Gizmo<4>;
template struct Gizmo<5>;
template struct Gizmo<6>;
template struct Gizmo<7>;

constexpr std::string_view crowd_keys[] = {
    "k00", "k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10", "k11", "k12",
    "k13", "k14", "k15", "k16", "k17", "k18", "k19", "k20", "k21", "k22", "k23", "k24"};

template <int N>
struct Member : autoreg::AutoRegister<Crowd, Member<N>> {
    static constexpr std::string_view registry_key = crowd_keys[N];
};

// Registered in reverse, so that only sorting puts k00 first.
template <int... N>
constexpr int instantiate_members() {
    return (0 + ... + static_cast<int>(sizeof(Member<24 - N>)));
}
static_assert(instantiate_members<0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                                  19, 20, 21, 22, 23, 24>() > 0);

struct LowAlarm : autoreg::AutoRegister<Alarm, LowAlarm> {
    static constexpr Level registry_key = Level::low;
};
struct HighAlarm : autoreg::AutoRegister<Alarm, HighAlarm> {
    static constexpr Level registry_key = Level::high;
};
struct NoAlarm : autoreg::AutoRegister<Alarm, NoAlarm> {
    static constexpr Level registry_key = Level::off;
};

struct ChannelThree : autoreg::AutoRegister<Channel, ChannelThree> {
    static constexpr int registry_key = 3;
};
struct ChannelTwelve : autoreg::AutoRegister<Channel, ChannelTwelve> {
    static constexpr int registry_key = 12;
};
struct OtherChannelTwelve : autoreg::AutoRegister<Channel, OtherChannelTwelve> {
    static constexpr int registry_key = 12;
};

}  // namespace errors_test
