#include "maturity.h"

#include "model/importresult.h"

#include <QJsonArray>

namespace meshscope::maturity {

QString outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Met: return QStringLiteral("met");
    case Outcome::Unmet: return QStringLiteral("unmet");
    case Outcome::NoEvidence: break;
    }
    return QStringLiteral("no evidence");
}

bool filled(const QString &value)
{
    return !value.trimmed().isEmpty() && !value.contains(QLatin1String(kPlaceholder), Qt::CaseInsensitive);
}

QString Model::levelName(int level) const
{
    for (const Level &l : levels) {
        if (l.level == level)
            return l.name;
    }
    if (level <= 0)
        return levels.empty() ? QStringLiteral("Not assessed") : QStringLiteral("Not yet ") + levels.front().name;
    return QStringLiteral("Level %1").arg(level);
}

namespace {

Criterion criterion(const char *id, const char *check, const char *description, const char *fix,
                    QJsonObject arguments = {})
{
    return Criterion{QLatin1String(id), QLatin1String(check), QLatin1String(description), QLatin1String(fix),
                     std::move(arguments)};
}

} // namespace

Model defaultModel()
{
    Model m;
    m.levels.push_back(Level{1, QStringLiteral("Foundation"),
                             QStringLiteral("Basic metadata, simple quality rules, a standard access pattern and minimal documentation."),
                             {
                                 criterion("L1-P01", "basicMetadata", "Basic metadata: name, description and owner",
                                           "state the product's name, a description and an owner (or team)"),
                                 criterion("L1-P02", "qualityRules", "Quality measures with simple validation rules",
                                           "add a quality rule (e.g. nullValues on the key) to the output port's contract"),
                                 criterion("L1-P03", "standardAccess", "A standard access pattern",
                                           "add an output port with a type and a location (or a contract that names a server)"),
                                 criterion("L1-P04", "documentation", "Minimal documentation",
                                           "describe what the product offers in at least 20 characters",
                                           QJsonObject{{QStringLiteral("minLength"), 20}}),
                             }});
    m.levels.push_back(Level{2, QStringLiteral("Standard"),
                             QStringLiteral("Rich semantic metadata, SLAs, comprehensive quality, self-service access and usage monitoring."),
                             {
                                 criterion("L2-P01", "semanticMetadata", "Rich semantic metadata",
                                           "describe every table and field of the output contracts and tag the product"),
                                 criterion("L2-P02", "slaAvailabilityFreshness", "SLAs for availability and freshness",
                                           "promise both an availability and a freshness (or latency) in the product or its output contract"),
                                 criterion("L2-P03", "comprehensiveQuality", "Comprehensive quality measures",
                                           "give every table of the output contracts a quality rule, at least 3 rules in all",
                                           QJsonObject{{QStringLiteral("minRules"), 3}}),
                                 criterion("L2-P04", "accessControls", "Self-service access controls",
                                           "declare the roles that may read the data (ODCS `roles`) in the output contract"),
                                 criterion("L2-P05", "usageMonitoring", "Usage monitoring",
                                           "have consumers register (their input ports name this product or its contract), or declare "
                                           "an observability management port or a usage/monitoring link"),
                             }});
    m.levels.push_back(Level{3, QStringLiteral("Advanced"),
                             QStringLiteral("Change notification, advanced access patterns, client libraries, a versioning strategy, performance work."),
                             {
                                 criterion("L3-P01", "changeNotification", "Change notification",
                                           "declare a support or notification channel (ODPS `support`, ODCS `support`)"),
                                 criterion("L3-P02", "advancedAccess", "Advanced access patterns (streaming, APIs)",
                                           "add an output port of a streaming or API type (kafka, kinesis, pubsub, api, ...)"),
                                 criterion("L3-P03", "clientLibraries", "Client libraries and examples",
                                           "link a client library, SDK or examples (links or authoritativeDefinitions)"),
                                 criterion("L3-P04", "versioningStrategy", "A versioning strategy",
                                           "version the product and its contracts with semver; give deprecated contract versions a "
                                           "sunset date (customProperty `sunset`)"),
                                 criterion("L3-P05", "performance", "Performance optimization",
                                           "partition or cluster a table of the output contract, or promise a throughput or response time"),
                             }});
    return m;
}

