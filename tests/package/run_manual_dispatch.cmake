# The README's "without CMake" dispatch recipe, followed literally with the compiler (cmake -P):
# the template compiled once per instruction set, the program without -m flags, all linked, then
# run under each SIMDACT_MAX_ARCH cap.
#   -DCXX=<compiler>  -DSOURCE_DIR=<simdact>  -DBUILD_DIR=<dir>
cmake_minimum_required(VERSION 3.23)
include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)
file(REMOVE_RECURSE "${BUILD_DIR}")
file(MAKE_DIRECTORY "${BUILD_DIR}")
file(READ "${SOURCE_DIR}/cmake/simdact_dispatch.cpp.in" template)
set(defines -DSIMDACT_DISPATCH_AVX2=1 -DSIMDACT_DISPATCH_AVX512=1)
set(objects "")
foreach(entry "sse2|xsimd::sse2|" "avx2|xsimd::fma3<xsimd::avx2>|-mavx2 -mfma"
              "avx512|xsimd::avx512bw|-mavx512f -mavx512cd -mavx512bw -mavx512dq -mavx512vl")
  string(REPLACE "|" ";" entry "${entry}")
  list(GET entry 0 isa)
  list(GET entry 1 arch)
  list(GET entry 2 flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  set(extra "")
  if(isa STREQUAL "sse2")
    set(extra "#include <simdact/detail/dispatch_runtime.hpp>")
  endif()
  string(REPLACE "@SIMDACT_DISPATCH_ARCH@" "${arch}" source "${template}")
  string(REPLACE "@SIMDACT_DISPATCH_EXTRA@" "${extra}" source "${source}")
  string(REGEX REPLACE "@[A-Z_]+@" "" source "${source}")
  file(WRITE "${BUILD_DIR}/simdact_dispatch_${isa}.cpp" "${source}")
  run("${CXX}" -std=c++20 -O2 "-I${SOURCE_DIR}/include" ${flags} ${defines} -c
      "${BUILD_DIR}/simdact_dispatch_${isa}.cpp" -o "${BUILD_DIR}/simdact_dispatch_${isa}.o")
  list(APPEND objects "${BUILD_DIR}/simdact_dispatch_${isa}.o")
endforeach()
run("${CXX}" -std=c++20 -O2 "-I${SOURCE_DIR}/include" ${defines}
    "${CMAKE_CURRENT_LIST_DIR}/dispatch/main.cpp" ${objects} -o "${BUILD_DIR}/app")
foreach(cap sse2 avx2 avx512)
  set(ENV{SIMDACT_MAX_ARCH} ${cap})
  run("${BUILD_DIR}/app")
endforeach()
