#include "syntheticmesh.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace meshscope::generate {

namespace {

using vocabulary::ColumnKind;

std::string dashesTo(const std::string &text, char replacement)
{
    std::string out = text;
    std::replace(out.begin(), out.end(), '-', replacement);
    return out;
}

/// Hands out names, appending "-2", "-3", ... to repeats. Only looked up, never iterated, so
/// the hash order cannot leak into the output.
class NamePool {
public:
    std::string claim(const std::string &wanted)
    {
        if (m_used.insert(wanted).second)
            return wanted;
        int &n = m_next[wanted];
        for (;;) {
            const std::string candidate = wanted + '-' + std::to_string(n < 2 ? (n = 2) : n);
            ++n;
            if (m_used.insert(candidate).second)
                return candidate;
        }
    }

private:
    std::unordered_set<std::string> m_used;
    std::unordered_map<std::string, int> m_next;
};

/// Domain archetypes in the proportions of real meshes: ~60% source-aligned, 25% consumer-aligned,
/// 15% aggregate, with at least one source-aligned domain so there is something to read from.
std::vector<DomainType> domainTypes(int count, Random &rng)
{
    int sources = std::max(1, (count * 60 + 50) / 100);
    int consumers = (count * 25 + 50) / 100;
    int aggregates = count - sources - consumers;
    if (aggregates < 0) {
        consumers += aggregates;
        aggregates = 0;
    }
    std::vector<DomainType> types;
    types.insert(types.end(), static_cast<size_t>(sources), DomainType::SourceAligned);
    types.insert(types.end(), static_cast<size_t>(consumers), DomainType::ConsumerAligned);
    types.insert(types.end(), static_cast<size_t>(aggregates), DomainType::Aggregate);
    rng.shuffle(types);
    return types;
}

void buildDomains(SyntheticMesh &mesh, const MeshGeneratorOptions &options)
{
    Random rng = Random::derive(mesh.seed, DomainStream);
    const int count = options.domains;
    std::vector<std::string_view> words = vocabulary::domainWords();
    rng.shuffle(words);
    const std::vector<DomainType> types = domainTypes(count, rng);

    // A few sub-domains (about one in eight); domain 0 is always top level so a parent exists.
    std::vector<bool> isSub(static_cast<size_t>(count), false);
    if (count >= 4) {
        std::vector<int> candidates;
        for (int i = 1; i < count; ++i)
            candidates.push_back(i);
        rng.shuffle(candidates);
        const int subCount = std::max(1, count / 8);
        for (int i = 0; i < subCount; ++i)
            isSub[static_cast<size_t>(candidates[static_cast<size_t>(i)])] = true;
    }

    NamePool names;
    std::vector<int> childCount(static_cast<size_t>(count), 0);
    mesh.domains.resize(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        SynthDomain &d = mesh.domains[static_cast<size_t>(i)];
        d.type = types[static_cast<size_t>(i)];
        if (isSub[static_cast<size_t>(i)]) {
            std::vector<int> sameType;
            std::vector<int> topLevel;
            for (int j = 0; j < i; ++j) {
                if (isSub[static_cast<size_t>(j)])
                    continue;
                topLevel.push_back(j);
                if (mesh.domains[static_cast<size_t>(j)].type == d.type)
                    sameType.push_back(j);
            }
            const std::vector<int> &from = sameType.empty() ? topLevel : sameType;
            d.parent = from[rng.below(from.size())];
            const auto &qualifiers = vocabulary::subDomainWords();
            const int n = childCount[static_cast<size_t>(d.parent)]++;
            d.id = names.claim(mesh.domains[static_cast<size_t>(d.parent)].id + '-'
                               + std::string(qualifiers[static_cast<size_t>(n) % qualifiers.size()]));
        } else {
            const size_t w = static_cast<size_t>(i) % words.size();
            std::string id(words[w]);
            if (static_cast<size_t>(i) >= words.size())
                id += '-' + std::to_string(static_cast<size_t>(i) / words.size() + 1);
            d.id = names.claim(id);
        }
        d.displayName = titleCase(d.id);
        d.schema = dashesTo(d.id, '_');
        d.owner = d.id + "-team";
        const int people = rng.between(3, 6);
        const auto &first = vocabulary::firstNames();
        const auto &last = vocabulary::lastNames();
        for (int p = 0; p < people; ++p) {
            d.people.push_back(std::string(first[rng.below(first.size())]) + '.'
                               + std::string(last[rng.below(last.size())]) + "@example.com");
        }
    }
}

/// Every domain gets one product, the rest go by random weights so domain sizes vary.
std::vector<int> productsPerDomain(int domains, int products, Random &rng)
{
    std::vector<int> counts(static_cast<size_t>(domains), 1);
    std::vector<quint64> cumulative;
    quint64 total = 0;
    for (int d = 0; d < domains; ++d) {
        total += 1 + rng.below(5);
        cumulative.push_back(total);
    }
    for (int i = domains; i < products; ++i) {
        const quint64 r = rng.below(total);
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), r);
        ++counts[static_cast<size_t>(it - cumulative.begin())];
    }
    return counts;
}

