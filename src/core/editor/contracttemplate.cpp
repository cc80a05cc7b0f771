#include "editor/contracttemplate.h"

#include "editor/contractdocument.h"
#include "model/serialization.h"

#include <QRegularExpression>

namespace meshscope::editor {

namespace {

/// The last segment of a table/topic location ("db.schema.table", "s3://b/p/table", "topic").
QString locationTail(const QString &location)
{
    static const QRegularExpression separators(QStringLiteral("[./:]"));
    const QStringList parts = location.split(separators, Qt::SkipEmptyParts);
    return parts.isEmpty() ? QString() : parts.last().toLower();
}

QString slug(const QString &name)
{
    QString out = name.toLower();
    out.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    while (out.startsWith(u'_'))
        out.remove(0, 1);
    while (out.endsWith(u'_'))
        out.chop(1);
    return out;
}

/// The dataset of the port: one named like its location or the contract's table, else the product's
/// only dataset. Lineage gives datasets an owning product when it knows it.
std::optional<Dataset> portDataset(sql::Connection &db, const DataProduct &product, const Port &port)
{
    std::vector<Dataset> candidates;
    sql::Statement s = db.prepare("SELECT data FROM datasets WHERE product_id = ? ORDER BY id");
    s.bind(1, product.id);
    while (s.step()) {
        Dataset d;
        json::fromJson(json::parseObject(s.text(0).toUtf8()), d);
        candidates.push_back(std::move(d));
    }
    const QStringList wanted{locationTail(port.location), slug(port.name), locationTail(port.contractId),
                             slug(product.name)};
    for (const QString &name : wanted) {
        if (name.isEmpty())
            continue;
        for (const Dataset &d : candidates) {
            if (d.name.toLower() == name || locationTail(d.name) == name || locationTail(d.id) == name)
                return d;
        }
    }
    if (candidates.size() == 1)
        return candidates.front();
    // Lineage that does not know the product: a dataset named exactly like the port's location.
    if (!port.location.isEmpty()) {
        sql::Statement byName = db.prepare("SELECT data FROM datasets WHERE lower(name) = ? OR lower(id) = ? LIMIT 1");
        byName.bind(1, locationTail(port.location)).bind(2, port.location.toLower());
        if (byName.step()) {
            Dataset d;
            json::fromJson(json::parseObject(byName.text(0).toUtf8()), d);
            return d;
        }
    }
    return std::nullopt;
}

void line(QString &out, int indent, const QString &key, const QString &value)
{
    out += QString(indent, u' ') + key + QStringLiteral(": ") + yamlScalar(value) + u'\n';
}

} // namespace

QString logicalTypeFor(const QString &physicalType)
{
    const QString t = physicalType.toLower().trimmed();
    auto starts = [&](std::initializer_list<const char *> prefixes) {
        for (const char *p : prefixes) {
            if (t.startsWith(QLatin1String(p)))
                return true;
        }
        return false;
    };
    if (starts({"bool"}))
        return QStringLiteral("boolean");
    if (starts({"int", "bigint", "smallint", "tinyint", "long", "short", "serial", "bigserial"}))
        return QStringLiteral("integer");
    if (starts({"numeric", "decimal", "double", "float", "real", "number", "money"}))
        return QStringLiteral("number");
    if (starts({"timestamp", "datetime"}))
        return QStringLiteral("timestamp");
    if (starts({"date"}))
        return QStringLiteral("date");
    if (starts({"time"}))
        return QStringLiteral("time");
    if (starts({"array", "list"}) || t.endsWith(QLatin1String("[]")))
        return QStringLiteral("array");
    if (starts({"struct", "map", "json", "object", "record", "variant"}))
        return QStringLiteral("object");
    return QStringLiteral("string");
}

QString templateContractId(const DataProduct &product, const Port &port)
{
    if (!port.contractId.isEmpty())
        return port.contractId;
    const QString domain = product.domainId.isEmpty() ? slug(product.id) : product.domainId;
    return domain + u'.' + slug(port.name.isEmpty() ? product.id : port.name);
}

std::vector<OutputPortChoice> listOutputPorts(sql::Connection &db)
{
    std::vector<OutputPortChoice> out;
    sql::Statement s = db.prepare("SELECT p.id, coalesce(p.name, p.id), coalesce(p.domain_id, ''), coalesce(o.name, ''), "
                                  "coalesce(o.contract_id, '') FROM ports o JOIN products p ON p.id = o.product_id "
                                  "WHERE o.direction = 'output' ORDER BY p.domain_id, p.name, o.name");
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)});
    return out;
}

