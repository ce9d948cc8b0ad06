# vcpkg overlay port of simdact (header-only), built from the checkout that holds it:
#   vcpkg install simdact --overlay-ports=<checkout>/cmake/vcpkg/ports
# In a registry, SOURCE_PATH comes from vcpkg_from_github at the release tag instead (its SHA512
# is that of `git archive --format=tar --prefix=simdact-X.Y.Z/ vX.Y.Z | gzip -n`).
# tests/package/vcpkg_layout.cmake reads this file and repeats its configure options and install
# layout in CI, so keep the calls below in this form.
set(VCPKG_BUILD_TYPE release) # header-only

get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)

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
