# Finds xsimd (8.1 or newer) for simdact's own build, and repairs Debian's xsimd 8.1 package,
# whose exported target links a target `xtl` that the package never defines. Installed beside
# simdactConfig.cmake, which uses simdact_check_xsimd() the same way.
#
# xsimd's config uses SameMajorVersion, so no version is passed to find_package (it would reject
# every other major version); xsimd_VERSION is checked here instead.
include_guard(GLOBAL)

set(SIMDACT_XSIMD_MINIMUM_VERSION 8.1.0)
# The release SIMDACT_FETCH_XSIMD downloads: xsimd 14.3.0.
set(SIMDACT_XSIMD_GIT_REPOSITORY https://github.com/xtensor-stack/xsimd.git)
set(SIMDACT_XSIMD_GIT_TAG e88a72831858123924f7118f345dfe5d70d95991)

# Sets <result_var> to an error message, or to "" when the target `xsimd` is usable. Checks the
# version (when the package reported one) and defines an empty `xtl` where xsimd needs one.
function(simdact_check_xsimd result_var)
  set(${result_var} "" PARENT_SCOPE)
  if(NOT TARGET xsimd)
    set(${result_var} "no target `xsimd`" PARENT_SCOPE)
    return()
  endif()
  if(DEFINED xsimd_VERSION AND xsimd_VERSION VERSION_LESS SIMDACT_XSIMD_MINIMUM_VERSION)
    set(${result_var}
        "simdact needs xsimd >= ${SIMDACT_XSIMD_MINIMUM_VERSION}, found ${xsimd_VERSION} in ${xsimd_DIR}"
        PARENT_SCOPE)
    return()
  endif()
  get_target_property(_aliased xsimd ALIASED_TARGET)
  set(_xsimd xsimd)
  if(_aliased)
    set(_xsimd ${_aliased})
  endif()
  get_target_property(_links ${_xsimd} INTERFACE_LINK_LIBRARIES)
  if(_links AND "xtl" IN_LIST _links AND NOT TARGET xtl)
    find_package(xtl CONFIG QUIET)
    if(NOT TARGET xtl)
      # simdact uses nothing of xtl; an empty target keeps the link line valid.
      add_library(xtl INTERFACE IMPORTED GLOBAL)
    endif()
  endif()
endfunction()

# For simdact's own CMakeLists: finds xsimd, or with SIMDACT_FETCH_XSIMD downloads the pinned
# release, or stops with a message that says what to install.
macro(simdact_find_xsimd)
  if(NOT TARGET xsimd)
    find_package(xsimd CONFIG QUIET)
    if(NOT xsimd_FOUND)
      if(SIMDACT_FETCH_XSIMD)
        message(STATUS "simdact: xsimd not found; fetching xsimd 14.3.0 (SIMDACT_FETCH_XSIMD)")
        include(FetchContent)
        FetchContent_Declare(xsimd GIT_REPOSITORY ${SIMDACT_XSIMD_GIT_REPOSITORY}
                                   GIT_TAG ${SIMDACT_XSIMD_GIT_TAG})
        FetchContent_MakeAvailable(xsimd)
        # Its headers are a dependency's, as if installed: no warnings from them in our builds.
        get_target_property(_xsimd_includes xsimd INTERFACE_INCLUDE_DIRECTORIES)
        set_property(TARGET xsimd APPEND PROPERTY INTERFACE_SYSTEM_INCLUDE_DIRECTORIES
                                                  ${_xsimd_includes})
      else()
        message(
          FATAL_ERROR
            "simdact needs xsimd ${SIMDACT_XSIMD_MINIMUM_VERSION} or newer, and CMake did not find it.\n"
            "  Debian/Ubuntu: apt-get install libxsimd-dev\n"
            "  vcpkg: vcpkg install xsimd\n"
            "  or point CMAKE_PREFIX_PATH (or xsimd_DIR) at an xsimd install,\n"
            "  or configure with -DSIMDACT_FETCH_XSIMD=ON to download xsimd 14.3.0 (needs network).")
      endif()
    endif()
  endif()
  simdact_check_xsimd(_simdact_xsimd_error)
  if(_simdact_xsimd_error)
    message(FATAL_ERROR "${_simdact_xsimd_error}")
  endif()
endmacro()
