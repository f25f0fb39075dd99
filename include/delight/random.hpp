#pragma once
// The one source of randomness (PRODUCT.md §3.7): the same seed gives the same stream on any
// machine and compiler. SplitMix64 seeds xoshiro256** (Blackman & Vigna); integers are
// uniform without modulo bias (rejection); normal variates by the Marsaglia polar method
// (one of each accepted pair is used, the other discarded); gamma variates by
// Marsaglia & Tsang (2000), with the boost U^(1/α) for α < 1. The standard library's
// distributions are never used: their output differs between implementations.
#include <array>
#include <cstdint>
#include <vector>

namespace delight {

class Random {
  public:
    explicit Random(std::uint64_t seed);

    /// Next 64 raw bits of xoshiro256**.
    std::uint64_t next();
    /// Uniform in [0, 1) with 53 random bits.
    double uniform();
    /// Uniform integer in [0, n) without modulo bias; n > 0.
    std::uint64_t below(std::uint64_t n);
    /// Standard normal variate.
    double normal();
    /// Gamma(shape, 1) variate; shape > 0.
    double gamma(double shape);
    /// A Dirichlet draw with the given concentrations; zero concentrations give zero.
    std::vector<double> dirichlet(const std::vector<double>& alpha);

  private:
    std::array<std::uint64_t, 4> m_state;
};

} // namespace delight
