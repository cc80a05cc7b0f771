#include "syntheticmesh.h"

#include <algorithm>

namespace meshscope::generate {

namespace {

/// Picks `wanted` distinct upstream products by calling `draw` (which returns a candidate or -1),
/// preferring other domains than `domain` (a mesh's edges mostly cross domains) and settling for
/// the same domain only when other domains keep failing.
template<typename Draw>
std::vector<int> pickInputs(const SyntheticMesh &mesh, int self, int wanted, Draw draw)
{
    std::vector<int> chosen;
    const int domain = mesh.products[static_cast<size_t>(self)].domain;
    const int preferOtherDomain = 8 * wanted;
    const int maxAttempts = 16 * wanted;
    for (int attempt = 0; attempt < maxAttempts && static_cast<int>(chosen.size()) < wanted; ++attempt) {
        const int candidate = draw();
        if (candidate < 0 || candidate == self)
            continue;
        if (std::find(chosen.begin(), chosen.end(), candidate) != chosen.end())
            continue;
        if (attempt < preferOtherDomain && mesh.products[static_cast<size_t>(candidate)].domain == domain)
            continue;
        chosen.push_back(candidate);
    }
    return chosen;
}

} // namespace

/// Layers as in real meshes: source-aligned products read raw tables (and now and then a
/// cleaner product of their own domain), aggregates read source-aligned products and earlier
/// aggregates, consumer-aligned products read both and now and then an earlier consumer-aligned
/// one. Every input comes earlier in that order, so the graph has no cycles. Each layer is
/// shuffled once and picks favour its front (Random::skewedBelow), which gives a few popular
/// products a large fan-out.
void wireLineage(SyntheticMesh &mesh)
{
    Random rng = Random::derive(mesh.seed, LineageStream);
    std::vector<int> sources;
    std::vector<int> aggregates;
    std::vector<int> consumers;
    for (size_t i = 0; i < mesh.products.size(); ++i) {
        switch (mesh.products[i].type) {
        case DomainType::Aggregate: aggregates.push_back(static_cast<int>(i)); break;
        case DomainType::ConsumerAligned: consumers.push_back(static_cast<int>(i)); break;
        default: sources.push_back(static_cast<int>(i)); break;
        }
    }
    rng.shuffle(sources);
    rng.shuffle(aggregates);
    rng.shuffle(consumers);

    std::vector<std::vector<int>> earlierSourcesByDomain(mesh.domains.size());
    for (int p : sources) {
        SynthProduct &product = mesh.products[static_cast<size_t>(p)];
        product.rawSources.push_back(product.table);
        if (rng.chance(0.3))
            product.rawSources.push_back(product.table + "_cdc");
        std::vector<int> &earlier = earlierSourcesByDomain[static_cast<size_t>(product.domain)];
        if (!earlier.empty() && rng.chance(0.3))
            product.inputs.push_back(earlier[rng.below(earlier.size())]);
        earlier.push_back(p);
    }

    auto pickFrom = [&rng](const std::vector<int> &layer, size_t before) {
        return before == 0 ? -1 : layer[rng.skewedBelow(before)];
    };

    for (size_t pos = 0; pos < aggregates.size(); ++pos) {
        const int self = aggregates[pos];
        mesh.products[static_cast<size_t>(self)].inputs =
            pickInputs(mesh, self, rng.between(2, 6), [&] {
                if (pos > 0 && rng.chance(0.25))
                    return pickFrom(aggregates, pos);
                return pickFrom(sources, sources.size());
            });
    }

    for (size_t pos = 0; pos < consumers.size(); ++pos) {
        const int self = consumers[pos];
        mesh.products[static_cast<size_t>(self)].inputs =
            pickInputs(mesh, self, rng.between(2, 6), [&] {
                const double u = rng.unit();
                if (u < 0.45 && !aggregates.empty())
                    return pickFrom(aggregates, aggregates.size());
                if (u < 0.9 || pos == 0)
                    return pickFrom(sources, sources.size());
                return pickFrom(consumers, pos);
            });
    }
}

} // namespace meshscope::generate
