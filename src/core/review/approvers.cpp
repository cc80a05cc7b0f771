#include "approvers.h"

#include "contracts/impact.h"
#include "model/serialization.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace meshscope::review {

namespace {

/// "a@x, b@x; c@x" -> [a@x, b@x, c@x]
QStringList splitPeople(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

void addUnique(QStringList &list, const QString &value)
{
    for (const QString &v : std::as_const(list)) {
        if (v.compare(value, Qt::CaseInsensitive) == 0)
            return;
    }
    if (!value.trimmed().isEmpty())
        list << value.trimmed();
}

bool isOwnerRole(const QString &role)
{
    return role.contains(QLatin1String("owner"), Qt::CaseInsensitive);
}

/// The owners of a product: its stated owner and the members of its team with an owner role.
QStringList productOwners(sql::Connection &db, const QString &productId, QString *domain, QString *team)
{
    QStringList out;
    sql::Statement p = db.prepare("SELECT owner, domain_id, data FROM products WHERE id = ?");
    p.bind(1, productId);
    if (!p.step())
        return out;
    *domain = p.text(1);
    const DataProduct product = [&] {
        DataProduct x;
        json::fromJson(json::parseObject(p.text(2).toUtf8()), x);
        return x;
    }();
    *team = product.teamId;
    if (!product.teamId.isEmpty()) {
        sql::Statement t = db.prepare("SELECT data FROM teams WHERE id = ?");
        t.bind(1, product.teamId);
        while (t.step()) {
            Team x;
            json::fromJson(json::parseObject(t.text(0).toUtf8()), x);
            for (const Person &m : std::as_const(x.members)) {
                if (isOwnerRole(m.role))
                    addUnique(out, m.email.isEmpty() ? m.username : m.email);
            }
        }
    }
    addUnique(out, p.text(0));
    return out;
}

void addSlot(std::vector<ApproverSlot> &slots, ApproverSlot slot)
{
    if (slot.candidates.isEmpty())
        return;
    for (ApproverSlot &s : slots) {
        QStringList a = s.candidates, b = slot.candidates;
        a.sort(Qt::CaseInsensitive);
        b.sort(Qt::CaseInsensitive);
        if (a.join(QLatin1Char('\n')).compare(b.join(QLatin1Char('\n')), Qt::CaseInsensitive) == 0) {
            s.reason += QStringLiteral("; ") + slot.reason;
            if (slot.id == u"governance") {
                // The council is the better name for whoever sits in it, also as a producer's approver.
                s.id = slot.id;
                s.label = slot.label;
            }
            return;
        }
    }
    slots.push_back(std::move(slot));
}

} // namespace

bool changesSensitiveData(const diff::ContractDiff &diff)
{
    for (const diff::ContractChange &c : diff.changes) {
        const QString id = c.ruleId();
        if (id.startsWith(QLatin1String("classification-")) || id.contains(QLatin1String("pii")))
            return true;
    }
    return false;
}

int breakingChanges(const diff::ContractDiff &diff)
{
    int n = 0;
    for (const diff::ContractChange &c : diff.changes)
        n += (c.severity == diff::Severity::Breaking && c.countsForVersion()) ? 1 : 0;
    return n;
}

QString governanceCouncil(sql::Connection &db)
{
    sql::Statement s = db.prepare("SELECT p.data, d.content FROM policies p JOIN documents d ON d.id = p.document_id "
                                  "WHERE p.domain_id IS NULL OR p.domain_id = '' ORDER BY p.id");
    while (s.step()) {
        const QJsonObject policy = json::parseObject(s.text(0).toUtf8());
        const QString council = policy.value(QStringLiteral("spec")).toObject().value(QStringLiteral("contracts"))
                                    .toObject().value(QStringLiteral("council")).toString();
        if (!council.isEmpty())
            return council;
        // The cache keeps a policy's spec; its owner is in the metadata of the original document.
        try {
            const YAML::Node doc = YAML::Load(s.blob(1).toStdString());
            const YAML::Node owner = doc["metadata"]["owner"];
            if (owner && owner.IsScalar())
                return QString::fromStdString(owner.as<std::string>());
        } catch (const YAML::Exception &) {
        }
    }
    return {};
}

std::vector<ApproverSlot> deriveApprovers(sql::Connection &db, const Contract &base, const diff::ContractDiff &diff)
{
    std::vector<ApproverSlot> slots;
    const QString team = base.teamName.isEmpty() ? base.domainId : base.teamName;

    QStringList first, second;
    for (const ContractRole &r : base.roles) {
        for (const QString &p : splitPeople(r.firstLevelApprovers))
            addUnique(first, p);
        for (const QString &p : splitPeople(r.secondLevelApprovers))
            addUnique(second, p);
    }
    QString producerReason = QStringLiteral("first-level approver of %1's roles").arg(base.id);
    if (first.isEmpty()) {
        for (const Person &m : base.team) {
            if (isOwnerRole(m.role))
                addUnique(first, m.email.isEmpty() ? m.username : m.email);
        }
        producerReason = QStringLiteral("owner in %1's team").arg(base.id);
    }
    if (first.isEmpty() && !base.owner.isEmpty()) {
        addUnique(first, base.owner);
        producerReason = QStringLiteral("owner of %1").arg(base.id);
    }
    if (first.isEmpty() && !base.teamName.isEmpty()) {
        addUnique(first, base.teamName);
        producerReason = QStringLiteral("the team of %1").arg(base.id);
    }
    addSlot(slots, {QStringLiteral("producer"), QStringLiteral("Producer (%1)").arg(team), producerReason, first});
    addSlot(slots, {QStringLiteral("producer-second-level"), QStringLiteral("Producer, second level (%1)").arg(team),
                    QStringLiteral("second-level approver of %1's roles").arg(base.id), second});

    diff::ImpactAnalyzer analyzer(db);
    const diff::Impact impact = analyzer.consumersOf(base);
    for (const diff::AffectedProduct &p : impact.products) {
        if (p.distance > 1)
            continue; // further downstream reads another product's output, under that product's contract
        QString domain = p.domainId, productTeam;
        QStringList owners = productOwners(db, p.id, &domain, &productTeam);
        if (owners.isEmpty() && !p.owner.isEmpty())
            owners << p.owner;
        if (owners.isEmpty())
            owners << (productTeam.isEmpty() ? p.id : productTeam);
        addSlot(slots, {QStringLiteral("consumer:") + p.id,
                        QStringLiteral("Consumer %1 (%2)").arg(p.name.isEmpty() ? p.id : p.name, domain),
                        QStringLiteral("owner of %1, which reads %2 (%3)").arg(p.id, base.id, p.via), owners});
    }

    const int breaking = breakingChanges(diff);
    const bool sensitive = changesSensitiveData(diff);
    if (breaking > 0 || sensitive) {
        QString council = governanceCouncil(db);
        if (council.isEmpty())
            council = QStringLiteral("governance-council");
        QStringList why;
        if (breaking > 0)
            why << QStringLiteral("%1 breaking %2").arg(breaking).arg(breaking == 1 ? QStringLiteral("change") : QStringLiteral("changes"));
        if (sensitive)
            why << QStringLiteral("changes PII or classification");
        addSlot(slots, {QStringLiteral("governance"), QStringLiteral("Governance council"), why.join(QStringLiteral(", ")),
                        {council}});
    }
    return slots;
}

} // namespace meshscope::review
