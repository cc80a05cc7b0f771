#include "productimporter_common.h"

namespace meshscope::importers::products {

using namespace yamlsupport;

namespace {

bool isAbsent(const ytree::Node &node)
{
    return !node.IsDefined() || node.IsNull();
}

QString keyName(const char *key)
{
    return QString::fromLatin1(key);
}

bool isOwnerRole(const QString &role)
{
    // "owner", "Data Product Owner", "product_owner": any role that names ownership.
    return role.contains(QLatin1String("owner"), Qt::CaseInsensitive);
}

} // namespace

Reader::Reader(const QString &file, ImportResult &result) : m_file(file), m_result(result) { }

void Reader::error(const ytree::Node &where, const QString &message)
{
    m_result.error(m_file, lineOf(where), columnOf(where), message);
}

void Reader::warning(const ytree::Node &where, const QString &message)
{
    m_result.warning(m_file, lineOf(where), columnOf(where), message);
}

QString Reader::text(const ytree::Node &map, const char *key)
{
    const ytree::Node c = at(map, key);
    if (isAbsent(c))
        return {};
    if (!c.IsScalar()) {
        warning(c, QStringLiteral("`%1` must be text, not %2; ignored").arg(keyName(key), shapeName(c)));
        return {};
    }
    return scalar(c).trimmed();
}

QString Reader::text(const ytree::Node &map, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString value = text(map, key);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

bool Reader::flag(const ytree::Node &map, const char *key, bool fallback)
{
    const ytree::Node c = at(map, key);
    if (isAbsent(c))
        return fallback;
    const QString s = c.IsScalar() ? scalar(c).trimmed().toLower() : QString();
    if (s == u"true" || s == u"yes" || s == u"on")
        return true;
    if (s == u"false" || s == u"no" || s == u"off")
        return false;
    warning(c,
        QStringLiteral("`%1` must be true or false, not %2")
            .arg(keyName(key), c.IsScalar() ? QLatin1Char('\'') + scalar(c) + QLatin1Char('\'') : shapeName(c)));
    return fallback;
}

Stated Reader::statedFlag(const ytree::Node &map, const char *key)
{
    const ytree::Node c = at(map, key);
    if (isAbsent(c))
        return Stated::NotStated;
    const QString s = c.IsScalar() ? scalar(c).trimmed().toLower() : QString();
    if (s == u"true" || s == u"yes" || s == u"on")
        return Stated::Yes;
    if (s == u"false" || s == u"no" || s == u"off")
        return Stated::No;
    flag(map, key); // says what is wrong with the value
    return Stated::NotStated;
}

QStringList Reader::tags(const ytree::Node &map, const char *key)
{
    const ytree::Node c = at(map, key);
    QStringList out;
    if (isAbsent(c))
        return out;
    if (c.IsScalar()) {
        const QString single = scalar(c).trimmed();
        if (!single.isEmpty())
            out << single;
        return out;
    }
    if (!c.IsSequence()) {
        warning(c, QStringLiteral("`%1` must be a list of text, not %2; ignored").arg(keyName(key), shapeName(c)));
        return out;
    }
    bool reported = false;
    for (const ytree::Node &item : c) {
        if (item.IsScalar()) {
            const QString tag = scalar(item).trimmed();
            if (!tag.isEmpty() && !out.contains(tag))
                out << tag;
        } else if (!item.IsNull() && !reported) {
            warning(item, QStringLiteral("`%1` items must be text; %2 ignored").arg(keyName(key), shapeName(item)));
            reported = true;
        }
    }
    return out;
}

ytree::Node Reader::mapChild(const ytree::Node &map, const char *key)
{
    const ytree::Node c = at(map, key);
    if (isAbsent(c))
        return ytree::Node(ytree::NodeType::Undefined);
    if (!c.IsMap()) {
        error(c, QStringLiteral("`%1` must be a mapping, not %2").arg(keyName(key), shapeName(c)));
        return ytree::Node(ytree::NodeType::Undefined);
    }
    return c;
}

ytree::Node Reader::listChild(const ytree::Node &map, const char *key)
{
    const ytree::Node c = at(map, key);
    if (isAbsent(c))
        return ytree::Node(ytree::NodeType::Undefined);
    if (c.IsMap() && c.size() == 0) {
        warning(c, QStringLiteral("`%1` is an empty mapping `{}` where a list is expected; read as empty (write `[]`)")
                       .arg(keyName(key)));
        return ytree::Node(ytree::NodeType::Undefined);
    }
    if (!c.IsSequence()) {
        error(c, QStringLiteral("`%1` must be a list, not %2").arg(keyName(key), shapeName(c)));
        return ytree::Node(ytree::NodeType::Undefined);
    }
    return c;
}

const char *Reader::firstPresent(const ytree::Node &map, std::initializer_list<const char *> keys) const
{
    for (const char *key : keys) {
        if (has(map, key))
            return key;
    }
    return nullptr;
}

QJsonValue Reader::json(const ytree::Node &node)
{
    const QJsonValue value = toJson(node, m_budget);
    if (m_budget < 0 && !m_budgetReported) {
        m_budgetReported = true;
        warning(node,
            QStringLiteral("document too large (or too many aliases) to keep all of its "
                           "extra fields; the rest is dropped"));
    }
    return value;
}

QJsonObject Reader::jsonExcept(const ytree::Node &map, std::initializer_list<const char *> skip)
{
    QJsonObject out;
    if (!map.IsDefined() || !map.IsMap())
        return out;
    for (const auto &entry : map) {
        if (!entry.first.IsScalar())
            continue;
        const std::string &key = entry.first.Scalar();
        bool skipped = false;
        for (const char *s : skip)
            skipped = skipped || key == s;
        if (!skipped)
            out.insert(QString::fromStdString(key), json(entry.second));
    }
    return out;
}

ytree::Node at(const ytree::Node &map, const char *key)
{
    const ytree::Node c = child(map, key);
    return c.IsDefined() ? c : ytree::Node(ytree::NodeType::Undefined);
}

QString shapeName(const ytree::Node &node)
{
    switch (node.Type()) {
    case ytree::NodeType::Sequence:
        return QStringLiteral("a list");
    case ytree::NodeType::Map:
        return QStringLiteral("a mapping");
    case ytree::NodeType::Scalar:
        return QStringLiteral("text");
    case ytree::NodeType::Null:
        return QStringLiteral("null");
    case ytree::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString readDescription(Reader &r, const ytree::Node &parent, const char *key, QJsonObject *extras)
{
    const ytree::Node d = at(parent, key);
    if (isAbsent(d))
        return {};
    if (d.IsScalar())
        return scalar(d).trimmed();
    if (!d.IsMap()) {
        r.warning(d,
            QStringLiteral("`%1` must be text or a mapping of purpose/limitations/usage, not %2; ignored")
                .arg(keyName(key), shapeName(d)));
        return {};
    }
    QStringList sections;
    const std::pair<const char *, const char *> parts[]
        = { { "purpose", "Purpose" }, { "limitations", "Limitations" }, { "usage", "Usage" } };
    for (const auto &[field, heading] : parts) {
        const QString body = r.text(d, field);
        if (!body.isEmpty())
            sections << QStringLiteral("## %1\n\n%2").arg(QLatin1String(heading), body);
    }
    if (extras) {
        const QJsonObject rest = r.jsonExcept(d, { "purpose", "limitations", "usage" });
        for (auto it = rest.begin(); it != rest.end(); ++it)
            extras->insert(it.key(), it.value());
    }
    return sections.join(QStringLiteral("\n\n"));
}

QJsonObject readCustomProperties(Reader &r, const ytree::Node &parent, const char *key)
{
    const ytree::Node c = at(parent, key);
    QJsonObject out;
    if (isAbsent(c))
        return out;
    if (c.IsMap())
        return r.json(c).toObject();
    if (!c.IsSequence()) {
        r.warning(c,
            QStringLiteral("`%1` must be a list of {property, value}, not %2; ignored")
                .arg(keyName(key), shapeName(c)));
        return out;
    }
    for (const ytree::Node &item : c) {
        const QString property = item.IsMap() ? r.text(item, "property") : QString();
        if (property.isEmpty()) {
            r.warning(item, QStringLiteral("`%1` item without a `property` name; ignored").arg(keyName(key)));
            continue;
        }
        out.insert(property, r.json(at(item, "value")));
    }
    return out;
}

void noteTeam(ImportResult &result, const Team &team)
{
    if (team.id.isEmpty())
        return;
    for (Team &t : result.teams) {
        if (t.id != team.id)
            continue;
        if (t.name.isEmpty())
            t.name = team.name;
        if (t.domainId.isEmpty())
            t.domainId = team.domainId;
        if (t.description.isEmpty())
            t.description = team.description;
        if (t.members.isEmpty())
            t.members = team.members;
        return;
    }
    result.teams.push_back(team);
}

void readTeam(Reader &r, const ytree::Node &teamNode, DataProduct &product)
{
    if (isAbsent(teamNode))
        return;
    Team team;
    ytree::Node members;
    if (teamNode.IsMap()) {
        team.name = r.text(teamNode, "name");
        team.description = r.text(teamNode, "description");
        members = r.listChild(teamNode, "members");
    } else if (teamNode.IsSequence()) {
        members = teamNode;
    } else {
        r.warning(teamNode,
            QStringLiteral("`team` must be a mapping or a list of members, not %1; ignored").arg(shapeName(teamNode)));
        return;
    }
    QString ownerMember;
    if (members.IsDefined()) {
        for (const ytree::Node &m : members) {
            if (!m.IsMap()) {
                r.warning(m, QStringLiteral("team member must be a mapping, not %1; ignored").arg(shapeName(m)));
                continue;
            }
            Person person;
            person.username = r.text(m, { "username", "email", "name" });
            person.name = r.text(m, "name");
            person.email = r.text(m, "email");
            if (person.email.isEmpty() && person.username.contains(QLatin1Char('@')))
                person.email = person.username;
            person.role = r.text(m, "role");
            if (person.username.isEmpty()) {
                r.warning(m, QStringLiteral("team member without a username; ignored"));
                continue;
            }
            if (ownerMember.isEmpty() && isOwnerRole(person.role))
                ownerMember = person.username;
            team.members.append(person);
        }
    }
    team.id = slugify(team.name);
    if (team.id.isEmpty() && !product.id.isEmpty()) {
        team.id = slugify(product.id) + QStringLiteral("-team");
        team.name = (product.name.isEmpty() ? product.id : product.name) + QStringLiteral(" team");
    }
    team.domainId = product.domainId;
    product.teamId = team.id;
    if (product.owner.isEmpty())
        product.owner = !ownerMember.isEmpty() ? ownerMember : team.name;
    noteTeam(r.result(), team);
}

void readOwner(Reader &r, const ytree::Node &ownerNode, DataProduct &product)
{
    if (isAbsent(ownerNode))
        return;
    QString teamName;
    if (ownerNode.IsScalar()) {
        product.owner = scalar(ownerNode).trimmed();
        // An e-mail names a person or a mailbox, anything else is a team handle.
        if (!product.owner.contains(QLatin1Char('@')))
            teamName = product.owner;
    } else if (ownerNode.IsMap()) {
        teamName = r.text(ownerNode, { "team", "name" });
        const QString email = r.text(ownerNode, "email");
        product.owner = !teamName.isEmpty() ? teamName : email;
        const QJsonObject contact = r.jsonExcept(ownerNode, { "team", "name" });
        if (!contact.isEmpty())
            product.custom.insert(QLatin1String("ownerContact"), contact);
    } else {
        r.warning(ownerNode,
            QStringLiteral("`owner` must be text or a mapping {team, email}, not %1; ignored")
                .arg(shapeName(ownerNode)));
        return;
    }
    if (teamName.isEmpty())
        return;
    Team team;
    team.id = slugify(teamName);
    team.name = teamName;
    team.domainId = product.domainId;
    product.teamId = team.id;
    noteTeam(r.result(), team);
}

DomainType readDomainType(Reader &r, const ytree::Node &where, const QString &text)
{
    if (text.isEmpty())
        return DomainType::Unknown;
    const DomainType type = parseDomainType(text);
    if (type == DomainType::Unknown)
        r.warning(where,
            QStringLiteral("unknown domain type '%1' (expected source-aligned, consumer-aligned "
                           "or aggregate); ignored")
                .arg(text));
    return type;
}

bool addProduct(Reader &r, const ytree::Node &where, DataProduct product)
{
    if (product.id.isEmpty()) {
        if (product.name.isEmpty()) {
            r.error(where, QStringLiteral("data product has neither an id nor a name; skipped"));
            return false;
        }
        product.id = slugify(product.name);
        r.warning(where, QStringLiteral("data product has no id; using '%1' derived from its name").arg(product.id));
    }
    if (product.name.isEmpty())
        product.name = product.id;
    r.result().products.push_back(std::move(product));
    return true;
}

DatasetUrn parseDatasetUrn(const QString &urn)
{
    DatasetUrn out;
    static const QLatin1String prefix("urn:li:dataset:(");
    if (!urn.startsWith(prefix) || !urn.endsWith(QLatin1Char(')')))
        return out;
    const QString inner = urn.mid(prefix.size(), urn.size() - prefix.size() - 1);
    const qsizetype first = inner.indexOf(QLatin1Char(','));
    const qsizetype last = inner.lastIndexOf(QLatin1Char(','));
    if (first < 0 || last <= first)
        return out;
    out.platform = inner.left(first).section(QLatin1Char(':'), -1);
    out.name = inner.mid(first + 1, last - first - 1);
    out.env = inner.mid(last + 1);
    out.valid = !out.platform.isEmpty() && !out.name.isEmpty();
    return out;
}

QString stripUrn(const QString &urn)
{
    if (!urn.startsWith(QLatin1String("urn:li:")))
        return urn;
    // urn:li:<entity type>:<key>; the key itself may contain colons.
    const qsizetype typeEnd = urn.indexOf(QLatin1Char(':'), 7);
    return typeEnd < 0 ? urn : urn.mid(typeEnd + 1);
}

} // namespace meshscope::importers::products
