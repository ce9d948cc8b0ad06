# vcpkg port of simdact (header-only). tests/package/vcpkg_layout.cmake reads this file and
# repeats its configure options and install layout in CI, so keep the calls below in this form.
set(VCPKG_BUILD_TYPE release) # header-only

vcpkg_from_github(
    OUT_SOURCE_PATH SOURCE_PATH
    REPO simdact/simdact
    REF "v${VERSION}"
    SHA512 0 # set to the archive's hash when v${VERSION} is tagged; until then install with --head
    HEAD_REF main
)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DSIMDACT_BUILD_TESTS=OFF
        -DSIMDACT_BUILD_EXAMPLES=OFF
        -DSIMDACT_BUILD_BENCH=OFF
        -DSIMDACT_INSTALL=ON
)

vcpkg_cmake_install()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/simdact)
vcpkg_fixup_pkgconfig()
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/share/cmake")

vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
