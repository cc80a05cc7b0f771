#include "stability.h"

#include <algorithm>
#include <QtGlobal>

#include <cmath>
#include <limits>

namespace meshscope::layout::detail {

/// Minimises sum w_i (y_i - t_i)^2 subject to y_{i+1} - y_i >= gap_i over one layer.
/// Substituting z_i = y_i - c_i with c_i the running sum of gaps turns it into the isotonic
/// regression z_1 <= z_2 <= ..., which pooling adjacent violators solves.
void fitWithGaps(const std::vector<double> &t, const std::vector<double> &w, const std::vector<double> &gap,
                 std::vector<double> &out, std::vector<FitBlock> &blocks)
{
    blocks.clear();
    double c = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i > 0)
            c += gap[i - 1];
        blocks.push_back({w[i] * (t[i] - c), w[i], 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() >= blocks.back().mean()) {
            const FitBlock last = blocks.back();
            blocks.pop_back();
            blocks.back().weightedSum += last.weightedSum;
            blocks.back().weight += last.weight;
            blocks.back().count += last.count;
        }
    }
    out.resize(t.size());
    size_t i = 0;
    c = 0;
    for (const FitBlock &b : blocks) {
        for (size_t k = 0; k < b.count; ++k, ++i) {
            if (i > 0)
                c += gap[i - 1];
            out[i] = b.mean() + c;
        }
    }
}

void holdPositions(const LayeredGraph &g, const Spacing &spacing, const std::vector<double> &target, int anchor,
                   std::vector<double> &y)
{
    std::vector<double> offsets;
    for (int v = 0; v < g.nodeCount(); ++v) {
        if (!std::isnan(target[size_t(v)]))
            offsets.push_back(target[size_t(v)] - y[size_t(v)]);
    }
    if (offsets.empty())
        return;
    std::nth_element(offsets.begin(), offsets.begin() + qsizetype(offsets.size() / 2), offsets.end());
    const double offset = offsets[offsets.size() / 2];
    for (double &value : y)
        value += offset;

    // Where each group's new nodes may go without pushing into another group's band: between the
    // old nodes of the groups above and those of the groups below. Otherwise a new node drawn to
    // a neighbour in another group's band makes separateGroups() move whole groups afterwards.
    const size_t groups = size_t(std::max(1, g.groupCount));
    std::vector<double> low(groups, -std::numeric_limits<double>::infinity());
    std::vector<double> high(groups, std::numeric_limits<double>::infinity());
    if (g.groupCount > 1 && g.groupRank.size() == groups) {
        std::vector<double> oldTop(groups, std::numeric_limits<double>::infinity());
        std::vector<double> oldBottom(groups, -std::numeric_limits<double>::infinity());
        for (int v = 0; v < g.realCount; ++v) {
            if (std::isnan(target[size_t(v)]))
                continue;
            const size_t k = size_t(g.group[size_t(v)]);
            oldTop[k] = std::min(oldTop[k], target[size_t(v)] - g.extent[size_t(v)] / 2);
            oldBottom[k] = std::max(oldBottom[k], target[size_t(v)] + g.extent[size_t(v)] / 2);
        }
        for (size_t k = 0; k < groups; ++k) {
            for (size_t other = 0; other < groups; ++other) {
                if (g.groupRank[other] < g.groupRank[k])
                    low[k] = std::max(low[k], oldBottom[other] + spacing.group);
                else if (g.groupRank[other] > g.groupRank[k])
                    high[k] = std::min(high[k], oldTop[other] - spacing.group);
            }
        }
    }
    auto clampToBand = [&](int v, double value) {
        const size_t k = size_t(g.group[size_t(v)]);
        const double half = g.extent[size_t(v)] / 2;
        if (low[k] + half > high[k] - half)
            return value; // no room between the neighbouring bands: separateGroups() makes some
        return std::clamp(value, low[k] + half, high[k] - half);
    };

    std::vector<double> t, w, gap, fitted;
    std::vector<FitBlock> blocks;
    const int layerCount = int(g.layers.size());
    for (int sweep = 0; sweep < 4; ++sweep) {
        for (int step = 0; step < layerCount; ++step) {
            const int i = sweep % 2 == 0 ? step : layerCount - 1 - step;
            const std::vector<int> &order = g.layers[size_t(i)];
            t.clear();
            w.clear();
            gap.clear();
            for (size_t k = 0; k < order.size(); ++k) {
                const int v = order[k];
                if (k > 0)
                    gap.push_back(separation(g, spacing, order[k - 1], v));
                if (!std::isnan(target[size_t(v)])) {
                    t.push_back(target[size_t(v)]);
                    w.push_back(v == anchor ? 1000.0 : 1.0);
                    continue;
                }
                double sum = 0;
                const int degree = g.up.degree(v) + g.down.degree(v);
                for (int e = g.up.begin(v); e < g.up.end(v); ++e)
                    sum += y[size_t(g.up.list[size_t(e)])];
                for (int e = g.down.begin(v); e < g.down.end(v); ++e)
                    sum += y[size_t(g.down.list[size_t(e)])];
                t.push_back(clampToBand(v, degree > 0 ? sum / degree : y[size_t(v)]));
                w.push_back(0.25);
            }
            fitWithGaps(t, w, gap, fitted, blocks);
            for (size_t k = 0; k < order.size(); ++k)
                y[size_t(order[k])] = fitted[k];
        }
    }
}

} // namespace meshscope::layout::detail
