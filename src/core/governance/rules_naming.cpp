#include "rulecontext.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace meshscope::governance::rules {

bool followsCase(const QString &name, const QString &convention)
{
    static const QRegularExpression snake(QStringLiteral("^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
    static const QRegularExpression kebab(QStringLiteral("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"));
    static const QRegularExpression camel(QStringLiteral("^[a-z][a-zA-Z0-9]*$"));
    static const QRegularExpression pascal(QStringLiteral("^[A-Z][a-zA-Z0-9]*$"));
    static const QRegularExpression upper(QStringLiteral("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$"));
    const QString c = convention.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (c == u"snake_case")
        return snake.match(name).hasMatch();
    if (c == u"kebab_case")
        return kebab.match(name).hasMatch();
    if (c == u"camelcase" || c == u"camel_case")
        return camel.match(name).hasMatch();
    if (c == u"pascalcase" || c == u"pascal_case")
        return pascal.match(name).hasMatch();
    if (c == u"upper_case" || c == u"upper_snake_case" || c == u"screaming_snake_case")
        return upper.match(name).hasMatch();
    return true;
}

QString topicRegex(const QString &pattern, const DataProduct &product)
{
    QString re = QRegularExpression::escape(pattern);
    // escape() turns "{domain}" into "\{domain\}"; put the placeholders back as sub-patterns.
    re.replace(QStringLiteral("\\{domain\\}"), QRegularExpression::escape(product.domainId));
    re.replace(QStringLiteral("\\{product\\-name\\}"), QStringLiteral("[a-z0-9]+(?:[-_][a-z0-9]+)*"));
    re.replace(QStringLiteral("\\{product_name\\}"), QStringLiteral("[a-z0-9]+(?:[-_][a-z0-9]+)*"));
    re.replace(QStringLiteral("\\{version\\}"), QStringLiteral("[0-9]+"));
    return QLatin1Char('^') + re + QLatin1Char('$');
}

namespace {

bool isTopicPort(const Port &p)
{
    const QString t = (p.type + QLatin1Char(' ') + p.technology).toLower();
    return t.contains(QLatin1String("kafka")) || t.contains(QLatin1String("topic")) || t.contains(QLatin1String("stream"))
        || t.contains(QLatin1String("pubsub")) || t.contains(QLatin1String("kinesis"));
}

QString suggestion(const QString &name, const QString &convention)
{
    QString out;
    const bool kebab = convention.contains(QLatin1String("kebab"), Qt::CaseInsensitive);
    const QChar sep = kebab ? QLatin1Char('-') : QLatin1Char('_');
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar ch = name.at(i);
        if (ch.isUpper() && i > 0 && name.at(i - 1).isLetterOrNumber() && !name.at(i - 1).isUpper())
            out += sep;
        out += (ch == QLatin1Char('-') || ch == QLatin1Char('_') || ch == QLatin1Char(' ')) ? sep : ch.toLower();
    }
    return out;
}

} // namespace

void checkNaming(const Context &c)
{
    const EffectivePolicy &p = c.policy;
    if (!p.productCase.isEmpty() && !followsCase(c.product.id, p.productCase)) {
        c.add("naming_conventions", "naming.products", Severity::Warning, QStringLiteral("product"), c.product.id,
              QStringLiteral("product id '%1' is not %2").arg(c.product.id, p.productCase),
              QStringLiteral("rename the product to '%1'").arg(suggestion(c.product.id, p.productCase)));
    }
    for (const Contract *contract : c.contracts) {
        for (const SchemaObject &o : contract->schema) {
            const QString table = o.physicalName.isEmpty() ? o.name : o.physicalName;
            if (!p.tableCase.isEmpty() && !followsCase(table, p.tableCase)) {
                c.add("naming_conventions", "naming.tables", Severity::Warning, QStringLiteral("contract"),
                      contract->id + QLatin1Char('.') + o.name,
                      QStringLiteral("table '%1' is not %2").arg(table, p.tableCase),
                      QStringLiteral("rename the table to '%1' (a breaking change: new major version)")
                          .arg(suggestion(table, p.tableCase)));
            }
        }
    }
    if (!p.columnCase.isEmpty()) {
        for (const FieldRef &f : c.fields) {
            if (!followsCase(f.name, p.columnCase)) {
                c.add("naming_conventions", "naming.columns", Severity::Warning, QStringLiteral("field"), f.target,
                      QStringLiteral("column '%1' is not %2").arg(f.name, p.columnCase),
                      QStringLiteral("rename it to '%1', keeping the old name as a deprecated alias for a release")
                          .arg(suggestion(f.name, p.columnCase)));
            }
        }
    }
    if (!p.topicPattern.isEmpty()) {
        const QRegularExpression re(topicRegex(p.topicPattern, c.product));
        for (const Port &port : c.product.outputPorts) {
            if (!isTopicPort(port) || port.location.isEmpty())
                continue;
            if (!re.match(port.location).hasMatch()) {
                c.add("naming_conventions", "naming.topics", Severity::Warning, QStringLiteral("port"),
                      c.product.id + QLatin1Char('/') + port.name,
                      QStringLiteral("topic '%1' does not follow '%2'").arg(port.location, p.topicPattern),
                      QStringLiteral("publish on a topic named like '%1'")
                          .arg(QString(p.topicPattern)
                                   .replace(QLatin1String("{domain}"), c.product.domainId)
                                   .replace(QLatin1String("{product-name}"), c.product.id)
                                   .replace(QLatin1String("{version}"),
                                            c.product.version.section(QLatin1Char('.'), 0, 0).isEmpty()
                                                ? QStringLiteral("1")
                                                : c.product.version.section(QLatin1Char('.'), 0, 0))));
            }
        }
    }
}

namespace {

QString customValue(const QJsonObject &custom, const QString &key)
{
    for (const QString &k : {key, QString(key).replace(QLatin1Char('_'), QString()), QString(key).replace(QLatin1Char('_'), QLatin1Char('-'))}) {
        for (auto it = custom.begin(); it != custom.end(); ++it) {
            if (it.key().compare(k, Qt::CaseInsensitive) == 0 && !it.value().isNull()
                && !(it.value().isString() && it.value().toString().trimmed().isEmpty()))
                return it.value().isString() ? it.value().toString() : QStringLiteral("set");
        }
    }
    return {};
}

bool hasLevel(const Context &c, const char *property)
{
    for (const ServiceLevel &l : promisedLevels(c)) {
        if (l.property.compare(QLatin1String(property), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool hasMember(const QList<Person> &people, const char *role)
{
    for (const Person &person : people) {
        if (person.role.contains(QLatin1String(role), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool hasMetadata(const Context &c, const QString &item)
{
    const DataProduct &p = c.product;
    const QString key = item.trimmed().toLower();
    if (key == u"owner")
        return !p.owner.trimmed().isEmpty() || !p.teamId.isEmpty();
    if (key == u"description")
        return !p.description.trimmed().isEmpty();
    if (key == u"classification") {
        if (!customValue(p.custom, item).isEmpty())
            return true;
        // Without a product-level classification every field of its contracts must carry one.
        if (c.contracts.empty())
            return false;
        for (const FieldRef &f : c.fields) {
            if (f.fromContract && f.classification.isEmpty())
                return false;
        }
        return true;
    }
    if (key == u"retention")
        return hasLevel(c, "retention") || !customValue(p.custom, item).isEmpty();
    if (key == u"data_steward" || key == u"steward") {
        if (!customValue(p.custom, QStringLiteral("data_steward")).isEmpty())
            return true;
        if (const Team *team = c.mesh.team(p.teamId); team && hasMember(team->members, "steward"))
            return true;
        for (const Contract *contract : c.contracts) {
            if (hasMember(contract->team, "steward"))
                return true;
        }
        return false;
    }
    if (key == u"version")
        return !p.version.isEmpty();
    if (key == u"status")
        return !p.status.isEmpty();
    if (key == u"tags")
        return !p.tags.isEmpty();
    return !customValue(p.custom, item).isEmpty();
}

QString metadataRemedy(const QString &item)
{
    const QString key = item.trimmed().toLower();
    if (key == u"owner")
        return QStringLiteral("name an owner (team or e-mail) in the product document");
    if (key == u"description")
        return QStringLiteral("describe the product's purpose, usage and limitations");
    if (key == u"classification")
        return QStringLiteral("set a classification (public, internal, confidential, restricted) on the product or on "
                              "every field of its contract");
    if (key == u"retention")
        return QStringLiteral("add a retention slaProperty to the contract (e.g. 2 years)");
    if (key == u"data_steward" || key == u"steward")
        return QStringLiteral("add a team member with the role 'data steward'");
    return QStringLiteral("add '%1' to the product document").arg(item);
}

} // namespace

void checkMetadata(const Context &c)
{
    for (const QString &item : c.policy.requiredMetadata) {
        if (hasMetadata(c, item))
            continue;
        c.add("required_metadata", "metadata.required", Severity::Error, QStringLiteral("product"), c.product.id,
              QStringLiteral("required metadata '%1' is missing").arg(item), metadataRemedy(item));
    }
}

} // namespace meshscope::governance::rules
