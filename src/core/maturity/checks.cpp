#include "maturity.h"

#include "slo/servicelevels.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <functional>

/// The named checks a maturity criterion may use (docs/maturity.md gives each one's exact test).
/// A check reads the product, the current versions of its output ports' contracts and the facts the
/// cache reader collected; it never reads files.
namespace meshscope::maturity {

namespace {

struct Input {
    const DataProduct &product;
    const governance::MeshData &mesh;
    const cache::MaturityFacts &facts;
    const QJsonObject &args;
    std::vector<const Contract *> contracts; ///< its output ports' contracts found in the cache
    QStringList missingContracts;            ///< contract ids its output ports name but the cache lacks
};

struct Found {
    Outcome outcome;
    QString evidence;
};

Found met(const QString &e) { return {Outcome::Met, e}; }
Found unmet(const QString &e) { return {Outcome::Unmet, e}; }
Found noEvidence(const QString &e) { return {Outcome::NoEvidence, e}; }

/// "a, b, c and 4 more": evidence stays one readable line however large the product.
QString listed(const QStringList &items, int shown = 4)
{
    if (items.size() <= shown)
        return items.join(QStringLiteral(", "));
    return items.mid(0, shown).join(QStringLiteral(", ")) + QStringLiteral(" and %1 more").arg(items.size() - shown);
}

Found noContract(const Input &in)
{
    if (!in.missingContracts.isEmpty())
        return noEvidence(QStringLiteral("its output contract %1 is not in the cache").arg(listed(in.missingContracts)));
    return noEvidence(QStringLiteral("no output port names a contract, so there is nothing to read this from"));
}

void forEachProperty(const QList<ContractProperty> &props, const QString &prefix,
                     const std::function<void(const ContractProperty &, const QString &)> &fn)
{
    for (const ContractProperty &p : props) {
        const QString path = prefix + QLatin1Char('.') + p.name;
        fn(p, path);
        forEachProperty(p.properties, path, fn);
    }
}

int rulesOf(const SchemaObject &o)
{
    int n = int(o.quality.size());
    forEachProperty(o.properties, o.name, [&n](const ContractProperty &p, const QString &) { n += int(p.quality.size()); });
    return n;
}

Found basicMetadata(const Input &in)
{
    QStringList missing, placeholders;
    const auto need = [&](const QString &value, const char *what) {
        if (filled(value))
            return;
        (value.trimmed().isEmpty() ? missing : placeholders) << QLatin1String(what);
    };
    need(in.product.name, "name");
    need(in.product.description, "description");
    const QString owner = filled(in.product.owner) || in.product.teamId.isEmpty() ? in.product.owner : in.product.teamId;
    need(owner, "owner");
    QStringList problems;
    if (!missing.isEmpty())
        problems << QStringLiteral("not stated: %1").arg(missing.join(QStringLiteral(", ")));
    if (!placeholders.isEmpty())
        problems << QStringLiteral("still a placeholder (%1): %2").arg(QLatin1String(kPlaceholder), placeholders.join(QStringLiteral(", ")));
    if (!problems.isEmpty())
        return unmet(problems.join(QStringLiteral("; ")));
    return met(QStringLiteral("name, description and owner (%1) stated").arg(owner));
}

Found qualityRules(const Input &in)
{
    if (in.contracts.empty())
        return noContract(in);
    int rules = 0;
    for (const Contract *c : in.contracts) {
        rules += int(c->quality.size());
        for (const SchemaObject &o : c->schema)
            rules += rulesOf(o);
    }
    if (rules == 0)
        return unmet(QStringLiteral("its output contracts have no quality rule"));
    return met(QStringLiteral("%1 quality rule(s) in its output contracts").arg(rules));
}

Found standardAccess(const Input &in)
{
    if (in.product.outputPorts.isEmpty())
        return unmet(QStringLiteral("no output port"));
    for (const Port &port : in.product.outputPorts) {
        if (!filled(port.type) && !filled(port.technology))
            continue;
        if (filled(port.location))
            return met(QStringLiteral("output port %1 (%2) at %3").arg(port.name, port.type, port.location));
        const Contract *c = in.mesh.contract(port.contractId);
        for (const Server &s : c ? c->servers : QList<Server>()) {
            if (filled(s.type))
                return met(QStringLiteral("output port %1 (%2), contract server %3 (%4)").arg(port.name, port.type, s.server, s.type));
        }
    }
    return unmet(QStringLiteral("no output port states both a type and where to read it (location or contract server)"));
}

Found documentation(const Input &in)
{
    const int minLength = in.args.value(QLatin1String("minLength")).toInt(20);
    const QString d = in.product.description.trimmed();
    if (d.isEmpty())
        return unmet(QStringLiteral("no description"));
    if (!filled(d))
        return unmet(QStringLiteral("the description is still a placeholder (%1)").arg(QLatin1String(kPlaceholder)));
    if (d.size() < minLength)
        return unmet(QStringLiteral("description has %1 characters, fewer than %2").arg(d.size()).arg(minLength));
    return met(QStringLiteral("description of %1 characters").arg(d.size()));
}

Found semanticMetadata(const Input &in)
{
    if (in.contracts.empty())
        return noContract(in);
    QStringList undescribed;
    int fields = 0;
    for (const Contract *c : in.contracts) {
        for (const SchemaObject &o : c->schema) {
            if (!filled(o.description))
                undescribed << o.name;
            forEachProperty(o.properties, o.name, [&](const ContractProperty &p, const QString &path) {
                ++fields;
                if (!filled(p.description))
                    undescribed << path;
            });
        }
    }
    QStringList problems;
    if (fields == 0)
        problems << QStringLiteral("its output contracts define no fields");
    if (!undescribed.isEmpty())
        problems << QStringLiteral("not described: %1").arg(listed(undescribed));
    if (in.product.tags.isEmpty())
        problems << QStringLiteral("the product has no tags");
    if (!problems.isEmpty())
        return unmet(problems.join(QStringLiteral("; ")));
    return met(QStringLiteral("%1 fields described; tags: %2").arg(fields).arg(listed(in.product.tags)));
}

std::vector<ServiceLevel> promises(const Input &in)
{
    std::vector<ServiceLevel> out(in.product.slos.begin(), in.product.slos.end());
    for (const Contract *c : in.contracts)
        out.insert(out.end(), c->sla.begin(), c->sla.end());
    return out;
}

Found slaAvailabilityFreshness(const Input &in)
{
    QString availability, freshness;
    for (const ServiceLevel &l : promises(in)) {
        if (!filled(l.value))
            continue;
        const slo::Kind kind = slo::kindOf(l.property);
        if (kind == slo::Kind::Availability && availability.isEmpty())
            availability = l.value + l.unit;
        if (kind == slo::Kind::Freshness && freshness.isEmpty())
            freshness = QStringLiteral("%1 %2%3").arg(l.property, l.value, l.unit);
    }
    QStringList missing;
    if (availability.isEmpty())
        missing << QStringLiteral("availability");
    if (freshness.isEmpty())
        missing << QStringLiteral("freshness");
    if (!missing.isEmpty())
        return unmet(QStringLiteral("no %1 promise in the product or its output contracts").arg(missing.join(QStringLiteral(" or "))));
    return met(QStringLiteral("availability %1, %2").arg(availability, freshness));
}

Found comprehensiveQuality(const Input &in)
{
    if (in.contracts.empty())
        return noContract(in);
    const int minRules = in.args.value(QLatin1String("minRules")).toInt(3);
    int total = 0;
    QStringList bare;
    for (const Contract *c : in.contracts) {
        total += int(c->quality.size());
        for (const SchemaObject &o : c->schema) {
            int n = rulesOf(o);
            // Contract-level rules count for the table they name.
            for (const QualityRule &r : c->quality) {
                if (r.element == o.name || r.element.startsWith(o.name + QLatin1Char('.')))
                    ++n;
            }
            total += rulesOf(o);
            if (n == 0)
                bare << o.name;
        }
    }
    QStringList problems;
    if (!bare.isEmpty())
        problems << QStringLiteral("no rule on %1").arg(listed(bare));
    if (total < minRules)
        problems << QStringLiteral("%1 rule(s), fewer than %2").arg(total).arg(minRules);
    if (!problems.isEmpty())
        return unmet(problems.join(QStringLiteral("; ")));
    return met(QStringLiteral("%1 rules; every table has one").arg(total));
}

Found accessControls(const Input &in)
{
    if (in.contracts.empty())
        return noContract(in);
    QStringList roles;
    for (const Contract *c : in.contracts) {
        for (const ContractRole &r : c->roles) {
            if (filled(r.role))
                roles << r.role;
        }
    }
    if (roles.isEmpty())
        return unmet(QStringLiteral("its output contracts declare no roles"));
    return met(QStringLiteral("roles: %1").arg(listed(roles)));
}

/// Whether some entry of a JSON object or list of objects names `patterns` in its key, name, type or
/// content and carries a written url (links: {Name: url}; authoritativeDefinitions: [{type, url}];
/// managementPorts: [{name, content, url}]).
QString declaredLink(const QJsonValue &v, const QStringList &patterns)
{
    const auto matches = [&patterns](const QString &text) {
        for (const QString &p : patterns) {
            if (text.contains(p, Qt::CaseInsensitive))
                return true;
        }
        return false;
    };
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isString() && matches(it.key()) && filled(it.value().toString()))
                return QStringLiteral("%1: %2").arg(it.key(), it.value().toString());
        }
    }
    for (const QJsonValue &item : v.toArray()) {
        const QJsonObject o = item.toObject();
        const QString label = o.value(QLatin1String("type")).toString() + QLatin1Char(' ')
            + o.value(QLatin1String("name")).toString() + QLatin1Char(' ') + o.value(QLatin1String("content")).toString();
        const QString url = o.value(QLatin1String("url")).toString();
        if (matches(label) && filled(url))
            return QStringLiteral("%1: %2").arg(label.simplified(), url);
    }
    return {};
}

