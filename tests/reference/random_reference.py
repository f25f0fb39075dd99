#!/usr/bin/env python3
"""Independent reference for core/random (include/delight/random.hpp), Python stdlib only.

Written from the published algorithms, not from the C++:
  - SplitMix64 (Steele, Lea & Flood 2014; Vigna's splitmix64.c): x += 0x9E3779B97F4A7C15,
    z = x; z = (z ^ z>>30) * 0xBF58476D1CE4E5B9; z = (z ^ z>>27) * 0x94D049BB133111EB;
    return z ^ z>>31. Four successive outputs from the seed fill s[0..3].
  - xoshiro256** (Blackman & Vigna, xoshiro256starstar.c): result = rotl(s[1] * 5, 7) * 9;
    t = s[1] << 17; s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
    s[3] = rotl(s[3], 45).
  - uniform() = (next() >> 11) * 2^-53.
  - below(n): limit = 2^64 mod n; draw r until r >= limit; return r mod n (Lemire's
    threshold, no modulo bias).
  - normal(): Marsaglia polar method, first of the pair (random.hpp).
  - gamma(a): Marsaglia & Tsang (2000); for a < 1 draw U first, then Gamma(a + 1) * U^(1/a).

Prints tests/reference/random_reference.txt, read by tests/unit/test_random.cpp:
  python3 tests/reference/random_reference.py > tests/reference/random_reference.txt
Lines: `<seed> next <hex>…`, `<seed> uniform <float>…`, `<seed> below <n> <int>…`,
`<seed> normal <float>…`, `<seed> gamma <shape> <float>…` (floats as repr: exact round trip).
"""
import math

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.x = seed & MASK

    def next(self):
        self.x = (self.x + 0x9E3779B97F4A7C15) & MASK
        z = self.x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        sm = SplitMix64(seed)
        self.s = [sm.next() for _ in range(4)]

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def below(self, n):
        limit = (1 << 64) % n
        while True:
            r = self.next()
            if r >= limit:
                return r % n

    def normal(self):
        while True:
            u = 2.0 * self.uniform() - 1.0
            v = 2.0 * self.uniform() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                return u * math.sqrt(-2.0 * math.log(s) / s)

    def gamma(self, a):
        if a < 1.0:
            u = self.uniform()
            while u == 0.0:
                u = self.uniform()
            return self.gamma(a + 1.0) * u ** (1.0 / a)
        d = a - 1.0 / 3.0
        c = 1.0 / math.sqrt(9.0 * d)
        while True:
            x = self.normal()
            v = 1.0 + c * x
            if v <= 0.0:
                continue
            v = v * v * v
            u = self.uniform()
            if u < 1.0 - 0.0331 * x * x * x * x:
                return d * v
            if u > 0.0 and math.log(u) < 0.5 * x * x + d * (1.0 - v + math.log(v)):
                return d * v


SEEDS = [0, 1, 1 << 63]
COUNT = 8
# n = 2^63 + 1 rejects almost half of all draws (limit = 2^63 - 1): it exercises the loop.
BELOW_N = [1, 2, 3, 10, 1000, (1 << 63) + 1]
GAMMA_SHAPES = [0.3, 1.0, 2.5, 50.0]


def main():
    for seed in SEEDS:
        g = Xoshiro256StarStar(seed)
        print(seed, "next", " ".join("0x%016x" % g.next() for _ in range(COUNT)))
        g = Xoshiro256StarStar(seed)
        print(seed, "uniform", " ".join(repr(g.uniform()) for _ in range(COUNT)))
        for n in BELOW_N:
            g = Xoshiro256StarStar(seed)
            print(seed, "below", n, " ".join(str(g.below(n)) for _ in range(COUNT)))
        g = Xoshiro256StarStar(seed)
        print(seed, "normal", " ".join(repr(g.normal()) for _ in range(COUNT)))
        for a in GAMMA_SHAPES:
            g = Xoshiro256StarStar(seed)
            print(seed, "gamma", repr(a), " ".join(repr(g.gamma(a)) for _ in range(COUNT)))


if __name__ == "__main__":
    main()
