# simdact_add_dispatch(<target> [ARCHS sse2 avx2 avx512] [HEADERS <file>...] [FUNCTORS <type>...])
#
# Adds to <target> one generated translation unit per instruction set, each compiled with that
# instruction set's flags only, holding simdact's span kernels for relu, leaky_relu, sigmoid,
# tanh, fast::sigmoid and fast::tanh (float and double), plus those of the FUNCTORS listed (their HEADERS are included). Calls
# to simdact::dispatch::forward and friends in <target> then run on the best of ARCHS the CPU
# has. <target> itself needs no -m flag. Provided by find_package(simdact), FetchContent and
# add_subdirectory alike. x86-64 (GCC, Clang) only so far.
include_guard(GLOBAL)

function(simdact_add_dispatch target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "ARCHS;HEADERS;FUNCTORS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "simdact_add_dispatch: unexpected arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "simdact_add_dispatch: no target ${target}")
  endif()
  if(NOT CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$" OR MSVC)
    message(FATAL_ERROR "simdact_add_dispatch: only x86-64 with GCC or Clang is supported so far "
                        "(this is ${CMAKE_SYSTEM_PROCESSOR}, ${CMAKE_CXX_COMPILER_ID})")
  endif()
  if(NOT arg_ARCHS)
    set(arg_ARCHS sse2 avx2 avx512)
  endif()
  if(NOT "sse2" IN_LIST arg_ARCHS)
    message(FATAL_ERROR "simdact_add_dispatch: ARCHS must include sse2, the fallback")
  endif()

  set(extra "")
  foreach(header IN LISTS arg_HEADERS)
    get_filename_component(header "${header}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    string(APPEND extra "#include \"${header}\"\n")
  endforeach()

  set(definitions "")
  foreach(arch IN LISTS arg_ARCHS)
    if(arch STREQUAL "sse2")
      set(arch_type "xsimd::sse2")
      set(flags "")
    elseif(arch STREQUAL "avx2")
      set(arch_type "xsimd::fma3<xsimd::avx2>")
      set(flags -mavx2 -mfma)
      list(APPEND definitions SIMDACT_DISPATCH_AVX2=1)
    elseif(arch STREQUAL "avx512")
      set(arch_type "xsimd::avx512bw")
      set(flags -mavx512f -mavx512cd -mavx512bw -mavx512dq -mavx512vl)
      if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # GCC 12's own unmasked AVX-512 intrinsics trip these warnings (simdact's kernels avoid
        # them; a functor of the user's may not); only this generated file.
        list(APPEND flags -Wno-uninitialized -Wno-maybe-uninitialized)
      endif()
      list(APPEND definitions SIMDACT_DISPATCH_AVX512=1)
    else()
      message(FATAL_ERROR "simdact_add_dispatch: unknown ARCHS entry '${arch}' "
                          "(expected sse2, avx2, avx512)")
    endif()

    set(SIMDACT_DISPATCH_TARGET ${target})
    set(SIMDACT_DISPATCH_ISA ${arch})
    set(SIMDACT_DISPATCH_ARCH "${arch_type}")
    set(SIMDACT_DISPATCH_EXTRA "${extra}")
    if(arch STREQUAL "sse2")
      string(APPEND SIMDACT_DISPATCH_EXTRA "#include <simdact/detail/dispatch_runtime.hpp>\n")
    endif()
    set(SIMDACT_DISPATCH_USER_INSTANTIATIONS "")
    foreach(functor IN LISTS arg_FUNCTORS)
      string(APPEND SIMDACT_DISPATCH_USER_INSTANTIATIONS
             "SIMDACT_DISPATCH_INSTANTIATE(${arch_type}, ${functor});\n")
    endforeach()
    set(source "${CMAKE_CURRENT_BINARY_DIR}/simdact_dispatch/${target}_${arch}.cpp")
    # (The template sits beside this file, in the source tree or the installed package.)
    configure_file("${CMAKE_CURRENT_FUNCTION_LIST_DIR}/simdact_dispatch.cpp.in" "${source}" @ONLY)

    set(objects ${target}_simdact_dispatch_${arch})
    add_library(${objects} OBJECT "${source}")
    target_link_libraries(${objects} PRIVATE simdact::simdact)
    target_compile_features(${objects} PRIVATE cxx_std_20)
    target_compile_options(${objects} PRIVATE ${flags})
    # The user's functor headers may need the target's own include paths and definitions.
    target_include_directories(${objects} PRIVATE $<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>)
    target_compile_definitions(${objects}
                               PRIVATE $<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>)
    list(APPEND object_libraries ${objects})
  endforeach()

  foreach(objects IN LISTS object_libraries)
    target_compile_definitions(${objects} PRIVATE ${definitions})
    target_sources(${target} PRIVATE $<TARGET_OBJECTS:${objects}>)
  endforeach()
  target_compile_definitions(${target} PUBLIC ${definitions})
  target_link_libraries(${target} PRIVATE simdact::simdact)
  set_property(TARGET ${target} PROPERTY SIMDACT_DISPATCH_OBJECT_LIBRARIES ${object_libraries})
endfunction()