QStringList argList(const QJsonObject &args, const char *key, QStringList fallback)
{
    const QJsonValue v = args.value(QLatin1String(key));
    if (!v.isArray())
        return fallback;
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
}

Found usageMonitoring(const Input &in)
{
    const QStringList consumers = in.facts.consumers.value(in.product.id);
    if (!consumers.isEmpty())
        return met(QStringLiteral("%1 consumer(s) known: %2").arg(consumers.size()).arg(listed(consumers, 3)));
    const QStringList patterns = argList(in.args, "patterns", {QStringLiteral("observability"), QStringLiteral("usage"),
                                                               QStringLiteral("monitor")});
    for (const char *key : {"managementPorts", "links"}) {
        const QString link = declaredLink(in.product.custom.value(QLatin1String(key)), patterns);
        if (!link.isEmpty())
            return met(QStringLiteral("usage monitored at %1").arg(link));
    }
    return unmet(QStringLiteral("no consumer known from input ports or lineage, and no usage monitoring declared"));
}

Found changeNotification(const Input &in)
{
    const auto channelOf = [](const QString &channel, const QString &url) {
        return filled(channel) ? channel : (filled(url) ? url : QString());
    };
    for (const QJsonValue &v : in.product.custom.value(QLatin1String("support")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString ch = channelOf(o.value(QLatin1String("channel")).toString(), o.value(QLatin1String("url")).toString());
        if (!ch.isEmpty())
            return met(QStringLiteral("support channel %1").arg(ch));
    }
    for (const Contract *c : in.contracts) {
        for (const SupportChannel &s : c->support) {
            const QString ch = channelOf(s.channel, s.url);
            if (!ch.isEmpty())
                return met(QStringLiteral("contract %1 support channel %2").arg(c->id, ch));
        }
    }
    return unmet(QStringLiteral("no support or notification channel declared"));
}

Found advancedAccess(const Input &in)
{
    const QStringList types = argList(in.args, "types",
                                      {QStringLiteral("kafka"), QStringLiteral("kinesis"), QStringLiteral("pubsub"),
                                       QStringLiteral("stream"), QStringLiteral("topic"), QStringLiteral("eventhub"),
                                       QStringLiteral("pulsar"), QStringLiteral("api"), QStringLiteral("graphql"),
                                       QStringLiteral("grpc")});
    for (const Port &port : in.product.outputPorts) {
        for (const QString &t : types) {
            if (port.type.contains(t, Qt::CaseInsensitive) || port.technology.contains(t, Qt::CaseInsensitive))
                return met(QStringLiteral("output port %1 of type %2").arg(port.name, port.type));
        }
    }
    return unmet(QStringLiteral("no output port of a streaming or API type (%1)").arg(listed(types, 5)));
}

Found clientLibraries(const Input &in)
{
    const QStringList patterns = argList(in.args, "patterns",
                                         {QStringLiteral("client"), QStringLiteral("sdk"), QStringLiteral("librar"),
                                          QStringLiteral("example"), QStringLiteral("notebook")});
    for (const char *key : {"links", "authoritativeDefinitions"}) {
        const QString link = declaredLink(in.product.custom.value(QLatin1String(key)), patterns);
        if (!link.isEmpty())
            return met(link);
    }
    return unmet(QStringLiteral("no link to a client library, SDK or examples"));
}

/// Semantic Versioning 2.0.0 exactly: MAJOR.MINOR.PATCH with optional pre-release and build (no "v"
/// prefix, no missing parts; diff::SemVer::parse is lenient on purpose, for reading what people write).
bool isSemver(const QString &version)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$)"));
    return re.match(version.trimmed()).hasMatch();
}

