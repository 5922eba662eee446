#include "microscope.hpp"

struct OperaPhenixMetadata : MetadataHandler {
    static constexpr std::string_view registry_description = "Index.idx.xml per measurement";
    std::string file_pattern() const override { return "Index.idx.xml"; }
};

struct OperaPhenixHandler : autoreg::AutoRegister<MicroscopeHandler, OperaPhenixHandler> {
    static constexpr std::string_view registry_description = "Revvity Opera Phenix";
    using metadata_handler = OperaPhenixMetadata;
    std::string vendor() const override { return "Revvity"; }
    int channels() const override { return 4; }
};
