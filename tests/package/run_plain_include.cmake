# The plain-#include consumer (cmake -P): compiles main.cpp with nothing but simdact's include/
# and the compiler's default search path (where xsimd is), then runs it.
#   -DCXX=<compiler>  -DSOURCE_DIR=<simdact>  -DSOURCE=<main.cpp>  -DBUILD_DIR=<dir>
cmake_minimum_required(VERSION 3.23)
include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)
file(REMOVE_RECURSE "${BUILD_DIR}")
file(MAKE_DIRECTORY "${BUILD_DIR}")
run("${CXX}" -std=c++20 -O2 "-I${SOURCE_DIR}/include" "-DSIMDACT_CONSUMER=\"plain #include\""
    "${SOURCE}" -o "${BUILD_DIR}/consumer")
run("${BUILD_DIR}/consumer")