/// A sunset date in a contract's custom keys or customProperties: any key naming "sunset".
QString sunsetOf(const QJsonObject &custom)
{
    for (const QJsonObject &o : {custom, custom.value(QLatin1String("customProperties")).toObject()}) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key().contains(QLatin1String("sunset"), Qt::CaseInsensitive) && filled(it.value().toVariant().toString()))
                return it.value().toVariant().toString();
        }
    }
    return {};
}

Found versioningStrategy(const Input &in)
{
    QStringList problems;
    if (!isSemver(in.product.version))
        problems << QStringLiteral("product version '%1' is not semver").arg(in.product.version);
    int versions = 0;
    QStringList seen;
    for (const Port &port : in.product.outputPorts) {
        if (port.contractId.isEmpty() || seen.contains(port.contractId))
            continue;
        seen << port.contractId;
        for (const cache::ContractVersionRow &row : in.facts.contractVersions.value(port.contractId)) {
            ++versions;
            if (!isSemver(row.version))
                problems << QStringLiteral("%1 version '%2' is not semver").arg(port.contractId, row.version);
            if (row.status.trimmed().compare(QLatin1String("deprecated"), Qt::CaseInsensitive) == 0 && sunsetOf(row.custom).isEmpty())
                problems << QStringLiteral("%1 %2 is deprecated with no sunset date").arg(port.contractId, row.version);
        }
    }
    if (versions == 0)
        return noContract(in);
    if (!problems.isEmpty())
        return unmet(listed(problems, 3));
    return met(QStringLiteral("product %1 and %2 contract version(s) follow semver").arg(in.product.version).arg(versions));
}

