# Install rules: the headers, the CMake package (share/cmake/simdact) and a pkg-config file
# (share/pkgconfig; simdact is header-only, so nothing depends on the architecture).
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(SIMDACT_INSTALL_CMAKEDIR
    "${CMAKE_INSTALL_DATADIR}/cmake/simdact"
    CACHE STRING "Where simdact's CMake package is installed, relative to the prefix")
set(SIMDACT_INSTALL_PKGCONFIGDIR
    "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where simdact.pc is installed, relative to the prefix")

install(TARGETS simdact EXPORT simdactTargets FILE_SET HEADERS)
install(EXPORT simdactTargets NAMESPACE simdact:: DESTINATION "${SIMDACT_INSTALL_CMAKEDIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/simdactConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/simdactConfig.cmake" INSTALL_DESTINATION "${SIMDACT_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/simdactConfigVersion.cmake" COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/simdactConfig.cmake"
              "${PROJECT_BINARY_DIR}/simdactConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/simdactFindXsimd.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/simdactDispatch.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/simdact_dispatch.cpp.in"
        DESTINATION "${SIMDACT_INSTALL_CMAKEDIR}")

# The .pc file finds its prefix from its own location, so the install can be moved (vcpkg does).
if(IS_ABSOLUTE "${SIMDACT_INSTALL_PKGCONFIGDIR}")
  message(FATAL_ERROR "SIMDACT_INSTALL_PKGCONFIGDIR must be relative to the prefix")
endif()
file(RELATIVE_PATH SIMDACT_PC_PREFIX_FROM_PCFILEDIR "/prefix/${SIMDACT_INSTALL_PKGCONFIGDIR}" "/prefix")
configure_file("${PROJECT_SOURCE_DIR}/cmake/simdact.pc.in" "${PROJECT_BINARY_DIR}/simdact.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/simdact.pc" DESTINATION "${SIMDACT_INSTALL_PKGCONFIGDIR}")
