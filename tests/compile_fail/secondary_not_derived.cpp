// The type a class names for a secondary registry must derive from that
// registry's base.
// expect-error: autoreg: secondary<OtherBase, TypeOf>: the type.*must derive from OtherBase
#include <autoreg/autoreg.hpp>

#include <string_view>

struct MicroscopeHandler {
    virtual ~MicroscopeHandler() = default;
};
struct MetadataHandler {
    virtual ~MetadataHandler() = default;
};

template <>
struct autoreg::registry_traits<MicroscopeHandler> {
    static constexpr std::string_view strip_suffix = "Handler";
    template <class D>
    using metadata = typename D::metadata_handler;
    using secondaries = autoreg::secondaries<autoreg::secondary<MetadataHandler, metadata>>;
};

#ifdef AUTOREG_EXPECT_OK
struct ImageXpressMetadata : MetadataHandler {};
#else
struct ImageXpressMetadata {  // not derived from MetadataHandler
    virtual ~ImageXpressMetadata() = default;
};
#endif

struct ImageXpressHandler : autoreg::AutoRegister<MicroscopeHandler, ImageXpressHandler> {
    using metadata_handler = ImageXpressMetadata;
};
