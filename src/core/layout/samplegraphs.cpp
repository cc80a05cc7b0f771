#include "samplegraphs.h"

#include "generate/random.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace meshscope::layout {

namespace {

struct Member {
    double place; ///< where the node sits among its domain's topics, in [0, 1)
    int node;
};

} // namespace

LayoutGraph lineageGraph(int nodeCount, quint64 seed)
{
    generate::Random random(seed);
    LayoutGraph graph;
    const int n = std::max(nodeCount, 0);
    const int stages = std::max(3, 8 + int(std::lround(2 * std::log2(std::max(1.0, n / 100.0)))));
    const int domains = std::max(3, n / 250);
    // members[stage][domain], sorted by place: a node reads from nodes about the same topic.
    std::vector<std::vector<std::vector<Member>>> members(
        static_cast<size_t>(stages), std::vector<std::vector<Member>>(static_cast<size_t>(domains)));
    std::vector<double> place;
    std::vector<int> stageOf, domainOf;
    for (int v = 0; v < n; ++v) {
        const int stage = v < stages ? v : int(random.below(quint64(stages)));
        const int domain = int(random.below(quint64(domains)));
        LayoutNode node;
        node.id = QStringLiteral("n%1").arg(v);
        node.width = 120 + 20 * double(random.below(7));
        node.height = 40;
        node.group = QStringLiteral("domain%1").arg(domain, 2, 10, QLatin1Char('0'));
        graph.nodes.push_back(node);
        place.push_back(random.unit());
        stageOf.push_back(stage);
        domainOf.push_back(domain);
        members[size_t(stage)][size_t(domain)].push_back({place.back(), v});
    }
    for (auto &stage : members) {
        for (auto &domain : stage)
            std::sort(domain.begin(), domain.end(), [](const Member &a, const Member &b) { return a.place < b.place; });
    }
    // The input nearest to `where` among a stage's nodes of a domain, or of any domain.
    auto nearest = [&](int stage, int domain, double where) -> int {
        for (int d = 0; d < domains; ++d) {
            const std::vector<Member> &list = members[size_t(stage)][size_t((domain + d) % domains)];
            if (list.empty())
                continue;
            auto it = std::lower_bound(list.begin(), list.end(), where,
                                       [](const Member &m, double p) { return m.place < p; });
            if (it == list.end())
                --it;
            return it->node;
        }
        return -1;
    };
    std::set<std::pair<int, int>> seen;
    for (int v = 0; v < n; ++v) {
        const int stage = stageOf[size_t(v)];
        if (stage == 0)
            continue;
        const double draw = random.unit();
        const int inputs = draw < 0.45 ? 1 : draw < 0.77 ? 2 : draw < 0.92 ? 3 : draw < 0.97 ? 4 : 5;
        for (int i = 0; i < inputs; ++i) {
            // A few attempts, so that picking an input twice does not thin the graph out.
            for (int attempt = 0; attempt < 4; ++attempt) {
                const int from = stage == 1 || random.chance(0.85) ? stage - 1 : int(random.below(quint64(stage - 1)));
                int u;
                if (random.chance(0.93)) {
                    const double spread = 0.08 * (attempt + 1);
                    u = nearest(from, domainOf[size_t(v)], place[size_t(v)] + spread * (random.unit() - 0.5));
                } else {
                    // A popular product of a neighbouring domain: shared inputs feed many consumers.
                    const int step = random.chance(0.7) ? 1 : int(random.below(quint64(domains)));
                    u = nearest(from, (domainOf[size_t(v)] + step) % domains, random.unit() * random.unit());
                }
                if (u >= 0 && seen.emplace(u, v).second) {
                    graph.edges.push_back({u, v});
                    break;
                }
            }
        }
    }
    return graph;
}

} // namespace meshscope::layout
