#include "diffreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace meshscope::diff {

namespace {

QString shortText(const QJsonValue &v, int max = 70)
{
    QString t;
    if (v.isString())
        t = v.toString();
    else if (v.isArray())
        t = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    else if (v.isObject())
        t = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    else if (v.isBool())
        t = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (v.isDouble())
        t = QString::number(v.toDouble());
    t = t.simplified();
    return t.size() > max ? t.left(max - 1) + QChar(0x2026) : t;
}

QString valuesText(const ContractChange &c)
{
    const bool hasOld = !c.oldValue.isNull() && !c.oldValue.isUndefined();
    const bool hasNew = !c.newValue.isNull() && !c.newValue.isUndefined();
    // Whole elements (added or removed objects, properties, servers) are named by the path already.
    if ((c.kind == ChangeKind::Added && c.newValue.isObject()) || (c.kind == ChangeKind::Removed && c.oldValue.isObject()))
        return {};
    if (hasOld && hasNew && c.oldValue.isString() && c.newValue.isString()) {
        // Long texts (descriptions) often share a long start: show them from a little before they part.
        QString a = c.oldValue.toString().simplified();
        QString b = c.newValue.toString().simplified();
        qsizetype common = 0;
        while (common < std::min(a.size(), b.size()) && a.at(common) == b.at(common))
            ++common;
        if (common > 20 && std::max(a.size(), b.size()) > 40) {
            a = QChar(0x2026) + a.mid(common - 10);
            b = QChar(0x2026) + b.mid(common - 10);
        }
        return shortText(a, 40) + QStringLiteral(" -> ") + shortText(b, 40);
    }
    if (hasOld && hasNew)
        return shortText(c.oldValue, 40) + QStringLiteral(" -> ") + shortText(c.newValue, 40);
    if (hasNew)
        return QStringLiteral("= ") + shortText(c.newValue);
    if (hasOld)
        return QStringLiteral("was ") + shortText(c.oldValue);
    return {};
}

QJsonObject productJson(const AffectedProduct &p)
{
    return QJsonObject{{QStringLiteral("id"), p.id},         {QStringLiteral("name"), p.name},
                       {QStringLiteral("domain"), p.domainId}, {QStringLiteral("owner"), p.owner},
                       {QStringLiteral("via"), p.via},       {QStringLiteral("distance"), p.distance}};
}

QJsonObject datasetJson(const AffectedDataset &d)
{
    return QJsonObject{{QStringLiteral("id"), d.id},
                       {QStringLiteral("product"), d.productId},
                       {QStringLiteral("owner"), d.owner},
                       {QStringLiteral("distance"), d.distance}};
}

QJsonObject side(const QString &id, const QString &version, const QString &source)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("version"), version}, {QStringLiteral("source"), source}};
}

} // namespace

DiffReport makeReport(const Contract &oldContract, const Contract &newContract)
{
    DiffReport r;
    r.oldId = oldContract.id;
    r.oldVersion = oldContract.version;
    r.newId = newContract.id;
    r.newVersion = newContract.version;
    r.diff = diffContracts(oldContract, newContract);
    r.version = checkVersion(oldContract.version, newContract.version, r.diff.highest());
    return r;
}

QJsonObject changeJson(const ContractChange &c)
{
    QJsonObject o{{QStringLiteral("path"), c.path},
                  {QStringLiteral("kind"), changeKindName(c.kind)},
                  {QStringLiteral("severity"), severityName(c.severity)},
                  {QStringLiteral("old"), c.oldValue},
                  {QStringLiteral("new"), c.newValue},
                  {QStringLiteral("rule"), c.ruleId()},
                  {QStringLiteral("description"), QString::fromUtf8(ruleFor(c.rule).description)}};
    if (!c.detail.isEmpty())
        o.insert(QStringLiteral("detail"), c.detail);
    return o;
}

QJsonObject reportJson(const DiffReport &r)
{
    QJsonArray changes;
    for (const ContractChange &c : r.diff.changes)
        changes.append(changeJson(c));
    const DiffSummary s = r.diff.summary();
    QJsonArray impact;
    for (const ChangeImpact &ci : r.impact) {
        QJsonArray products, datasets;
        for (const AffectedProduct &p : ci.impact.products)
            products.append(productJson(p));
        for (const AffectedDataset &d : ci.impact.datasets)
            datasets.append(datasetJson(d));
        QJsonObject entry{{QStringLiteral("path"), ci.path},
                          {QStringLiteral("rule"), ci.rule},
                          {QStringLiteral("products"), products},
                          {QStringLiteral("datasets"), datasets}};
        if (!ci.impact.metrics.empty()) {
            QJsonArray metrics;
            for (const AffectedMetric &m : ci.impact.metrics) {
                metrics.append(QJsonObject{{QStringLiteral("id"), m.id}, {QStringLiteral("name"), m.name},
                                           {QStringLiteral("domain"), m.domainId}, {QStringLiteral("owner"), m.owner},
                                           {QStringLiteral("via"), m.via}});
            }
            entry.insert(QStringLiteral("metrics"), metrics);
        }
        impact.append(entry);
    }
    QJsonValue impactSummary(QJsonValue::Null);
    if (r.impactKnown) {
        const ImpactSummary is = summarizeImpact(r.impact);
        impactSummary = QJsonObject{{QStringLiteral("products"), is.products},
                                    {QStringLiteral("domains"), is.domains},
                                    {QStringLiteral("datasets"), is.datasets},
                                    {QStringLiteral("text"), is.text}};
    }
    QJsonObject o{
        {QStringLiteral("old"), side(r.oldId, r.oldVersion, r.oldSource)},
        {QStringLiteral("new"), side(r.newId, r.newVersion, r.newSource)},
        {QStringLiteral("changes"), changes},
        {QStringLiteral("summary"), QJsonObject{{QStringLiteral("breaking"), s.breaking},
                                                {QStringLiteral("nonBreaking"), s.nonBreaking},
                                                {QStringLiteral("info"), s.info}}},
        {QStringLiteral("requiredVersion"), r.version.required.isEmpty() ? QJsonValue() : QJsonValue(r.version.required)},
        {QStringLiteral("versionOk"), r.version.ok},
        {QStringLiteral("versionReason"), r.version.reason},
        {QStringLiteral("impact"), impact},
        {QStringLiteral("impactSummary"), impactSummary},
    };
    if (!r.impactNote.isEmpty())
        o.insert(QStringLiteral("impactNote"), r.impactNote);
    return o;
}

