# Installs simdact the way cmake/vcpkg/ports/simdact/portfile.cmake does, into a tree laid out like
# vcpkg's (installed/<triplet>/...), without the vcpkg tool (cmake -P):
#   -DSOURCE_DIR=<simdact>  -DWORK_DIR=<dir>  -DCXX=<compiler>  -DGENERATOR=<gen>
# The configure options are read from the portfile itself, and every other portfile step this
# script repeats is first checked to be in the portfile, so the two cannot drift apart silently.
cmake_minimum_required(VERSION 3.23)
set(triplet x64-linux)
set(port simdact)
set(port_dir "${SOURCE_DIR}/cmake/vcpkg/ports/${port}")
set(portfile "${port_dir}/portfile.cmake")
file(READ "${portfile}" text)

function(require_in_portfile literal)
  string(FIND "${text}" "${literal}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${portfile} no longer contains '${literal}': update ${CMAKE_CURRENT_LIST_FILE} to match")
  endif()
endfunction()
require_in_portfile("set(VCPKG_BUILD_TYPE release)")
# The overlay port builds the checkout it is in: its SOURCE_PATH must be that checkout's root.
set(source_path_line "get_filename_component(SOURCE_PATH \"\${CMAKE_CURRENT_LIST_DIR}/../../../..\" ABSOLUTE)")
require_in_portfile("${source_path_line}")
get_filename_component(port_source "${port_dir}/../../../.." ABSOLUTE)
get_filename_component(source_root "${SOURCE_DIR}" ABSOLUTE)
if(NOT port_source STREQUAL source_root OR NOT EXISTS "${port_source}/include/simdact/simdact.hpp")
  message(FATAL_ERROR "the portfile's SOURCE_PATH is ${port_source}, not the checkout ${source_root}")
endif()
require_in_portfile("vcpkg_cmake_install()")
require_in_portfile("vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/simdact)")
require_in_portfile("vcpkg_fixup_pkgconfig()")
require_in_portfile("file(REMOVE_RECURSE \"\${CURRENT_PACKAGES_DIR}/share/cmake\")")
require_in_portfile("vcpkg_install_copyright(FILE_LIST \"\${SOURCE_PATH}/LICENSE\")")
require_in_portfile("file(INSTALL \"\${CMAKE_CURRENT_LIST_DIR}/usage\" DESTINATION \"\${CURRENT_PACKAGES_DIR}/share/\${PORT}\")")

# The OPTIONS of vcpkg_cmake_configure, one per line.
if(NOT text MATCHES "vcpkg_cmake_configure\\(([^)]*)\\)")
  message(FATAL_ERROR "no vcpkg_cmake_configure(...) in ${portfile}")
endif()
string(REGEX MATCH "OPTIONS([^)]*)" options_block "${CMAKE_MATCH_1}")
string(REGEX MATCHALL "-D[A-Za-z0-9_]+=[^ \t\r\n]+" options "${options_block}")
if(NOT options)
  message(FATAL_ERROR "no OPTIONS found in vcpkg_cmake_configure of ${portfile}")
endif()
message(STATUS "portfile options: ${options}")

include(${CMAKE_CURRENT_LIST_DIR}/run_checked.cmake)

# vcpkg_cmake_configure + vcpkg_cmake_install, release only, into packages/<port>_<triplet>.
set(package "${WORK_DIR}/packages/${port}_${triplet}")
set(installed "${WORK_DIR}/installed/${triplet}")
file(REMOVE_RECURSE "${WORK_DIR}")
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/buildtrees/${triplet}-rel" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_INSTALL_PREFIX=${package}"
    ${options})
run(${CMAKE_COMMAND} --build "${WORK_DIR}/buildtrees/${triplet}-rel")
run(${CMAKE_COMMAND} --install "${WORK_DIR}/buildtrees/${triplet}-rel")

# vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/simdact): the package moves to share/<port>,
# one directory less deep, and the files that find the prefix from their own location are
# rewritten for that.
set(share "${package}/share/${port}")
file(GLOB config_files "${package}/share/cmake/${port}/*")
file(COPY ${config_files} DESTINATION "${share}")
file(READ "${share}/simdactConfig.cmake" config)
string(REPLACE "\${CMAKE_CURRENT_LIST_DIR}/../../../" "\${CMAKE_CURRENT_LIST_DIR}/../../" fixed "${config}")
if(fixed STREQUAL config)
  message(FATAL_ERROR "simdactConfig.cmake: no PACKAGE_PREFIX_DIR line three levels up")
endif()
file(WRITE "${share}/simdactConfig.cmake" "${fixed}")
file(READ "${share}/simdactTargets.cmake" targets)
set(up "get_filename_component(_IMPORT_PREFIX \"\${_IMPORT_PREFIX}\" PATH)\n")
string(FIND "${targets}" "${up}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "simdactTargets.cmake: no _IMPORT_PREFIX computation found")
endif()
string(SUBSTRING "${targets}" 0 ${at} before)
string(LENGTH "${up}" up_length)
math(EXPR after_at "${at} + ${up_length}")
string(SUBSTRING "${targets}" ${after_at} -1 after)
file(WRITE "${share}/simdactTargets.cmake" "${before}${after}")
# file(REMOVE_RECURSE share/cmake)
file(REMOVE_RECURSE "${package}/share/cmake")
# vcpkg_install_copyright and the usage file.
file(COPY_FILE "${SOURCE_DIR}/LICENSE" "${share}/copyright")
file(COPY_FILE "${port_dir}/usage" "${share}/usage")

# What vcpkg's post-build checks expect of a header-only release-only port.
foreach(path include/simdact/simdact.hpp share/${port}/simdactConfig.cmake
             share/${port}/simdactConfigVersion.cmake share/${port}/copyright share/${port}/usage
             share/pkgconfig/simdact.pc)
  if(NOT EXISTS "${package}/${path}")
    message(FATAL_ERROR "the port's package lacks ${path}")
  endif()
endforeach()
foreach(path debug lib bin share/cmake)
  if(EXISTS "${package}/${path}")
    message(FATAL_ERROR "the port's package must not contain ${path}/")
  endif()
endforeach()

# vcpkg then copies the package into installed/<triplet>.
file(COPY "${package}/" DESTINATION "${installed}")
message(STATUS "installed like vcpkg into ${installed}")
