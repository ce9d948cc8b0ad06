# Configures, builds and runs one consumer project in a fresh build directory (cmake -P).
#   -DCONSUMER=<dir with CMakeLists.txt>  -DBUILD_DIR=<dir>  -DCXX=<compiler>  -DGENERATOR=<gen>
#   -DARGS=<more -D arguments, separated by |>
cmake_minimum_required(VERSION 3.23)
foreach(var CONSUMER BUILD_DIR CXX GENERATOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer.cmake: -D${var}=... is required")
  endif()
endforeach()
string(REPLACE "|" ";" args "${ARGS}")

include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)

file(REMOVE_RECURSE "${BUILD_DIR}")
run(${CMAKE_COMMAND} -S "${CONSUMER}" -B "${BUILD_DIR}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" -DCMAKE_BUILD_TYPE=Release ${args})
run(${CMAKE_COMMAND} --build "${BUILD_DIR}")
run("${BUILD_DIR}/consumer")
