#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <sys/resource.h>

/// Small helpers shared by the benchmarks: timing, percentiles, peak memory and a printed table.
namespace bench {

inline bool smoke(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--smoke")
            return true;
    }
    return false;
}

/// The integer after `name` on the command line, else `fallback`.
inline int intArg(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

/// The text after `name` on the command line, else empty.
inline QString stringArg(const QStringList &args, const QString &name)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
}

inline double seconds(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

inline double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// User + system CPU seconds of this process (RUSAGE_SELF) or of its waited-for children.
inline double cpuSeconds(int who = RUSAGE_SELF)
{
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// Peak resident set size of this process so far, in MiB (VmHWM).
inline double peakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// Resets the peak RSS counter (Linux: write 5 to clear_refs), so a phase can be measured alone.
inline void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p / 100.0 * double(values.size())));
    return values[i];
}

/// Median of `runs` timings of `f`, in milliseconds.
template<typename F>
double medianMs(int runs, F &&f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(ms(t));
    }
    return percentile(times, 50);
}

/// Prints one row of a table: | name | value | unit | target | verdict |
inline void row(const char *name, double value, const char *unit, double target = -1, bool lowerIsBetter = true)
{
    const char *verdict = target < 0 ? "" : ((lowerIsBetter ? value <= target : value >= target) ? "ok" : "MISSED");
    if (target >= 0)
        std::printf("| %-44s | %10.2f | %-5s | %10.2f | %-6s |\n", name, value, unit, target, verdict);
    else
        std::printf("| %-44s | %10.2f | %-5s | %10s | %-6s |\n", name, value, unit, "", verdict);
    std::fflush(stdout);
}

inline void header(const char *title)
{
    std::printf("\n%s\n| %-44s | %10s | %-5s | %10s | %-6s |\n|%s|%s|%s|%s|%s|\n", title, "measure", "value", "unit",
                "target", "", "----------------------------------------------", "------------", "-------",
                "------------", "--------");
}

} // namespace bench