QString reportText(const DiffReport &r)
{
    QString out;
    const QString id = r.oldId == r.newId ? r.oldId : r.oldId + QStringLiteral(" -> ") + r.newId;
    out += QStringLiteral("Contract %1: %2 -> %3\n").arg(id, r.oldVersion, r.newVersion);
    if (!r.oldSource.isEmpty() || !r.newSource.isEmpty())
        out += QStringLiteral("  old: %1\n  new: %2\n").arg(r.oldSource, r.newSource);
    const DiffSummary s = r.diff.summary();
    out += QStringLiteral("%1 breaking, %2 non-breaking, %3 info\n").arg(s.breaking).arg(s.nonBreaking).arg(s.info);

    const struct {
        Severity severity;
        const char *title;
    } groups[] = {{Severity::Breaking, "Breaking"}, {Severity::NonBreaking, "Non-breaking"}, {Severity::Info, "Info"}};
    for (const auto &g : groups) {
        QStringList lines;
        for (const ContractChange &c : r.diff.changes) {
            if (c.severity != g.severity)
                continue;
            QString line = QStringLiteral("  %1 %2").arg(changeKindName(c.kind), -8).arg(c.path);
            const QString values = valuesText(c);
            if (!values.isEmpty())
                line += QStringLiteral(": ") + values;
            if (!c.detail.isEmpty())
                line += QStringLiteral(" (") + c.detail + QLatin1Char(')');
            line += QStringLiteral("  [") + c.ruleId() + QLatin1Char(']');
            lines << line;
        }
        if (!lines.isEmpty())
            out += QStringLiteral("\n%1\n").arg(QLatin1String(g.title)) + lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    if (r.diff.isEmpty())
        out += QStringLiteral("\nNo changes.\n");

    out += QStringLiteral("\nVersion: %1 (%2)\n")
               .arg(r.version.ok ? QStringLiteral("ok") : QStringLiteral("NOT OK"), r.version.reason);

    if (!r.impactKnown) {
        if (!r.impactNote.isEmpty())
            out += QStringLiteral("Impact: unknown (%1)\n").arg(r.impactNote);
        return out;
    }
    out += QStringLiteral("Impact: %1\n").arg(summarizeImpact(r.impact).text);
    QSet<QString> listed;
    for (const ChangeImpact &ci : r.impact) {
        for (const AffectedProduct &p : ci.impact.products) {
            if (listed.contains(p.id))
                continue;
            listed.insert(p.id);
            const QString how = p.distance > 0 ? QStringLiteral("%1, %2 hops").arg(p.via).arg(p.distance) : p.via;
            out += QStringLiteral("  %1 (%2), owner %3, via %4\n")
                       .arg(p.id, p.domainId.isEmpty() ? QStringLiteral("no domain") : p.domainId,
                            p.owner.isEmpty() ? QStringLiteral("unknown") : p.owner, how);
        }
    }
    // Dashboards, exports and tables no product owns break too; their owners need to hear of it.
    QStringList orphans;
    QSet<QString> seen;
    for (const ChangeImpact &ci : r.impact) {
        for (const AffectedDataset &d : ci.impact.datasets) {
            if (!d.productId.isEmpty() || seen.contains(d.id))
                continue;
            seen.insert(d.id);
            orphans << (d.owner.isEmpty() ? d.id : QStringLiteral("%1 (owner %2)").arg(d.id, d.owner));
        }
    }
    if (!orphans.isEmpty())
        out += QStringLiteral("  downstream without a product: ") + orphans.join(QStringLiteral(", ")) + QLatin1Char('\n');
    QStringList metrics;
    QSet<QString> seenMetrics;
    for (const ChangeImpact &ci : r.impact) {
        for (const AffectedMetric &m : ci.impact.metrics) {
            if (!seenMetrics.contains(m.id)) {
                seenMetrics.insert(m.id);
                metrics << (m.owner.isEmpty() ? m.id : QStringLiteral("%1 (owner %2)").arg(m.id, m.owner));
            }
        }
    }
    if (!metrics.isEmpty())
        out += QStringLiteral("  metrics: ") + metrics.join(QStringLiteral(", ")) + QLatin1Char('\n');
    return out;
}

} // namespace meshscope::diff
