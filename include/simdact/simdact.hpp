// simdact: neural-network activation functions vectorized with xsimd. The umbrella header.
#pragma once

#include <simdact/apply.hpp>
#include <simdact/config.hpp>
#include <simdact/leaky_relu.hpp>
#include <simdact/relu.hpp>
#include <simdact/sigmoid.hpp>
#include <simdact/tanh.hpp>
