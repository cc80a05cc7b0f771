#include "contractimporter_common.h"
#include "formats.h"
#include "yamlsupport.h"

/// Data Contract Specification 0.9.x to 1.2.x (`dataContractSpecification:`), mapped onto the
/// ODCS-shaped Contract: models become schema objects, fields become properties.
namespace meshscope::importers {

namespace {

using namespace yamlsupport;
using contracts::ReadContext;

/// Links deeper than this between definitions are taken for a cycle.
constexpr int kMaxRefHops = 8;

const QStringList kTopLevelKeys = {
    QStringLiteral("dataContractSpecification"), QStringLiteral("id"),      QStringLiteral("info"),
    QStringLiteral("servers"),                   QStringLiteral("models"),  QStringLiteral("quality"),
    QStringLiteral("tags"),
};

const QStringList kModelKeys = {
    QStringLiteral("description"), QStringLiteral("type"),    QStringLiteral("title"),
    QStringLiteral("fields"),      QStringLiteral("quality"), QStringLiteral("primaryKey"),
};

const QStringList kFieldKeys = {
    QStringLiteral("description"), QStringLiteral("title"),      QStringLiteral("type"),
    QStringLiteral("required"),    QStringLiteral("unique"),     QStringLiteral("primaryKey"),
    QStringLiteral("primary"),     QStringLiteral("references"), QStringLiteral("classification"),
    QStringLiteral("pii"),         QStringLiteral("tags"),       QStringLiteral("example"),
    QStringLiteral("examples"),    QStringLiteral("quality"),    QStringLiteral("fields"),
    QStringLiteral("items"),       QStringLiteral("keys"),       QStringLiteral("values"),
};

/// DCS field types onto ODCS v3.1 logical types; the DCS type itself is kept as physicalType.
QString logicalTypeFor(const QString &dcsType)
{
    static const QHash<QString, QString> types = {
        {QStringLiteral("string"), QStringLiteral("string")},
        {QStringLiteral("text"), QStringLiteral("string")},
        {QStringLiteral("varchar"), QStringLiteral("string")},
        {QStringLiteral("bytes"), QStringLiteral("string")},
        {QStringLiteral("number"), QStringLiteral("number")},
        {QStringLiteral("decimal"), QStringLiteral("number")},
        {QStringLiteral("numeric"), QStringLiteral("number")},
        {QStringLiteral("float"), QStringLiteral("number")},
        {QStringLiteral("double"), QStringLiteral("number")},
        {QStringLiteral("int"), QStringLiteral("integer")},
        {QStringLiteral("integer"), QStringLiteral("integer")},
        {QStringLiteral("long"), QStringLiteral("integer")},
        {QStringLiteral("bigint"), QStringLiteral("integer")},
        {QStringLiteral("boolean"), QStringLiteral("boolean")},
        {QStringLiteral("timestamp"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamp_tz"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamp_ntz"), QStringLiteral("timestamp")},
        {QStringLiteral("date"), QStringLiteral("date")},
        {QStringLiteral("time"), QStringLiteral("time")},
        {QStringLiteral("array"), QStringLiteral("array")},
        {QStringLiteral("object"), QStringLiteral("object")},
        {QStringLiteral("record"), QStringLiteral("object")},
        {QStringLiteral("struct"), QStringLiteral("object")},
        {QStringLiteral("map"), QStringLiteral("object")},
    };
    return types.value(dcsType.trimmed().toLower());
}

struct DcsReader {
    ReadContext &ctx;
    ytree::Node definitions;
    ytree::Arena arena; ///< the mappings resolve() merges

