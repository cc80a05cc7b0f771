#include "stability.h"

#include <algorithm>
#include <QtGlobal>

#include <cmath>

namespace meshscope::layout::detail {

namespace {

struct Block {
    double weightedSum;
    double weight;
    size_t count;
    double mean() const { return weightedSum / weight; }
};

/// Minimises sum w_i (y_i - t_i)^2 subject to y_{i+1} - y_i >= gap_i over one layer.
/// Substituting z_i = y_i - c_i with c_i the running sum of gaps turns it into the isotonic
/// regression z_1 <= z_2 <= ..., which pooling adjacent violators solves.
void fitLayer(const std::vector<double> &t, const std::vector<double> &w, const std::vector<double> &gap,
              std::vector<double> &out, std::vector<Block> &blocks)
{
    blocks.clear();
    double c = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        if (i > 0)
            c += gap[i - 1];
        blocks.push_back({w[i] * (t[i] - c), w[i], 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() >= blocks.back().mean()) {
            const Block last = blocks.back();
            blocks.pop_back();
            blocks.back().weightedSum += last.weightedSum;
            blocks.back().weight += last.weight;
            blocks.back().count += last.count;
        }
    }
    out.resize(t.size());
    size_t i = 0;
    c = 0;
    for (const Block &b : blocks) {
        for (size_t k = 0; k < b.count; ++k, ++i) {
            if (i > 0)
                c += gap[i - 1];
            out[i] = b.mean() + c;
        }
    }
}

} // namespace

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

    std::vector<double> t, w, gap, fitted;
    std::vector<Block> blocks;
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
                t.push_back(degree > 0 ? sum / degree : y[size_t(v)]);
                w.push_back(0.25);
            }
            fitLayer(t, w, gap, fitted, blocks);
            for (size_t k = 0; k < order.size(); ++k)
                y[size_t(order[k])] = fitted[k];
        }
    }
}

} // namespace meshscope::layout::detail
