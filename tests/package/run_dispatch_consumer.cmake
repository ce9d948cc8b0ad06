# Builds the dispatch consumer (cmake -P) and runs it under each SIMDACT_MAX_ARCH cap.
#   -DCONSUMER=<dir>  -DBUILD_DIR=<dir>  -DCXX=<compiler>  -DGENERATOR=<gen>  -DARGS=<-D...|...>
cmake_minimum_required(VERSION 3.23)
include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)
string(REPLACE "|" ";" args "${ARGS}")
file(REMOVE_RECURSE "${BUILD_DIR}")
run(${CMAKE_COMMAND} -S "${CONSUMER}" -B "${BUILD_DIR}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" -DCMAKE_BUILD_TYPE=Release ${args})
run(${CMAKE_COMMAND} --build "${BUILD_DIR}")
foreach(cap sse2 avx2 avx512)
  set(ENV{SIMDACT_MAX_ARCH} ${cap})
  run("${BUILD_DIR}/app")
endforeach()