    /// A field with a local `$ref` ("#/definitions/x") resolved: the definition's keys, overridden
    /// by the field's own. Other references are reported and left as they are.
    /// What a field inherits is what the definition says about its values (type, format, title,
    /// description, constraints, examples, pii, classification, tags, links, nested fields). The
    /// keys that name the definition itself (`id`, `name`, `domain`; see the DCS definitions
    /// schema) describe the definition, not the field, and are not inherited: a field keeps its own
    /// name whatever it references.
    ytree::Node resolve(const ytree::Node &field, const QString &place, int hops = 0)
    {
        const QString ref = str(field, "$ref");
        if (ref.isEmpty())
            return field;
        static const QString local = QStringLiteral("#/definitions/");
        if (!ref.startsWith(local)) {
            ctx.warning(child(field, "$ref"),
                        QStringLiteral("`$ref` '%1' in %2 points outside this document; not resolved").arg(ref, place));
            return field;
        }
        const ytree::Node definition = child(definitions, ref.mid(local.size()).toUtf8().constData());
        if (!definition.IsMap()) {
            ctx.error(child(field, "$ref"),
                      QStringLiteral("`$ref` '%1' in %2 names no definition in `definitions`").arg(ref, place));
            return field;
        }
        if (hops >= kMaxRefHops) {
            ctx.error(child(field, "$ref"),
                      QStringLiteral("`$ref` '%1' in %2 leads through more than %3 definitions (a cycle?)")
                          .arg(ref, place)
                          .arg(kMaxRefHops));
            return field;
        }
        const ytree::Node base = resolve(definition, place, hops + 1);
        return arena.mapOverlay(base, field, {"$ref", "id", "name", "domain"});
    }

    void readFields(const ytree::Node &parent, const char *key, const QString &parentPath, const QString &place,
                    int depth, SchemaObject &object, QList<ContractProperty> &into)
    {
        const ytree::Node fields = ctx.mapping(parent, key, place);
        if (!fields.IsDefined())
            return;
        if (depth >= contracts::kMaxNesting) {
            ctx.error(fields, QStringLiteral("%1 nests deeper than %2 levels; the deeper levels were not read")
                                  .arg(place)
                                  .arg(contracts::kMaxNesting));
            return;
        }
        for (const auto &entry : fields) {
            const QString name = scalar(entry.first);
            const QString where = place + QLatin1Char('.') + name;
            if (!ctx.spend(entry.second, contracts::kEntityCost))
                return;
            if (name.isEmpty()) {
                ctx.error(entry.first, QStringLiteral("a field in %1 has no name").arg(place));
                continue;
            }
            if (!entry.second.IsMap() && !entry.second.IsNull()) {
                ctx.error(entry.second, QStringLiteral("field %1 must be a mapping").arg(where));
                continue;
            }
            into << readField(name, entry.second, lineOf(entry.first), parentPath, where, depth, object);
        }
    }

    /// A single nested field (`items`, `keys`, `values`), kept as a child of that name.
    void readChild(const ytree::Node &field, const char *key, const QString &path, const QString &place,
                   int depth, SchemaObject &object, ContractProperty &into)
    {
        const ytree::Node node = ctx.mapping(field, key, place);
        if (!node.IsDefined() || !ctx.spend(node, contracts::kEntityCost))
            return;
        if (depth + 1 >= contracts::kMaxNesting) {
            ctx.error(node, QStringLiteral("%1 nests deeper than %2 levels; the deeper levels were not read")
                                .arg(place)
                                .arg(contracts::kMaxNesting));
            return;
        }
        into.properties << readField(QString::fromLatin1(key), node, lineOf(node), path,
                                     place + QLatin1Char('.') + QLatin1String(key), depth + 1, object);
    }

    ContractProperty readField(const QString &name, const ytree::Node &raw, int line, const QString &parentPath,
                               const QString &place, int depth, SchemaObject &object)
    {
        const ytree::Node field = resolve(raw, place);
        const QString path = parentPath + QLatin1Char('.') + name;
        ContractProperty p;
        p.name = name;
        p.line = line;
        p.physicalType = ctx.text(field, "type", place);
        p.logicalType = logicalTypeFor(p.physicalType);
        p.businessName = ctx.text(field, "title", place);
        p.description = ctx.text(field, "description", place);
        p.required = ctx.flag(field, "required", place);
        p.unique = ctx.flag(field, "unique", place);
        p.primaryKey = ctx.flag(field, "primaryKey", place) || ctx.flag(field, "primary", place);
        p.classification = ctx.text(field, "classification", place);
        p.tags = ctx.texts(field, "tags", place);
        p.examples = ctx.texts(field, "examples", place, true) + ctx.texts(field, "example", place, true);
        p.constraints = contracts::readConstraints(field, place, ctx);
        const std::optional<bool> statedPii = contracts::statedPii(field, place, ctx);
        p.piiStated = statedPii.has_value();
        p.pii = contracts::isPii(statedPii, p.tags);
        p.quality = contracts::readQuality(field, path, place, ctx);
        const QStringList references = ctx.texts(field, "references", place);
        if (!references.isEmpty())
            object.relationships << Relationship{QStringLiteral("foreignKey"), {path}, references};
        readFields(field, "fields", path, place, depth + 1, object, p.properties);
        for (const char *key : {"items", "keys", "values"})
            readChild(field, key, path, place, depth, object, p);
        p.custom = contracts::remainder(field, kFieldKeys, place, ctx, true);
        return p;
    }