Found performance(const Input &in)
{
    const QStringList promisesNamed = argList(in.args, "promises", {QStringLiteral("throughput"), QStringLiteral("responseTime"),
                                                                    QStringLiteral("queryResponseTime")});
    for (const ServiceLevel &l : promises(in)) {
        if (filled(l.value) && promisesNamed.contains(l.property, Qt::CaseInsensitive))
            return met(QStringLiteral("%1 promised: %2%3").arg(l.property, l.value, l.unit));
    }
    if (in.contracts.empty())
        return noContract(in);
    for (const Contract *c : in.contracts) {
        for (const SchemaObject &o : c->schema) {
            QString found;
            forEachProperty(o.properties, o.name, [&found](const ContractProperty &p, const QString &path) {
                if (found.isEmpty() && (p.custom.value(QLatin1String("partitioned")).toBool()
                                        || p.custom.value(QLatin1String("clustered")).toBool()))
                    found = path;
            });
            if (!found.isEmpty())
                return met(QStringLiteral("%1 is partitioned or clustered").arg(found));
        }
    }
    return unmet(QStringLiteral("no partitioned or clustered column and no throughput or response-time promise"));
}

using CheckFn = Found (*)(const Input &);

CheckFn checkNamed(const QString &name)
{
    static const QHash<QString, CheckFn> checks = {
        {QStringLiteral("basicMetadata"), basicMetadata},
        {QStringLiteral("qualityRules"), qualityRules},
        {QStringLiteral("standardAccess"), standardAccess},
        {QStringLiteral("documentation"), documentation},
        {QStringLiteral("semanticMetadata"), semanticMetadata},
        {QStringLiteral("slaAvailabilityFreshness"), slaAvailabilityFreshness},
        {QStringLiteral("comprehensiveQuality"), comprehensiveQuality},
        {QStringLiteral("accessControls"), accessControls},
        {QStringLiteral("usageMonitoring"), usageMonitoring},
        {QStringLiteral("changeNotification"), changeNotification},
        {QStringLiteral("advancedAccess"), advancedAccess},
        {QStringLiteral("clientLibraries"), clientLibraries},
        {QStringLiteral("versioningStrategy"), versioningStrategy},
        {QStringLiteral("performance"), performance},
    };
    return checks.value(name, nullptr);
}

} // namespace

CriterionResult runCheck(const Criterion &criterion, int level, const DataProduct &product,
                         const governance::MeshData &mesh, const cache::MaturityFacts &facts)
{
    CriterionResult r;
    r.level = level;
    r.criterion = criterion;
    const CheckFn fn = checkNamed(criterion.check);
    if (!fn) {
        r.outcome = Outcome::NoEvidence;
        r.evidence = QStringLiteral("no check named '%1' (docs/maturity.md lists them)").arg(criterion.check);
        return r;
    }
    Input in{product, mesh, facts, criterion.arguments, {}, {}};
    for (const Port &port : product.outputPorts) {
        if (port.contractId.isEmpty())
            continue;
        const Contract *c = mesh.contract(port.contractId);
        if (!c) {
            if (!in.missingContracts.contains(port.contractId))
                in.missingContracts << port.contractId;
        } else if (std::find(in.contracts.begin(), in.contracts.end(), c) == in.contracts.end()) {
            in.contracts.push_back(c);
        }
    }
    const Found f = fn(in);
    r.outcome = f.outcome;
    r.evidence = f.evidence;
    return r;
}

} // namespace meshscope::maturity