std::optional<TemplateSource> loadTemplateSource(sql::Connection &db, const QString &productId, const QString &portName,
                                                 QString *error)
{
    sql::Statement s = db.prepare("SELECT data FROM products WHERE id = ?");
    s.bind(1, productId);
    if (!s.step()) {
        if (error)
            *error = QStringLiteral("no data product %1 in the cache").arg(productId);
        return std::nullopt;
    }
    TemplateSource source;
    json::fromJson(json::parseObject(s.text(0).toUtf8()), source.product);
    bool found = false;
    for (const Port &p : std::as_const(source.product.outputPorts)) {
        if (!found && (portName.isEmpty() || p.name == portName || p.id == portName)) {
            source.port = p;
            found = true;
        }
    }
    if (!found) {
        if (error)
            *error = portName.isEmpty() ? QStringLiteral("%1 has no output port").arg(productId)
                                        : QStringLiteral("%1 has no output port %2").arg(productId, portName);
        return std::nullopt;
    }
    const QString teamId = source.product.teamId;
    if (!teamId.isEmpty()) {
        sql::Statement t = db.prepare("SELECT data FROM teams WHERE id = ? OR name = ? LIMIT 1");
        t.bind(1, teamId).bind(2, teamId);
        if (t.step()) {
            Team team;
            json::fromJson(json::parseObject(t.text(0).toUtf8()), team);
            source.team = team;
        }
    }
    source.dataset = portDataset(db, source.product, source.port);
    return source;
}

QString contractFromTemplate(const TemplateSource &source)
{
    const DataProduct &product = source.product;
    const Port &port = source.port;
    QString out;
    out += QStringLiteral("# New contract for the output port '%1' of %2, made from the product in the cache.\n")
               .arg(port.name, product.name.isEmpty() ? product.id : product.name);
    line(out, 0, QStringLiteral("apiVersion"), QStringLiteral("v3.1.0"));
    line(out, 0, QStringLiteral("kind"), QStringLiteral("DataContract"));
    line(out, 0, QStringLiteral("id"), templateContractId(product, port));
    const QString name = !port.name.isEmpty() ? port.name : product.name;
    line(out, 0, QStringLiteral("name"), name);
    line(out, 0, QStringLiteral("version"), QStringLiteral("0.1.0"));
    line(out, 0, QStringLiteral("status"), QStringLiteral("draft"));
    if (!product.domainId.isEmpty())
        line(out, 0, QStringLiteral("domain"), product.domainId);
    line(out, 0, QStringLiteral("dataProduct"), product.id);
    out += QStringLiteral("description:\n");
    const QString purpose = !port.description.isEmpty() ? port.description : product.description.section(u'\n', 0, 0);
    line(out, 2, QStringLiteral("purpose"), purpose);
    line(out, 2, QStringLiteral("usage"), QString());
    line(out, 2, QStringLiteral("limitations"), QString());

    const QString objectName = source.dataset ? source.dataset->name.section(u'.', -1)
                                              : slug(port.name.isEmpty() ? product.id : port.name);
    out += QStringLiteral("\nschema:\n");
    line(out, 2, QStringLiteral("- name"), objectName);
    if (!port.location.isEmpty())
        line(out, 4, QStringLiteral("physicalName"), port.location);
    line(out, 4, QStringLiteral("physicalType"), port.type.contains(QLatin1String("topic")) || port.type == u"kafka"
                                                     ? QStringLiteral("topic") : QStringLiteral("table"));
    line(out, 4, QStringLiteral("description"),
         source.dataset && !source.dataset->description.isEmpty() ? source.dataset->description : port.description);
    out += QStringLiteral("    properties:\n");
    if (source.dataset && !source.dataset->columns.isEmpty()) {
        for (const DatasetColumn &c : source.dataset->columns) {
            line(out, 6, QStringLiteral("- name"), c.name);
            line(out, 8, QStringLiteral("logicalType"), logicalTypeFor(c.type));
            if (!c.type.isEmpty())
                line(out, 8, QStringLiteral("physicalType"), c.type);
            out += QStringLiteral("        required: false\n");
            line(out, 8, QStringLiteral("description"), c.description);
        }
    } else {
        out += QStringLiteral("      # The cache has no columns for this port: replace this example property.\n");
        out += QStringLiteral("      - name: id\n        logicalType: string\n        required: true\n"
                              "        unique: true\n        description: \"\"\n");
    }

    const QString teamName = source.team && !source.team->name.isEmpty() ? source.team->name
                             : !product.teamId.isEmpty()                  ? product.teamId
                                                                          : product.owner;
    QList<Person> members = source.team ? source.team->members : QList<Person>{};
    if (members.isEmpty() && !product.owner.isEmpty())
        members.append({product.owner, QString(), QString(), QStringLiteral("owner")});
    if (!teamName.isEmpty() || !members.isEmpty()) {
        out += QStringLiteral("\nteam:\n");
        if (!teamName.isEmpty())
            line(out, 2, QStringLiteral("name"), teamName);
        if (!members.isEmpty()) {
            out += QStringLiteral("  members:\n");
            for (const Person &p : std::as_const(members)) {
                line(out, 4, QStringLiteral("- username"), p.username.isEmpty() ? p.email : p.username);
                if (!p.name.isEmpty())
                    line(out, 6, QStringLiteral("name"), p.name);
                if (!p.role.isEmpty())
                    line(out, 6, QStringLiteral("role"), p.role);
            }
        }
    }
    return out;
}

} // namespace meshscope::editor