    SchemaObject readModel(const QString &name, const ytree::Node &model, int line, const QString &place)
    {
        SchemaObject o;
        o.name = name;
        o.line = line;
        o.physicalType = ctx.text(model, "type", place);
        o.businessName = ctx.text(model, "title", place);
        o.description = ctx.text(model, "description", place);
        readFields(model, "fields", name, place, 0, o, o.properties);
        // A model-level primaryKey lists the key's fields in order.
        const QStringList key = ctx.texts(model, "primaryKey", place);
        for (int i = 0; i < key.size(); ++i) {
            for (ContractProperty &p : o.properties) {
                if (p.name == key.at(i)) {
                    p.primaryKey = true;
                    p.primaryKeyPosition = i + 1;
                }
            }
        }
        o.quality = contracts::readQuality(model, name, place, ctx);
        o.custom = contracts::remainder(model, kModelKeys, place, ctx);
        return o;
    }
};

/// A readable value for one DCS service level, from the sub-keys its kind uses.
ServiceLevel serviceLevel(const QString &kind, const ytree::Node &node)
{
    const auto s = [&node](const char *key) { return str(node, key); };
    const auto joined = [](QString head, const QList<std::pair<const char *, QString>> &parts) {
        for (const auto &[label, value] : parts) {
            if (!value.isEmpty())
                head += (head.isEmpty() ? QString() : QStringLiteral("; ")) + QLatin1String(label) + value;
        }
        return head;
    };
    ServiceLevel level;
    level.property = kind;
    if (kind == u"availability") {
        level.value = s("percentage");
    } else if (kind == u"retention") {
        level.value = boolean(node, "unlimited") ? QStringLiteral("unlimited") : s("period");
        level.element = s("timestampField");
    } else if (kind == u"latency") {
        level.value = s("threshold");
        level.element = s("sourceTimestampField").isEmpty() ? s("processedTimestampField") : s("sourceTimestampField");
    } else if (kind == u"freshness") {
        level.value = s("threshold");
        level.element = s("timestampField");
    } else if (kind == u"frequency") {
        level.value = s("interval").isEmpty() ? s("cron") : s("interval");
        if (!s("type").isEmpty())
            level.value = level.value.isEmpty() ? s("type") : level.value + QStringLiteral(" (") + s("type") + u')';
    } else if (kind == u"support") {
        level.value = joined(s("time"), {{"response time ", s("responseTime")}});
    } else if (kind == u"backup") {
        level.value = joined(s("interval").isEmpty() ? s("cron") : s("interval"),
                             {{"recovery time ", s("recoveryTime")}, {"recovery point ", s("recoveryPoint")}});
    } else {
        for (const char *key : {"value", "threshold", "percentage", "period", "interval", "time", "cron"}) {
            if (!s(key).isEmpty()) {
                level.value = s(key);
                break;
            }
        }
        level.unit = s("unit");
    }
    if (level.value.isEmpty())
        level.value = s("description");
    return level;
}

void readInfo(const ytree::Node &doc, Contract &c, ReadContext &ctx)
{
    const QString place = QStringLiteral("info");
    const ytree::Node info = ctx.mapping(doc, "info", QStringLiteral("the top level"));
    if (info.IsDefined()) {
        ctx.require(info, "title", place);
        ctx.require(info, "version", place);
    }
    c.name = ctx.text(info, "title", place);
    c.version = ctx.text(info, "version", place);
    c.status = ctx.text(info, "status", place);
    if (c.status.isEmpty())
        c.status = QStringLiteral("active");
    c.description = ctx.text(info, "description", place);
    c.owner = ctx.text(info, "owner", place);
    c.teamName = c.owner;

    const ytree::Node contact = ctx.mapping(info, "contact", place);
    if (contact.IsDefined()) {
        const QString name = ctx.text(contact, "name", QStringLiteral("info.contact"));
        const QString url = ctx.text(contact, "url", QStringLiteral("info.contact"));
        const QString email = ctx.text(contact, "email", QStringLiteral("info.contact"));
        SupportChannel channel;
        channel.channel = !name.isEmpty() ? name : !email.isEmpty() ? email : url;
        channel.url = !url.isEmpty() ? url : email.isEmpty() ? QString() : QStringLiteral("mailto:") + email;
        if (url.isEmpty() && !email.isEmpty())
            channel.tool = QStringLiteral("email");
        c.support << channel;
    }

    QString domain = ctx.text(info, "x-domain", place);
    if (domain.isEmpty())
        domain = ctx.text(doc, "x-domain", QStringLiteral("the top level"));
    if (domain.isEmpty())
        domain = ctx.text(doc, "domain", QStringLiteral("the top level"));
    if (domain.isEmpty())
        domain = ctx.text(info, "domain", place);
    c.domainId = slugify(domain);
    ctx.result().noteDomain(c.domainId, DomainType::Unknown, domain);

    const QJsonObject rest = contracts::remainder(
        info,
        {QStringLiteral("title"), QStringLiteral("version"), QStringLiteral("status"), QStringLiteral("description"),
         QStringLiteral("owner"), QStringLiteral("contact"), QStringLiteral("x-domain"), QStringLiteral("domain")},
        place, ctx);
    if (!rest.isEmpty())
        c.custom.insert(QStringLiteral("info"), rest);
}

} // namespace

void importDcs(const ytree::Node &doc, const QString &file, ImportResult &result)
{
    ReadContext ctx(doc, file, result);
    const QString top = QStringLiteral("the top level");
    const bool hasId = ctx.require(doc, "id", top);
    ctx.require(doc, "info", top);

    Contract c;
    c.id = ctx.text(doc, "id", top);
    if (c.id.isEmpty()) {
        if (hasId)
            ctx.error(child(doc, "id"), QStringLiteral("the contract has no usable `id`; it was not imported"));
        return;
    }
    c.specFormat = QStringLiteral("dcs");
    c.apiVersion = ctx.text(doc, "dataContractSpecification", top);
    c.custom = contracts::remainder(doc, kTopLevelKeys, top, ctx);
    readInfo(doc, c, ctx);
    c.tags = ctx.texts(doc, "tags", top);
    c.noticePeriod = str(child(doc, "terms"), "noticePeriod");

    // The owner names a team unless it is a person's address.
    if (!c.owner.isEmpty() && !c.owner.contains(QLatin1Char('@'))) {
        Team team;
        team.id = slugify(c.owner);
        team.name = c.owner;
        team.domainId = c.domainId;
        contracts::noteTeam(result, team);
    }

    DcsReader reader{ctx, ctx.mapping(doc, "definitions", top), {}};
    for (const auto &entry : ctx.mapping(doc, "models", top)) {
        const QString name = scalar(entry.first);
        const QString place = QStringLiteral("models.") + name;
        if (!ctx.spend(entry.second, contracts::kEntityCost))
            break;
        if (name.isEmpty() || !entry.second.IsMap()) {
            ctx.error(entry.second, QStringLiteral("model %1 must be a named mapping").arg(place));
            continue;
        }
        c.schema << reader.readModel(name, entry.second, lineOf(entry.first), place);
    }
    c.quality = contracts::readQuality(doc, QString(), top, ctx);

    for (const auto &entry : ctx.mapping(doc, "servicelevels", top)) {
        const QString kind = scalar(entry.first);
        if (!entry.second.IsMap()) {
            ctx.error(entry.second, QStringLiteral("servicelevels.%1 must be a mapping").arg(kind));
            continue;
        }
        c.sla << serviceLevel(kind, entry.second);
    }

    static const QStringList serverKeys = {QStringLiteral("type"), QStringLiteral("environment"),
                                           QStringLiteral("description")};
    for (const auto &entry : ctx.mapping(doc, "servers", top)) {
        const QString name = scalar(entry.first);
        const QString place = QStringLiteral("servers.") + name;
        if (!ctx.spend(entry.second))
            break;
        if (!entry.second.IsMap()) {
            ctx.error(entry.second, QStringLiteral("%1 must be a mapping").arg(place));
            continue;
        }
        ctx.require(entry.second, "type", place);
        c.servers << Server{name, ctx.text(entry.second, "type", place), ctx.text(entry.second, "environment", place),
                            ctx.text(entry.second, "description", place),
                            contracts::remainder(entry.second, serverKeys, place, ctx)};
    }
    result.contracts.push_back(c);
}

} // namespace meshscope::importers
