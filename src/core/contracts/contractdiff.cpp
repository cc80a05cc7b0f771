#include "contractdiff.h"

#include "diffcompare.h"
#include "diffwalker.h"

#include <QSet>

#include <algorithm>

namespace meshscope::diff {

namespace {

using detail::join;
using detail::Matched;
using detail::matchByKey;
using detail::textValue;
using detail::Walker;

QString slaText(const ServiceLevel &s)
{
    if (s.unit.isEmpty())
        return s.value;
    return s.unit == u"%" ? s.value + s.unit : s.value + QLatin1Char(' ') + s.unit;
}

QJsonObject slaValue(const ServiceLevel &s)
{
    QJsonObject o{{QStringLiteral("property"), s.property}, {QStringLiteral("value"), slaText(s)}};
    if (!s.element.isEmpty())
        o.insert(QStringLiteral("element"), s.element);
    return o;
}

void serviceLevels(Walker &w, const QList<ServiceLevel> &a, const QList<ServiceLevel> &b)
{
    // An SLA property named twice (e.g. timeOfAvailability per element) is told apart by its element.
    QHash<QString, int> uses;
    for (const ServiceLevel &s : a + b)
        ++uses[s.property];
    QHash<QString, int> inOld;
    for (const ServiceLevel &s : a)
        ++inOld[s.property];
    const auto key = [&](const ServiceLevel &s) {
        const bool repeated = inOld.value(s.property) > 1 || uses.value(s.property) - inOld.value(s.property) > 1;
        return repeated && !s.element.isEmpty() ? s.property + QLatin1Char('@') + s.element : s.property;
    };
    const auto same = [](const ServiceLevel &x, const ServiceLevel &y) {
        return x.property == y.property && x.value == y.value && x.unit == y.unit && x.element == y.element;
    };
    for (const Matched<ServiceLevel> &m : matchByKey(a, b, key, same)) {
        const QString path = join(QStringLiteral("slaProperties"), m.key);
        if (!m.newItem) {
            w.record(Rule::SlaRemoved, ChangeKind::Removed, path, slaValue(*m.oldItem), {});
        } else if (!m.oldItem) {
            w.record(Rule::SlaAdded, ChangeKind::Added, path, {}, slaValue(*m.newItem));
        } else {
            const ServiceLevel &x = *m.oldItem;
            const ServiceLevel &y = *m.newItem;
            if (slaText(x) != slaText(y)) {
                QString why;
                const SlaChange c = compareServiceLevels(x.property, x, y, &why);
                if (c != SlaChange::Same) {
                    const Rule rule = c == SlaChange::Weaker     ? Rule::SlaWeakened
                                      : c == SlaChange::Stronger ? Rule::SlaStrengthened
                                                                 : Rule::SlaChanged;
                    // An unranked change says why it could not be ranked (no known direction, a
                    // unit that is not a duration or percentage, an unreadable value).
                    w.record(rule, ChangeKind::Changed, path + QStringLiteral(".value"), slaText(x), slaText(y), {},
                             c == SlaChange::Unranked ? why : QString());
                }
            }
            w.text(Rule::SlaChanged, path + QStringLiteral(".element"), x.element, y.element);
        }
    }
}

bool isLocationKey(const QString &key)
{
    static const QSet<QString> keys = {
        QStringLiteral("host"),      QStringLiteral("port"),        QStringLiteral("database"),
        QStringLiteral("schema"),    QStringLiteral("catalog"),     QStringLiteral("project"),
        QStringLiteral("dataset"),   QStringLiteral("account"),     QStringLiteral("location"),
        QStringLiteral("path"),      QStringLiteral("topic"),       QStringLiteral("format"),
        QStringLiteral("delimiter"), QStringLiteral("bucket"),      QStringLiteral("endpointUrl"),
        QStringLiteral("url"),       QStringLiteral("warehouse"),   QStringLiteral("stagingDir"),
        QStringLiteral("region"),    QStringLiteral("serviceName"), QStringLiteral("table"),
    };
    return keys.contains(key);
}

QJsonObject serverValue(const Server &s)
{
    QJsonObject o = s.details;
    o.insert(QStringLiteral("server"), s.server);
    o.insert(QStringLiteral("type"), s.type);
    return o;
}

void servers(Walker &w, const QList<Server> &a, const QList<Server> &b)
{
    const auto key = [](const Server &s) { return s.server.isEmpty() ? s.type : s.server; };
    for (const Matched<Server> &m : matchByKey(a, b, key)) {
        const QString path = join(QStringLiteral("servers"), m.key);
        if (!m.newItem) {
            w.record(Rule::ServerRemoved, ChangeKind::Removed, path, serverValue(*m.oldItem), {});
            continue;
        }
        if (!m.oldItem) {
            w.record(Rule::ServerAdded, ChangeKind::Added, path, {}, serverValue(*m.newItem));
            continue;
        }
        const Server &x = *m.oldItem;
        const Server &y = *m.newItem;
        w.text(Rule::ServerLocationChanged, path + QStringLiteral(".type"), x.type, y.type);
        w.text(Rule::ServerChanged, path + QStringLiteral(".environment"), x.environment, y.environment);
        w.text(Rule::DescriptionChanged, path + QStringLiteral(".description"), x.description, y.description);
        QJsonObject locationA, locationB, otherA, otherB;
        for (auto it = x.details.begin(); it != x.details.end(); ++it)
            (isLocationKey(it.key()) ? locationA : otherA).insert(it.key(), it.value());
        for (auto it = y.details.begin(); it != y.details.end(); ++it)
            (isLocationKey(it.key()) ? locationB : otherB).insert(it.key(), it.value());
        w.extensions(path, locationA, locationB, {}, Rule::ServerLocationChanged);
        w.extensions(path, otherA, otherB, {}, Rule::ServerChanged);
    }
}

void roles(Walker &w, const QList<ContractRole> &a, const QList<ContractRole> &b)
{
    for (const Matched<ContractRole> &m : matchByKey(a, b, [](const ContractRole &r) { return r.role; })) {
        const QString path = join(QStringLiteral("roles"), m.key);
        if (!m.newItem || !m.oldItem) {
            const ContractRole &r = m.newItem ? *m.newItem : *m.oldItem;
            const QJsonObject v{{QStringLiteral("role"), r.role}, {QStringLiteral("access"), r.access}};
            if (m.newItem)
                w.record(Rule::RoleAdded, ChangeKind::Added, path, {}, v);
            else
                w.record(Rule::RoleRemoved, ChangeKind::Removed, path, v, {});
            continue;
        }
        w.text(Rule::RoleChanged, path + QStringLiteral(".access"), m.oldItem->access, m.newItem->access);
        w.text(Rule::RoleApproversChanged, path + QStringLiteral(".firstLevelApprovers"),
               m.oldItem->firstLevelApprovers, m.newItem->firstLevelApprovers);
        w.text(Rule::RoleApproversChanged, path + QStringLiteral(".secondLevelApprovers"),
               m.oldItem->secondLevelApprovers, m.newItem->secondLevelApprovers);
    }
}

void team(Walker &w, const Contract &a, const Contract &b)
{
    w.text(Rule::TeamChanged, QStringLiteral("team.name"), a.teamName, b.teamName);
    const auto key = [](const Person &p) {
        return !p.username.isEmpty() ? p.username : !p.name.isEmpty() ? p.name : p.email;
    };
    for (const Matched<Person> &m : matchByKey(a.team, b.team, key)) {
        const QString path = join(QStringLiteral("team.members"), m.key);
        if (!m.newItem || !m.oldItem) {
            const Person &p = m.newItem ? *m.newItem : *m.oldItem;
            const QJsonObject v{{QStringLiteral("username"), key(p)}, {QStringLiteral("role"), p.role}};
            w.record(Rule::TeamChanged, m.newItem ? ChangeKind::Added : ChangeKind::Removed, path,
                   m.oldItem ? QJsonValue(v) : QJsonValue(), m.newItem ? QJsonValue(v) : QJsonValue());
            continue;
        }
        w.text(Rule::TeamChanged, path + QStringLiteral(".role"), m.oldItem->role, m.newItem->role);
        w.text(Rule::TeamChanged, path + QStringLiteral(".name"), m.oldItem->name, m.newItem->name);
        w.text(Rule::TeamChanged, path + QStringLiteral(".email"), m.oldItem->email, m.newItem->email);
    }
}

void support(Walker &w, const QList<SupportChannel> &a, const QList<SupportChannel> &b)
{
    const auto key = [](const SupportChannel &s) { return s.channel.isEmpty() ? s.url : s.channel; };
    for (const Matched<SupportChannel> &m : matchByKey(a, b, key)) {
        const QString path = join(QStringLiteral("support"), m.key);
        if (!m.newItem || !m.oldItem) {
            const SupportChannel &s = m.newItem ? *m.newItem : *m.oldItem;
            const QJsonObject v{{QStringLiteral("channel"), s.channel}, {QStringLiteral("url"), s.url}};
            w.record(Rule::SupportChanged, m.newItem ? ChangeKind::Added : ChangeKind::Removed, path,
                   m.oldItem ? QJsonValue(v) : QJsonValue(), m.newItem ? QJsonValue(v) : QJsonValue());
            continue;
        }
        w.text(Rule::SupportChanged, path + QStringLiteral(".tool"), m.oldItem->tool, m.newItem->tool);
        w.text(Rule::SupportChanged, path + QStringLiteral(".url"), m.oldItem->url, m.newItem->url);
        w.text(Rule::SupportChanged, path + QStringLiteral(".scope"), m.oldItem->scope, m.newItem->scope);
    }
}

void noticePeriod(Walker &w, const QString &a, const QString &b)
{
    if (a == b)
        return;
    const QString path = QStringLiteral("terms.noticePeriod");
    const auto x = durationSeconds(a);
    const auto y = durationSeconds(b);
    const bool shorter = !a.isEmpty() && (b.isEmpty() || (x && y && *y < *x));
    w.text(shorter ? Rule::NoticePeriodShortened : Rule::NoticePeriodChanged, path, a, b);
}

/// The part of `custom` not already compared through the model. DCS documents keep `servicelevels`,
/// `definitions` and `terms` in `custom` while the importer also reads them into the SLA list, the
/// resolved fields and the notice period; those are compared there and left out here, so each change
/// is reported once.
QJsonObject uninterpreted(const Contract &c)
{
    QJsonObject custom = c.custom;
    if (c.specFormat != u"dcs")
        return custom;
    custom.remove(QStringLiteral("servicelevels"));
    custom.remove(QStringLiteral("definitions"));
    QJsonObject terms = custom.value(QStringLiteral("terms")).toObject();
    if (!terms.contains(QStringLiteral("noticePeriod")))
        return custom;
    terms.remove(QStringLiteral("noticePeriod"));
    if (terms.isEmpty())
        custom.remove(QStringLiteral("terms"));
    else
        custom.insert(QStringLiteral("terms"), terms);
    return custom;
}

} // namespace

QString pathSegment(const QString &name)
{
    static const QString special = QStringLiteral(". []");
    for (const QChar c : name) {
        if (special.contains(c))
            return QLatin1Char('[') + name + QLatin1Char(']');
    }
    return name.isEmpty() ? QStringLiteral("[]") : name;
}

DiffSummary ContractDiff::summary() const
{
    DiffSummary s;
    for (const ContractChange &c : changes) {
        if (!c.countsForVersion())
            continue;
        switch (c.severity) {
        case Severity::Breaking: ++s.breaking; break;
        case Severity::NonBreaking: ++s.nonBreaking; break;
        case Severity::Info: ++s.info; break;
        }
    }
    return s;
}

std::optional<Severity> ContractDiff::highest() const
{
    std::optional<Severity> top;
    for (const ContractChange &c : changes) {
        if (c.countsForVersion() && (!top || c.severity > *top))
            top = c.severity;
    }
    return top;
}

ContractDiff diffContracts(const Contract &a, const Contract &b)
{
    Walker w;
    if (a.id != b.id)
        w.record(Rule::ContractIdChanged, ChangeKind::Changed, QStringLiteral("id"), textValue(a.id), textValue(b.id));
    w.text(Rule::VersionChanged, QStringLiteral("version"), a.version, b.version);
    w.text(Rule::MetadataChanged, QStringLiteral("name"), a.name, b.name);
    w.text(Rule::MetadataChanged, QStringLiteral("dataProduct"), a.dataProduct, b.dataProduct);
    w.text(Rule::MetadataChanged, QStringLiteral("domain"), a.domainId, b.domainId);
    w.text(Rule::MetadataChanged, QStringLiteral("status"), a.status, b.status);
    w.text(Rule::MetadataChanged, QStringLiteral("apiVersion"), a.apiVersion, b.apiVersion);
    w.text(Rule::DescriptionChanged, QStringLiteral("description"), a.description, b.description);
    w.set(Rule::TagsChanged, QStringLiteral("tags"), a.tags, b.tags);
    team(w, a, b);
    support(w, a.support, b.support);
    noticePeriod(w, a.noticePeriod, b.noticePeriod);
    roles(w, a.roles, b.roles);
    w.schema(a.schema, b.schema);
    w.quality(QStringLiteral("quality"), a.quality, b.quality);
    serviceLevels(w, a.sla, b.sla);
    servers(w, a.servers, b.servers);
    w.extensions(QString(), uninterpreted(a), uninterpreted(b));

    ContractDiff diff;
    diff.changes = std::move(w.changes);
    std::stable_sort(diff.changes.begin(), diff.changes.end(), [](const ContractChange &x, const ContractChange &y) {
        return x.path != y.path ? x.path < y.path : int(x.rule) < int(y.rule);
    });
    return diff;
}

} // namespace meshscope::diff
