#pragma once

#include <QtGlobal>

#include <random>
#include <string>
#include <utility>
#include <vector>

namespace meshscope::generate {

/// @brief The generator's only source of randomness: std::mt19937_64 (its output is fixed by the
/// standard) with distributions written here, because the std:: distributions give different
/// numbers on different standard libraries and the same seed must give the same mesh everywhere.
class Random {
public:
    explicit Random(quint64 seed) : m_engine(seed) {}

    /// An independent stream for one phase of generation, so that changing how many numbers one
    /// phase draws does not reshuffle the others (splitmix64 of seed and tag).
    static Random derive(quint64 seed, quint64 tag)
    {
        quint64 z = seed + 0x9e3779b97f4a7c15ULL * (tag + 1);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return Random(z ^ (z >> 31));
    }

    quint64 next() { return m_engine(); }

    /// Uniform in [0, n) by multiply-shift; n must be > 0. The tiny bias is irrelevant here.
    quint64 below(quint64 n)
    {
        return static_cast<quint64>((static_cast<unsigned __int128>(m_engine()) * n) >> 64);
    }

    /// Uniform in [lo, hi], both inclusive.
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<quint64>(hi - lo) + 1)); }

    /// Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

    bool chance(double p) { return unit() < p; }

    /// An index in [0, n) skewed towards 0 (P(index < k) = sqrt(k / n)): a few popular items
    /// get most of the picks, as in real meshes where a handful of products feed many others.
    quint64 skewedBelow(quint64 n)
    {
        const double u = unit();
        const auto i = static_cast<quint64>(u * u * static_cast<double>(n));
        return i < n ? i : n - 1;
    }

    /// Fisher-Yates with this generator (std::shuffle's use of the engine is unspecified).
    template<typename T>
    void shuffle(std::vector<T> &items)
    {
        for (size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[below(i)]);
    }

    /// A version 4 UUID in its canonical text form.
    std::string uuid()
    {
        static const char hex[] = "0123456789abcdef";
        const quint64 a = m_engine();
        const quint64 b = m_engine();
        std::string s;
        s.reserve(36);
        for (int i = 0; i < 32; ++i) {
            quint64 nibble = ((i < 16 ? a : b) >> ((15 - (i % 16)) * 4)) & 0xf;
            if (i == 12)
                nibble = 4;
            else if (i == 16)
                nibble = 8 | (nibble & 3);
            if (i == 8 || i == 12 || i == 16 || i == 20)
                s += '-';
            s += hex[nibble];
        }
        return s;
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace meshscope::generate
