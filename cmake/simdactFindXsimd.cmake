# Finds xsimd (8.1 or newer) and repairs Debian's xsimd 8.1 package, whose exported target links
# a target `xtl` that the package never defines.
#
# xsimd's config uses SameMajorVersion, so no version is passed to find_package (it would reject
# every other major version); xsimd_VERSION is checked here instead.
include_guard(GLOBAL)

set(SIMDACT_XSIMD_MINIMUM_VERSION 8.1.0)

function(simdact_find_xsimd)
  if(NOT TARGET xsimd)
    find_package(xsimd CONFIG QUIET)
    if(NOT xsimd_FOUND)
      message(
        FATAL_ERROR
          "simdact needs xsimd ${SIMDACT_XSIMD_MINIMUM_VERSION} or newer, and CMake did not find it.\n"
          "  Debian/Ubuntu: apt-get install libxsimd-dev\n"
          "  vcpkg: vcpkg install xsimd\n"
          "  or point CMAKE_PREFIX_PATH (or xsimd_DIR) at an xsimd install.")
    endif()
    if(xsimd_VERSION VERSION_LESS SIMDACT_XSIMD_MINIMUM_VERSION)
      message(FATAL_ERROR "simdact needs xsimd >= ${SIMDACT_XSIMD_MINIMUM_VERSION}, found "
                          "${xsimd_VERSION} in ${xsimd_DIR}")
    endif()
  endif()
  get_target_property(_links xsimd INTERFACE_LINK_LIBRARIES)
  if(_links AND "xtl" IN_LIST _links AND NOT TARGET xtl)
    find_package(xtl CONFIG QUIET)
    if(NOT TARGET xtl)
      # simdact uses nothing of xtl; an empty target keeps the link line valid.
      add_library(xtl INTERFACE IMPORTED GLOBAL)
    endif()
  endif()
endfunction()
