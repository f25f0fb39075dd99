#include "delight/random.hpp"

#include <cmath>

namespace delight {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

Random::Random(std::uint64_t seed) {
    for (auto& s : m_state)
        s = splitmix64(seed);
}

std::uint64_t Random::next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Random::uniform() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t Random::below(std::uint64_t n) {
    // Reject the top partial block of 2^64 so every residue is equally likely.
    const std::uint64_t limit = (0 - n) % n; // = 2^64 mod n
    for (;;) {
        std::uint64_t r = next();
        if (r >= limit) return r % n;
    }
}

double Random::normal() {
    for (;;) {
        double u = 2.0 * uniform() - 1.0;
        double v = 2.0 * uniform() - 1.0;
        double s = u * u + v * v;
        if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
    }
}

double Random::gamma(double shape) {
    if (shape < 1.0) {
        // Marsaglia & Tsang's boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
        double u = uniform();
        while (u == 0.0)
            u = uniform();
        return gamma(shape + 1.0) * std::pow(u, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = normal();
        double v = 1.0 + c * x;
        if (v <= 0.0) continue;
        v = v * v * v;
        double u = uniform();
        if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
        if (u > 0.0 && std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
    }
}

std::vector<double> Random::dirichlet(const std::vector<double>& alpha) {
    std::vector<double> draw(alpha.size(), 0.0);
    double sum = 0.0;
    for (std::size_t i = 0; i < alpha.size(); ++i) {
        if (alpha[i] > 0.0) draw[i] = gamma(alpha[i]);
        sum += draw[i];
    }
    if (sum > 0.0)
        for (double& d : draw)
            d /= sum;
    return draw;
}

} // namespace delight
