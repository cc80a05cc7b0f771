#include "contractimporter_common.h"
#include "formats.h"
#include "yamlsupport.h"

/// Open Data Contract Standard v3.0.x / v3.1.0 (`apiVersion: v3*`, `kind: DataContract`).
namespace meshscope::importers {

namespace {

using namespace yamlsupport;
using contracts::ReadContext;

const QStringList kTopLevelKeys = {
    QStringLiteral("version"),     QStringLiteral("kind"),    QStringLiteral("apiVersion"),
    QStringLiteral("id"),          QStringLiteral("name"),    QStringLiteral("status"),
    QStringLiteral("dataProduct"), QStringLiteral("domain"),  QStringLiteral("description"),
    QStringLiteral("tags"),        QStringLiteral("team"),    QStringLiteral("roles"),
    QStringLiteral("schema"),      QStringLiteral("quality"), QStringLiteral("slaProperties"),
    QStringLiteral("servers"),     QStringLiteral("support"),
};

const QStringList kObjectKeys = {
    QStringLiteral("id"),           QStringLiteral("name"),        QStringLiteral("physicalName"),
    QStringLiteral("physicalType"), QStringLiteral("businessName"), QStringLiteral("description"),
    QStringLiteral("tags"),         QStringLiteral("properties"),  QStringLiteral("quality"),
    QStringLiteral("relationships"),
};

const QStringList kPropertyKeys = {
    QStringLiteral("id"),           QStringLiteral("name"),           QStringLiteral("physicalName"),
    QStringLiteral("businessName"), QStringLiteral("logicalType"),    QStringLiteral("physicalType"),
    QStringLiteral("description"),  QStringLiteral("classification"), QStringLiteral("required"),
    QStringLiteral("unique"),       QStringLiteral("primaryKey"),     QStringLiteral("primaryKeyPosition"),
    QStringLiteral("criticalDataElement"), QStringLiteral("tags"),    QStringLiteral("examples"),
    QStringLiteral("logicalTypeOptions"),  QStringLiteral("pii"),     QStringLiteral("quality"),
    QStringLiteral("relationships"), QStringLiteral("properties"),    QStringLiteral("items"),
};

QString indexed(const QString &place, const char *key, int index)
{
    return place + QLatin1Char('.') + QLatin1String(key) + QLatin1Char('[') + QString::number(index)
        + QLatin1Char(']');
}

/// The name an element goes by; the ODCS schema requires `name`, so its absence is an error,
/// and physicalName or id stand in for it so that the rest can still be read.
QString nameOf(const ytree::Node &node, const QString &place, ReadContext &ctx)
{
    if (ctx.require(node, "name", place)) {
        const QString name = ctx.text(node, "name", place);
        if (!name.isEmpty())
            return name;
    }
    const QString physical = str(node, "physicalName");
    return physical.isEmpty() ? str(node, "id") : physical;
}

void readRelationships(const ytree::Node &node, const QString &implicitFrom, const QString &place,
                       SchemaObject &object, ReadContext &ctx)
{
    const ytree::Node list = ctx.sequence(node, "relationships", place);
    int index = 0;
    for (const ytree::Node &item : list) {
        const QString where = indexed(place, "relationships", index++);
        if (!ctx.spend(item))
            return;
        if (!item.IsMap()) {
            ctx.error(item, QStringLiteral("%1 must be a mapping").arg(where));
            continue;
        }
        Relationship r;
        r.type = ctx.text(item, "type", where);
        if (r.type.isEmpty())
            r.type = QStringLiteral("foreignKey");
        // Property-level relationships leave `from` implicit: it is the property itself.
        r.from = ctx.texts(item, "from", where);
        if (r.from.isEmpty() && !implicitFrom.isEmpty())
            r.from << implicitFrom;
        r.to = ctx.texts(item, "to", where);
        if (r.to.isEmpty())
            ctx.error(item, QStringLiteral("missing required key `to` in %1").arg(where));
        object.relationships << r;
    }
}

void readProperties(const ytree::Node &parent, const QString &parentPath, const QString &place, int depth,
                    SchemaObject &object, QList<ContractProperty> &into, ReadContext &ctx);

ContractProperty readProperty(const ytree::Node &node, const QString &name, const QString &parentPath,
                              const QString &place, int depth, SchemaObject &object, ReadContext &ctx)
{
    ContractProperty p;
    const QString path = parentPath + QLatin1Char('.') + name;
    p.name = name;
    p.line = lineOf(node);
    p.id = ctx.text(node, "id", place);
    p.physicalName = ctx.text(node, "physicalName", place);
    p.businessName = ctx.text(node, "businessName", place);
    p.logicalType = ctx.text(node, "logicalType", place);
    p.physicalType = ctx.text(node, "physicalType", place);
    p.description = ctx.text(node, "description", place);
    p.classification = ctx.text(node, "classification", place);
    p.required = ctx.flag(node, "required", place);
    p.unique = ctx.flag(node, "unique", place);
    p.primaryKey = ctx.flag(node, "primaryKey", place);
    p.primaryKeyPosition = ctx.whole(node, "primaryKeyPosition", place, -1);
    p.criticalDataElement = ctx.flag(node, "criticalDataElement", place);
    p.tags = ctx.texts(node, "tags", place);
    p.examples = ctx.texts(node, "examples", place, true);
    p.constraints = contracts::readConstraints(node, place, ctx);
    const std::optional<bool> statedPii = contracts::statedPii(node, place, ctx);
    p.piiStated = statedPii.has_value();
    p.pii = contracts::isPii(statedPii, p.tags);
    p.quality = contracts::readQuality(node, path, place, ctx);
    readRelationships(node, path, place, object, ctx);
    readProperties(node, path, place, depth + 1, object, p.properties, ctx);

    const ytree::Node items = ctx.mapping(node, "items", place);
    if (items.IsDefined()) {
        // Array items have no name of their own; they appear as one child called "items".
        if (depth + 1 >= contracts::kMaxNesting)
            ctx.error(items, QStringLiteral("%1 nests deeper than %2 levels; the deeper levels were not read")
                                 .arg(place)
                                 .arg(contracts::kMaxNesting));
        else if (ctx.spend(items, contracts::kEntityCost))
            p.properties << readProperty(items, QStringLiteral("items"), path, place + QStringLiteral(".items"),
                                         depth + 1, object, ctx);
    }
    p.custom = contracts::remainder(node, kPropertyKeys, place, ctx, true);
    return p;
}

void readProperties(const ytree::Node &parent, const QString &parentPath, const QString &place, int depth,
                    SchemaObject &object, QList<ContractProperty> &into, ReadContext &ctx)
{
    const ytree::Node list = ctx.sequence(parent, "properties", place);
    if (!list.IsDefined())
        return;
    if (depth >= contracts::kMaxNesting) {
        ctx.error(list, QStringLiteral("%1 nests deeper than %2 levels; the deeper levels were not read")
                            .arg(place)
                            .arg(contracts::kMaxNesting));
        return;
    }
    int index = 0;
    for (const ytree::Node &item : list) {
        const QString where = indexed(place, "properties", index++);
        if (!ctx.spend(item, contracts::kEntityCost))
            return;
        if (!item.IsMap()) {
            ctx.error(item, QStringLiteral("%1 must be a mapping, not a %2").arg(where, contracts::shapeName(item)));
            continue;
        }
        const QString name = nameOf(item, where, ctx);
        if (name.isEmpty())
            continue;
        into << readProperty(item, name, parentPath, where, depth, object, ctx);
    }
}

void readSchema(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    const ytree::Node schema = ctx.sequence(doc, "schema", QStringLiteral("the top level"));
    int index = 0;
    for (const ytree::Node &node : schema) {
        const QString place = QStringLiteral("schema[%1]").arg(index++);
        if (!ctx.spend(node, contracts::kEntityCost))
            return;
        if (!node.IsMap()) {
            ctx.error(node, QStringLiteral("%1 must be a mapping, not a %2").arg(place, contracts::shapeName(node)));
            continue;
        }
        SchemaObject o;
        o.name = nameOf(node, place, ctx);
        if (o.name.isEmpty())
            continue;
        o.line = lineOf(node);
        o.id = ctx.text(node, "id", place);
        o.physicalName = ctx.text(node, "physicalName", place);
        o.physicalType = ctx.text(node, "physicalType", place);
        o.businessName = ctx.text(node, "businessName", place);
        o.description = ctx.text(node, "description", place);
        o.tags = ctx.texts(node, "tags", place);
        readRelationships(node, QString(), place, o, ctx);
        readProperties(node, o.name, place, 0, o, o.properties, ctx);
        o.quality = contracts::readQuality(node, o.name, place, ctx);
        o.custom = contracts::remainder(node, kObjectKeys, place, ctx);
        c.schema << o;
    }
}

QString readDescription(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    const ytree::Node d = child(doc, "description");
    if (!d.IsDefined() || d.IsNull())
        return {};
    if (d.IsScalar())
        return scalar(d);
    if (!d.IsMap()) {
        ctx.error(d, QStringLiteral("`description` must be a mapping (purpose, usage, limitations) or text"));
        return {};
    }
    const QString place = QStringLiteral("description");
    const QJsonObject rest = contracts::remainder(
        d, {QStringLiteral("purpose"), QStringLiteral("usage"), QStringLiteral("limitations")}, place, ctx);
    if (!rest.isEmpty())
        c.custom.insert(QStringLiteral("descriptionDetails"), rest);
    return contracts::markdownSections({{QStringLiteral("Purpose"), ctx.text(d, "purpose", place)},
                                        {QStringLiteral("Usage"), ctx.text(d, "usage", place)},
                                        {QStringLiteral("Limitations"), ctx.text(d, "limitations", place)}});
}

/// `team` is a list of members up to v3.0.x and {name, description, members} from v3.1.0.
void readTeam(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    const ytree::Node team = child(doc, "team");
    if (!team.IsDefined() || team.IsNull())
        return;
    ytree::Node members;
    QString description;
    if (team.IsSequence()) {
        members = team;
    } else if (team.IsMap()) {
        c.teamName = ctx.text(team, "name", QStringLiteral("team"));
        description = ctx.text(team, "description", QStringLiteral("team"));
        members = ctx.sequence(team, "members", QStringLiteral("team"));
    } else {
        ctx.error(team, QStringLiteral("`team` must be a mapping (ODCS v3.1) or a list of members (v3.0)"));
        return;
    }
    int index = 0;
    for (const ytree::Node &m : members) {
        const QString place = QStringLiteral("team member %1").arg(++index);
        if (!ctx.spend(m))
            return;
        if (!m.IsMap()) {
            ctx.error(m, QStringLiteral("%1 must be a mapping").arg(place));
            continue;
        }
        ctx.require(m, "username", place);
        Person p;
        p.username = ctx.text(m, "username", place);
        p.name = ctx.text(m, "name", place);
        p.email = ctx.text(m, "email", place);
        p.role = ctx.text(m, "role", place);
        c.team << p;
    }
    if (!c.teamName.isEmpty()) {
        Team t;
        t.id = slugify(c.teamName);
        t.name = c.teamName;
        t.domainId = c.domainId;
        t.description = description;
        t.members = c.team;
        contracts::noteTeam(ctx.result(), t);
    }
}

void readRoles(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    int index = 0;
    for (const ytree::Node &r : ctx.sequence(doc, "roles", QStringLiteral("the top level"))) {
        const QString place = QStringLiteral("roles[%1]").arg(index++);
        if (!ctx.spend(r))
            return;
        if (!r.IsMap()) {
            ctx.error(r, QStringLiteral("%1 must be a mapping").arg(place));
            continue;
        }
        ctx.require(r, "role", place);
        c.roles << ContractRole{ctx.text(r, "role", place), ctx.text(r, "access", place),
                                contracts::displayText(child(r, "firstLevelApprovers"), ctx),
                                contracts::displayText(child(r, "secondLevelApprovers"), ctx)};
    }
}

void readSla(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    const QString defaultElement = str(doc, "slaDefaultElement");
    int index = 0;
    for (const ytree::Node &s : ctx.sequence(doc, "slaProperties", QStringLiteral("the top level"))) {
        const QString place = QStringLiteral("slaProperties[%1]").arg(index++);
        if (!ctx.spend(s))
            return;
        if (!s.IsMap()) {
            ctx.error(s, QStringLiteral("%1 must be a mapping").arg(place));
            continue;
        }
        if (!ctx.require(s, "property", place))
            continue;
        ctx.require(s, "value", place);
        ServiceLevel level;
        level.property = ctx.text(s, "property", place);
        level.value = contracts::displayText(child(s, "value"), ctx);
        level.unit = ctx.text(s, "unit", place);
        level.element = ctx.text(s, "element", place);
        if (level.element.isEmpty())
            level.element = defaultElement;
        c.sla << level;
    }
}

void readServers(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    static const QStringList mapped = {QStringLiteral("server"), QStringLiteral("type"),
                                       QStringLiteral("environment"), QStringLiteral("description")};
    int index = 0;
    for (const ytree::Node &s : ctx.sequence(doc, "servers", QStringLiteral("the top level"))) {
        const QString place = QStringLiteral("servers[%1]").arg(index++);
        if (!ctx.spend(s))
            return;
        if (!s.IsMap()) {
            ctx.error(s, QStringLiteral("%1 must be a mapping").arg(place));
            continue;
        }
        ctx.require(s, "server", place);
        ctx.require(s, "type", place);
        c.servers << Server{ctx.text(s, "server", place), ctx.text(s, "type", place),
                            ctx.text(s, "environment", place), ctx.text(s, "description", place),
                            contracts::remainder(s, mapped, place, ctx)};
    }
}

void readSupport(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    int index = 0;
    for (const ytree::Node &s : ctx.sequence(doc, "support", QStringLiteral("the top level"))) {
        const QString place = QStringLiteral("support[%1]").arg(index++);
        if (!ctx.spend(s))
            return;
        if (!s.IsMap()) {
            ctx.error(s, QStringLiteral("%1 must be a mapping").arg(place));
            continue;
        }
        ctx.require(s, "channel", place);
        c.support << SupportChannel{ctx.text(s, "channel", place), ctx.text(s, "tool", place),
                                    ctx.text(s, "url", place), ctx.text(s, "scope", place)};
    }
}

} // namespace

void importOdcs(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    ReadContext ctx(doc, file, result);
    const QString top = QStringLiteral("the top level");
    const bool hasId = ctx.require(doc, "id", top);
    ctx.require(doc, "version", top);
    ctx.require(doc, "status", top);

    Contract c;
    c.id = ctx.text(doc, "id", top);
    if (c.id.isEmpty()) {
        if (hasId)
            ctx.error(child(doc, "id"), QStringLiteral("the contract has no usable `id`; it was not imported"));
        return;
    }
    c.specFormat = QStringLiteral("odcs");
    c.version = ctx.text(doc, "version", top);
    c.status = ctx.text(doc, "status", top);
    c.apiVersion = ctx.text(doc, "apiVersion", top);
    c.dataProduct = ctx.text(doc, "dataProduct", top);
    c.name = ctx.text(doc, "name", top);
    if (c.name.isEmpty())
        c.name = c.dataProduct;
    const QString domain = ctx.text(doc, "domain", top);
    c.domainId = slugify(domain);
    result.noteDomain(c.domainId, DomainType::Unknown, domain);
    c.custom = contracts::remainder(doc, kTopLevelKeys, top, ctx);
    c.description = readDescription(doc, c, ctx);
    c.tags = ctx.texts(doc, "tags", top);

    readTeam(doc, c, ctx);
    c.owner = contracts::ownerOf(c.team);
    if (c.owner.isEmpty())
        c.owner = c.teamName;
    readRoles(doc, c, ctx);
    readSchema(doc, c, ctx);
    c.quality = contracts::readQuality(doc, QString(), top, ctx);
    readSla(doc, c, ctx);
    readServers(doc, c, ctx);
    readSupport(doc, c, ctx);
    result.contracts.push_back(c);
}

} // namespace meshscope::importers