QStringList knownChecks()
{
    return {QStringLiteral("basicMetadata"),     QStringLiteral("qualityRules"),
            QStringLiteral("standardAccess"),    QStringLiteral("documentation"),
            QStringLiteral("semanticMetadata"),  QStringLiteral("slaAvailabilityFreshness"),
            QStringLiteral("comprehensiveQuality"), QStringLiteral("accessControls"),
            QStringLiteral("usageMonitoring"),   QStringLiteral("changeNotification"),
            QStringLiteral("advancedAccess"),    QStringLiteral("clientLibraries"),
            QStringLiteral("versioningStrategy"), QStringLiteral("performance")};
}

namespace {

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        out << v.toString();
    for (const QJsonValue &item : v.toArray()) {
        if (item.isString())
            out << item.toString();
    }
    return out;
}

} // namespace

Model readModel(const QJsonObject &maturity, const QString &policyId)
{
    Model m = defaultModel();
    m.policyId = policyId;
    m.builtIn = false;
    const auto problem = [&](const QString &text) { m.problems << QStringLiteral("%1: spec.maturity: %2").arg(policyId, text); };

    if (maturity.contains(QLatin1String("lighthouse")))
        m.lighthouse = stringList(maturity.value(QLatin1String("lighthouse")));
    for (QString &d : m.lighthouse)
        d = slugify(d);

    if (maturity.contains(QLatin1String("levels"))) {
        const QJsonArray levels = maturity.value(QLatin1String("levels")).toArray();
        std::vector<Level> read;
        for (qsizetype i = 0; i < levels.size(); ++i) {
            const QJsonObject lo = levels.at(i).toObject();
            Level l;
            l.level = lo.value(QLatin1String("level")).toInt(int(i) + 1);
            l.name = lo.value(QLatin1String("name")).toString(QStringLiteral("Level %1").arg(l.level));
            l.description = lo.value(QLatin1String("description")).toString();
            const QJsonArray criteria = lo.value(QLatin1String("criteria")).toArray();
            for (qsizetype k = 0; k < criteria.size(); ++k) {
                const QJsonObject co = criteria.at(k).toObject();
                Criterion c;
                c.id = co.value(QLatin1String("id")).toString(
                    QStringLiteral("L%1-P%2").arg(l.level).arg(k + 1, 2, 10, QLatin1Char('0')));
                c.check = co.value(QLatin1String("check")).toString(co.value(QLatin1String("metric")).toString());
                c.description = co.value(QLatin1String("description")).toString(c.check);
                c.fix = co.value(QLatin1String("fix")).toString();
                c.arguments = co.value(QLatin1String("arguments")).toObject();
                if (!knownChecks().contains(c.check))
                    problem(QStringLiteral("criterion %1 names no known check ('%2'); it is never met").arg(c.id, c.check));
                l.criteria.push_back(std::move(c));
            }
            if (l.level <= 0) {
                problem(QStringLiteral("level %1 is not a positive number; ignored").arg(l.level));
                continue;
            }
            read.push_back(std::move(l));
        }
        std::sort(read.begin(), read.end(), [](const Level &a, const Level &b) { return a.level < b.level; });
        for (size_t i = 0; i < read.size(); ++i) {
            if (read[i].level != int(i) + 1)
                problem(QStringLiteral("levels must be numbered 1, 2, 3 … without gaps (found %1)").arg(read[i].level));
        }
        m.levels = std::move(read);
    }

    // OMMS policies: statusCap (caps: {status: highest level}) holds a product's level down.
    for (const QJsonValue &v : maturity.value(QLatin1String("policies")).toArray()) {
        const QJsonObject po = v.toObject();
        const QString name = po.value(QLatin1String("name")).toString();
        if (name != u"statusCap") {
            problem(QStringLiteral("policy %1 ('%2') is not known; only statusCap is")
                        .arg(po.value(QLatin1String("id")).toString(), name));
            continue;
        }
        const QJsonObject caps = po.value(QLatin1String("arguments")).toObject().value(QLatin1String("caps")).toObject();
        for (auto it = caps.begin(); it != caps.end(); ++it)
            m.statusCaps.insert(it.key().trimmed().toLower(), it.value().toInt());
    }
    return m;
}

} // namespace meshscope::maturity