std::vector<SynthObject> buildObjects(const std::string &table, Random &rng)
{
    const double u = rng.unit();
    const int objectCount = u < 0.6 ? 1 : (u < 0.9 ? 2 : 3);
    std::vector<std::string_view> suffixes = vocabulary::objectSuffixes();
    rng.shuffle(suffixes);
    const std::vector<ColumnKind> &pool = vocabulary::columns();

    std::vector<SynthObject> objects(static_cast<size_t>(objectCount));
    for (int o = 0; o < objectCount; ++o) {
        SynthObject &object = objects[static_cast<size_t>(o)];
        object.physicalName = o == 0 ? table : table + '_' + std::string(suffixes[static_cast<size_t>(o - 1)]);
        object.columns.push_back({&vocabulary::keyColumn(), true});
        // Partial Fisher-Yates: the first k-1 entries of `order` are a random k-1 subset, kept in
        // vocabulary order so that tables read naturally (ids first, timestamps later).
        std::vector<size_t> order(pool.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        const int columnCount = rng.between(4, 15);
        for (size_t i = 0; i + 1 < static_cast<size_t>(columnCount); ++i)
            std::swap(order[i], order[i + rng.below(order.size() - i)]);
        order.resize(static_cast<size_t>(columnCount - 1));
        std::sort(order.begin(), order.end());
        for (size_t index : order)
            object.columns.push_back({&pool[index], rng.chance(0.4)});
    }
    return objects;
}

std::string pickStatus(Random &rng)
{
    const double u = rng.unit();
    if (u < 0.85)
        return "active";
    if (u < 0.93)
        return "draft";
    if (u < 0.98)
        return "deprecated";
    return "retired";
}

void buildProducts(SyntheticMesh &mesh, const MeshGeneratorOptions &options)
{
    Random rng = Random::derive(mesh.seed, ProductStream);
    // A separate stream decides which products emit run events, so that changing the share
    // keeps the rest of the mesh as it was.
    Random eventRng = Random::derive(mesh.seed, EventSelectionStream);
    const std::vector<int> counts = productsPerDomain(options.domains, options.products, rng);
    const auto &subjects = vocabulary::subjects();
    const auto &qualifiers = vocabulary::qualifiers();
    NamePool ids;
    mesh.products.reserve(static_cast<size_t>(options.products));
    for (size_t d = 0; d < mesh.domains.size(); ++d) {
        SynthDomain &domain = mesh.domains[d];
        for (int n = 0; n < counts[d]; ++n) {
            SynthProduct p;
            p.domain = static_cast<int>(d);
            p.type = domain.type;
            p.subject = std::string(subjects[rng.below(subjects.size())]);
            const std::string_view qualifier = qualifiers[rng.below(qualifiers.size())];
            std::string wanted = domain.id + '-' + p.subject;
            if (!qualifier.empty())
                wanted += '-' + std::string(qualifier);
            p.id = ids.claim(wanted);
            const std::string local = p.id.substr(domain.id.size() + 1);
            p.table = dashesTo(local, '_');
            p.name = titleCase(local);
            p.modelName = dashesTo(p.id, '_');
            const int major = rng.chance(0.15) ? 2 : 1;
            p.version = std::to_string(major) + '.' + std::to_string(rng.below(5)) + '.'
                + std::to_string(rng.below(4));
            p.contractId = p.id + "-v" + std::to_string(major);
            p.status = pickStatus(rng);
            p.owner = domain.people[rng.below(domain.people.size())];
            p.objects = buildObjects(p.table, rng);
            p.emitsEvents = eventRng.below(100) < static_cast<quint64>(options.eventPercent);
            domain.products.push_back(static_cast<int>(mesh.products.size()));
            mesh.products.push_back(std::move(p));
        }
    }
}

} // namespace

int SyntheticMesh::edgeCount() const
{
    int edges = 0;
    for (const SynthProduct &p : products)
        edges += static_cast<int>(p.inputs.size());
    return edges;
}

int SyntheticMesh::rawSourceCount() const
{
    int sources = 0;
    for (const SynthProduct &p : products)
        sources += static_cast<int>(p.rawSources.size());
    return sources;
}

std::string titleCase(const std::string &slug)
{
    static const std::unordered_set<std::string> acronyms{"emea", "apac", "b2b", "b2c", "crm", "kpis"};
    std::string out;
    size_t start = 0;
    while (start <= slug.size()) {
        size_t end = slug.find('-', start);
        if (end == std::string::npos)
            end = slug.size();
        std::string word = slug.substr(start, end - start);
        if (acronyms.count(word)) {
            for (char &c : word)
                c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            if (word == "KPIS")
                word = "KPIs";
        } else if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') {
            word[0] = static_cast<char>(word[0] - 'a' + 'A');
        }
        if (!out.empty())
            out += ' ';
        out += word;
        start = end + 1;
    }
    return out;
}

std::string isoTime(qint64 epochSeconds)
{
    // Civil date from days since 1970-01-01 (proleptic Gregorian), to stay clear of time zones.
    qint64 days = epochSeconds / 86400;
    qint64 secs = epochSeconds % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.000Z",
                  static_cast<long long>(year), static_cast<long long>(month),
                  static_cast<long long>(day), static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
    return buf;
}

SyntheticMesh buildMesh(const MeshGeneratorOptions &options)
{
    SyntheticMesh mesh;
    mesh.seed = options.seed;
    // 2026-01-01T00:00:00Z plus up to a year, by seed: reproducible, never the wall clock.
    constexpr qint64 kEpoch2026 = 1767225600;
    mesh.referenceTime = kEpoch2026 + static_cast<qint64>(options.seed % 365) * 86400;
    buildDomains(mesh, options);
    buildProducts(mesh, options);
    wireLineage(mesh);
    return mesh;
}

} // namespace meshscope::generate
