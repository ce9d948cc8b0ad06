# Builds the Makefile consumer with simdact's flags from pkg-config, then runs it (cmake -P).
#   -DMAKEFILE=<Makefile>  -DSOURCE=<main.cpp>  -DBUILD_DIR=<dir>  -DCXX=<compiler>
#   -DPKG_CONFIG_PATH=<dir holding simdact.pc>
cmake_minimum_required(VERSION 3.23)
include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)
find_program(MAKE_PROGRAM NAMES make gmake REQUIRED)
find_program(PKG_CONFIG_PROGRAM NAMES pkg-config pkgconf REQUIRED)
file(REMOVE_RECURSE "${BUILD_DIR}")
file(MAKE_DIRECTORY "${BUILD_DIR}")
set(ENV{PKG_CONFIG_PATH} "${PKG_CONFIG_PATH}")
execute_process(COMMAND "${PKG_CONFIG_PROGRAM}" --cflags simdact OUTPUT_VARIABLE cflags
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags simdact failed (PKG_CONFIG_PATH=${PKG_CONFIG_PATH})")
endif()
message(STATUS "pkg-config --cflags simdact: ${cflags}")
run("${MAKE_PROGRAM}" -C "${BUILD_DIR}" -f "${MAKEFILE}" "SOURCE=${SOURCE}" "CXX=${CXX}")
run("${BUILD_DIR}/consumer")
