#include "contractimporter_common.h"

#include "yamlsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <vector>

namespace meshscope::importers::contracts {

using namespace yamlsupport;

QString shapeName(const ytree::Node &node)
{
    if (node.IsSequence())
        return QStringLiteral("list");
    if (node.IsMap())
        return QStringLiteral("mapping");
    if (node.IsNull())
        return QStringLiteral("null");
    return QStringLiteral("text");
}

namespace {

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

} // namespace

/// Nodes the document holds, each container reached through several aliases counted once
/// (an alias shares its anchor's node and so its mark). Iterative: documents may nest deeply.
static qint64 distinctNodes(const ytree::Node &doc)
{
    QSet<size_t> seen;
    std::vector<ytree::Node> pending{doc};
    qint64 count = 0;
    while (!pending.empty() && count < kDefaultBudget) {
        const ytree::Node node = pending.back();
        pending.pop_back();
        ++count;
        if (!node.IsMap() && !node.IsSequence())
            continue;
        const ytree::Mark mark = node.Mark();
        if (!mark.is_null()) {
            if (seen.contains(size_t(mark.pos)))
                continue;
            seen.insert(size_t(mark.pos));
        }
        for (const auto &entry : node) {
            if (node.IsMap()) {
                ++count;
                pending.push_back(entry.second);
            } else {
                pending.push_back(entry);
            }
        }
    }
    return count;
}

ReadContext::ReadContext(const ytree::Node &doc, const QString &file, ImportResult &result)
    : m_file(file), m_result(result)
{
    constexpr qint64 floor = 50'000;
    m_budget = std::min(kDefaultBudget, std::max(floor, 8 * distinctNodes(doc)));
    m_initialBudget = m_budget;
}

void ReadContext::error(const ytree::Node &at, const QString &message)
{
    m_result.error(m_file, lineOf(at), columnOf(at), message);
}

void ReadContext::warning(const ytree::Node &at, const QString &message)
{
    m_result.warning(m_file, lineOf(at), columnOf(at), message);
}

bool ReadContext::spend(const ytree::Node &at, qint64 units)
{
    m_budget -= units;
    if (m_budget >= 0)
        return true;
    if (!m_budgetReported) {
        m_budgetReported = true;
        error(at, QStringLiteral("the document expands to more than %1 YAML nodes (through aliases?); "
                                 "the rest of it was not read")
                      .arg(m_initialBudget));
    }
    return false;
}

QJsonValue ReadContext::json(const ytree::Node &node)
{
    if (exhausted())
        return QJsonValue::Null;
    const QJsonValue value = toJson(node, m_budget);
    if (exhausted())
        spend(node, 0);
    return value;
}

QString ReadContext::text(const ytree::Node &map, const char *k, const QString &place)
{
    const ytree::Node c = child(map, k);
    if (!c.IsDefined() || c.IsNull())
        return {};
    if (c.IsScalar())
        return scalar(c);
    error(c, QStringLiteral("`%1` in %2 must be text, not a %3").arg(key(k), place, shapeName(c)));
    return {};
}

std::optional<bool> ReadContext::optionalFlag(const ytree::Node &map, const char *k, const QString &place)
{
    const ytree::Node c = child(map, k);
    if (!c.IsDefined() || c.IsNull())
        return std::nullopt;
    const QString s = scalar(c).trimmed().toLower();
    if (s == u"true" || s == u"yes" || s == u"on" || s == u"1")
        return true;
    if (s == u"false" || s == u"no" || s == u"off" || s == u"0")
        return false;
    error(c, QStringLiteral("`%1` in %2 must be true or false, not %3")
                 .arg(key(k), place,
                      c.IsScalar() ? QString(QLatin1Char('\'') + scalar(c) + QLatin1Char('\''))
                                   : QString(QStringLiteral("a ") + shapeName(c))));
    return std::nullopt;
}

bool ReadContext::flag(const ytree::Node &map, const char *k, const QString &place, bool fallback)
{
    return optionalFlag(map, k, place).value_or(fallback);
}

int ReadContext::whole(const ytree::Node &map, const char *k, const QString &place, int fallback)
{
    const ytree::Node c = child(map, k);
    if (!c.IsDefined() || c.IsNull())
        return fallback;
    bool ok = false;
    const int v = scalar(c).trimmed().toInt(&ok);
    if (ok)
        return v;
    error(c, QStringLiteral("`%1` in %2 must be a whole number").arg(key(k), place));
    return fallback;
}

QStringList ReadContext::texts(const ytree::Node &map, const char *k, const QString &place, bool keepNulls)
{
    const ytree::Node c = child(map, k);
    QStringList out;
    if (!c.IsDefined() || c.IsNull())
        return out;
    if (c.IsScalar()) {
        if (!c.Scalar().empty())
            out << scalar(c);
        return out;
    }
    if (c.IsMap() && c.size() == 0) {
        warning(c, QStringLiteral("`%1` in %2 is an empty mapping `{}` where a list is expected; read as empty "
                                  "(write `[]`)").arg(key(k), place));
        return out;
    }
    if (!c.IsSequence()) {
        error(c, QStringLiteral("`%1` in %2 must be a list, not a %3").arg(key(k), place, shapeName(c)));
        return out;
    }
    for (const ytree::Node &item : c) {
        if (!spend(item))
            break;
        if (!item.IsNull())
            out << displayText(item, *this);
        else if (keepNulls)
            out << QStringLiteral("null");
    }
    return out;
}

static ytree::Node expectShape(ReadContext &ctx, const ytree::Node &map, const char *k, const QString &place,
                              ytree::NodeType::value type)
{
    const ytree::Node c = child(map, k);
    if (!c.IsDefined() || c.IsNull())
        return ytree::Node(ytree::NodeType::Undefined);
    if (c.Type() == type)
        return c;
    ctx.error(c, QStringLiteral("`%1` in %2 must be a %3, not a %4")
                     .arg(key(k), place,
                          type == ytree::NodeType::Sequence ? QStringLiteral("list") : QStringLiteral("mapping"),
                          shapeName(c)));
    return ytree::Node(ytree::NodeType::Undefined);
}

ytree::Node ReadContext::sequence(const ytree::Node &map, const char *k, const QString &place)
{
    return expectShape(*this, map, k, place, ytree::NodeType::Sequence);
}

ytree::Node ReadContext::mapping(const ytree::Node &map, const char *k, const QString &place)
{
    return expectShape(*this, map, k, place, ytree::NodeType::Map);
}

bool ReadContext::require(const ytree::Node &map, const char *k, const QString &place)
{
    const ytree::Node c = child(map, k);
    if (c.IsDefined() && !c.IsNull() && !(c.IsScalar() && c.Scalar().empty()))
        return true;
    error(c.IsDefined() ? c : map, QStringLiteral("missing required key `%1` in %2").arg(key(k), place));
    return false;
}

QString displayText(const ytree::Node &node, ReadContext &ctx)
{
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (node.IsScalar())
        return scalar(node);
    const QJsonValue v = ctx.json(node);
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

QJsonObject customProperties(const ytree::Node &list, const QString &place, ReadContext &ctx)
{
    QJsonObject out;
    if (list.IsMap())
        return ctx.json(list).toObject();
    if (!list.IsSequence()) {
        if (list.IsDefined() && !list.IsNull())
            ctx.error(list, QStringLiteral("`customProperties` in %1 must be a list").arg(place));
        return out;
    }
    for (const ytree::Node &item : list) {
        if (!ctx.spend(item))
            break;
        const QString name = item.IsMap() ? scalar(child(item, "property")) : QString();
        if (name.isEmpty()) {
            ctx.error(item, QStringLiteral("a custom property in %1 has no `property` name").arg(place));
            continue;
        }
        out.insert(name, ctx.json(child(item, "value")));
    }
    return out;
}

QJsonObject remainder(const ytree::Node &map, const QStringList &known, const QString &place, ReadContext &ctx,
                      bool skipConstraints)
{
    QJsonObject out;
    if (!map.IsMap())
        return out;
    for (const auto &entry : map) {
        if (ctx.exhausted())
            break;
        const QString k = scalar(entry.first);
        if (k.isEmpty() || known.contains(k) || (skipConstraints && isConstraintKey(k)))
            continue;
        if (k == u"customProperties")
            out.insert(k, customProperties(entry.second, place, ctx));
        else
            out.insert(k, ctx.json(entry.second));
    }
    return out;
}

bool isConstraintKey(const QString &k)
{
    static const QStringList keys = {
        QStringLiteral("minLength"),   QStringLiteral("maxLength"),        QStringLiteral("minimum"),
        QStringLiteral("maximum"),     QStringLiteral("exclusiveMinimum"), QStringLiteral("exclusiveMaximum"),
        QStringLiteral("multipleOf"),  QStringLiteral("pattern"),          QStringLiteral("format"),
        QStringLiteral("enum"),        QStringLiteral("precision"),        QStringLiteral("scale"),
        QStringLiteral("minItems"),    QStringLiteral("maxItems"),         QStringLiteral("uniqueItems"),
        QStringLiteral("minProperties"), QStringLiteral("maxProperties"),
    };
    return keys.contains(k);
}

QJsonObject readConstraints(const ytree::Node &node, const QString &place, ReadContext &ctx)
{
    QJsonObject out;
    if (!node.IsMap())
        return out;
    for (const auto &entry : node) {
        const QString k = scalar(entry.first);
        if (isConstraintKey(k) && !entry.second.IsNull())
            out.insert(k, ctx.json(entry.second));
    }
    const ytree::Node options = ctx.mapping(node, "logicalTypeOptions", place);
    if (options.IsDefined()) {
        const QJsonObject extra = ctx.json(options).toObject();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            out.insert(it.key(), it.value());
    }
    return out;
}

bool isPii(std::optional<bool> stated, const QStringList &tags)
{
    if (stated.has_value())
        return *stated;
    static const QStringList markers = {
        QStringLiteral("pii"),          QStringLiteral("personal"),  QStringLiteral("personal-data"),
        QStringLiteral("personal_data"), QStringLiteral("personaldata"), QStringLiteral("sensitive"),
        QStringLiteral("gdpr"),
    };
    for (const QString &tag : tags) {
        const QString t = tag.trimmed().toLower();
        if (markers.contains(t) || t.startsWith(u"pii:") || t.startsWith(u"pii-") || t.startsWith(u"pii_"))
            return true;
    }
    return false;
}

std::optional<bool> statedPii(const ytree::Node &node, const QString &place, ReadContext &ctx)
{
    if (const std::optional<bool> direct = ctx.optionalFlag(node, "pii", place))
        return direct;
    const ytree::Node list = child(node, "customProperties");
    if (!list.IsSequence())
        return std::nullopt;
    static const QStringList names = {QStringLiteral("pii"), QStringLiteral("ispii"), QStringLiteral("containspii"),
                                      QStringLiteral("personaldata"), QStringLiteral("personal_data")};
    for (const ytree::Node &item : list) {
        if (!item.IsMap() || !names.contains(str(item, "property").toLower()))
            continue;
        const QString v = str(item, "value").trimmed().toLower();
        if (v == u"true" || v == u"yes")
            return true;
        if (v == u"false" || v == u"no")
            return false;
    }
    return std::nullopt;
}


QString markdownSections(const QList<std::pair<QString, QString>> &sections)
{
    QStringList parts;
    for (const auto &[title, body] : sections) {
        if (!body.trimmed().isEmpty())
            parts << QStringLiteral("## ") + title + QStringLiteral("\n\n") + body.trimmed();
    }
    return parts.join(QStringLiteral("\n\n"));
}

QString ownerOf(const QList<Person> &members)
{
    const Person *best = nullptr;
    for (const Person &p : members) {
        const QString role = p.role.trimmed().toLower();
        if (role == u"owner") {
            best = &p;
            break;
        }
        if (!best && role.contains(u"owner"))
            best = &p;
    }
    if (!best)
        return {};
    if (!best->username.isEmpty())
        return best->username;
    return best->name.isEmpty() ? best->email : best->name;
}

void noteTeam(ImportResult &result, const Team &team)
{
    if (team.id.isEmpty())
        return;
    for (const Team &t : result.teams) {
        if (t.id == team.id)
            return;
    }
    result.teams.push_back(team);
}

} // namespace meshscope::importers::contracts
