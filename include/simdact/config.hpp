// Version and namespace macros shared by every simdact header.
#pragma once

#define SIMDACT_VERSION_MAJOR 0
#define SIMDACT_VERSION_MINOR 1
#define SIMDACT_VERSION_PATCH 0

// An inline ABI namespace (as {fmt} does): a future incompatible layout gets a new name, so two
// versions linked into one program cannot silently mix.
#define SIMDACT_BEGIN_NAMESPACE                                                                    \
    namespace simdact {                                                                            \
    inline namespace v0 {
#define SIMDACT_END_NAMESPACE                                                                      \
    }                                                                                              \
    }
