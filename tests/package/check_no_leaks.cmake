# Included by the CMake consumer projects after they have brought simdact in: asserts that simdact
# added nothing to the consumer but its one INTERFACE target.
#
# simdact_consumer_snapshot() before bringing simdact in; simdact_consumer_check(<simdact source
# dir or "">) after.

macro(simdact_consumer_snapshot)
  get_property(_simdact_cache_before GLOBAL PROPERTY CACHE_VARIABLES)
  set(_simdact_cxx_flags_before "${CMAKE_CXX_FLAGS}")
endmacro()

# Every buildsystem target and test defined in `dir` and below.
function(_simdact_collect dir targets_var tests_var)
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(tests DIRECTORY "${dir}" PROPERTY TESTS)
  get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    _simdact_collect("${sub}" sub_targets sub_tests)
    list(APPEND targets ${sub_targets})
    list(APPEND tests ${sub_tests})
  endforeach()
  set(${targets_var} "${targets}" PARENT_SCOPE)
  set(${tests_var} "${tests}" PARENT_SCOPE)
endfunction()

function(simdact_consumer_check simdact_dir)
  if(NOT TARGET simdact::simdact)
    message(FATAL_ERROR "no target simdact::simdact")
  endif()
  # Nothing on the target but the include path, C++20 and xsimd: no warnings, -Werror or -march.
  foreach(property INTERFACE_COMPILE_OPTIONS INTERFACE_COMPILE_DEFINITIONS INTERFACE_LINK_OPTIONS)
    get_target_property(value simdact::simdact ${property})
    if(value)
      message(FATAL_ERROR "simdact::simdact carries ${property}: ${value}")
    endif()
  endforeach()
  if(NOT CMAKE_CXX_FLAGS STREQUAL _simdact_cxx_flags_before)
    message(FATAL_ERROR "CMAKE_CXX_FLAGS changed: '${CMAKE_CXX_FLAGS}'")
  endif()

  # Added from source: one target (simdact; its alias is not a buildsystem target), no tests.
  if(simdact_dir)
    _simdact_collect("${simdact_dir}" targets tests)
    if(NOT targets STREQUAL "simdact")
      message(FATAL_ERROR "simdact leaked targets into the consumer: ${targets}")
    endif()
    if(tests)
      message(FATAL_ERROR "simdact leaked tests into the consumer: ${tests}")
    endif()
  endif()
  foreach(target simdact_tests_baseline simdact_bench relu_basic mlp plot simdact_header_check)
    if(TARGET ${target})
      message(FATAL_ERROR "simdact leaked the target ${target} into the consumer")
    endif()
  endforeach()

  # New cache entries: only simdact's own options and the package-finding ones.
  get_property(cache_after GLOBAL PROPERTY CACHE_VARIABLES)
  list(REMOVE_ITEM cache_after ${_simdact_cache_before})
  # (project() itself records simdact_SOURCE_DIR and friends and CMAKE_PROJECT_VERSION*.)
  list(FILTER cache_after EXCLUDE REGEX
       "^(SIMDACT_|FETCHCONTENT_|CMAKE_PROJECT_VERSION|simdact_(DIR|SOURCE_DIR|BINARY_DIR|IS_TOP_LEVEL)$|xsimd_DIR$|xtl_DIR$)")
  if(cache_after)
    message(FATAL_ERROR "simdact added cache entries to the consumer: ${cache_after}")
  endif()
  message(STATUS "simdact consumer: no targets, tests, flags or cache entries leaked")
endfunction()
