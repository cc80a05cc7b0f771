#include "contractchecks.h"

#include "importers/yamlsupport.h"
#include "importers/yamltree.h"

#include <QHash>

namespace meshscope::validation {

namespace {

using ytree::Node;
using yamlsupport::child;
using yamlsupport::columnOf;
using yamlsupport::lineOf;
using yamlsupport::str;

class Checker {
public:
    Checker(std::vector<LintProblem> &out) : m_out(out) {}

    void add(Diagnostic::Severity severity, const Node &at, const QString &pointer, const char *rule, const QString &message)
    {
        m_out.push_back({severity, lineOf(at), columnOf(at), pointer, QString::fromLatin1(rule), message});
    }

    /// Ids: unique within their array (ODCS's StableId rule, an error); repeated elsewhere in the contract a
    /// warning, since a reader meets two things with one id. Names of schema objects and of the properties
    /// of one object: unique, since `table.column` references go by name.
    void walkIds(const Node &n, const QString &pointer, int depth = 0)
    {
        if (depth > 200 || !spend())
            return;
        if (n.IsSequence()) {
            QHash<QString, int> idLines;
            int index = 0;
            for (const Node &item : n) {
                const QString at = pointer + QLatin1Char('/') + QString::number(index++);
                if (item.IsMap()) {
                    const Node id = child(item, "id");
                    if (id.IsScalar() && !id.Scalar().empty()) {
                        const QString value = QString::fromStdString(id.Scalar());
                        if (idLines.contains(value)) {
                            add(Diagnostic::Severity::Error, id, at + QStringLiteral("/id"), "duplicate-id",
                                QStringLiteral("id `%1` is used twice in this list (first on line %2); ids must be unique")
                                    .arg(value)
                                    .arg(idLines.value(value)));
                        } else {
                            idLines.insert(value, lineOf(id));
                            noteContractId(id, value, at + QStringLiteral("/id"));
                        }
                    }
                }
                walkIds(item, at, depth + 1);
            }
            return;
        }
        if (!n.IsMap())
            return;
        for (const auto &entry : n) {
            if (!entry.first.IsScalar())
                continue;
            const QString key = QString::fromStdString(entry.first.Scalar());
            if (key == u"customProperties" || key == u"examples")
                continue; // free-form values
            walkIds(entry.second, pointer + QLatin1Char('/') + key, depth + 1);
        }
    }

    void noteContractId(const Node &id, const QString &value, const QString &pointer)
    {
        const auto it = m_ids.constFind(value);
        if (it == m_ids.constEnd()) {
            m_ids.insert(value, lineOf(id));
            return;
        }
        add(Diagnostic::Severity::Warning, id, pointer, "duplicate-id",
            QStringLiteral("id `%1` is also used on line %2; ids should be unique within a contract").arg(value).arg(*it));
    }

    void uniqueNames(const Node &list, const QString &pointer, const char *what)
    {
        QHash<QString, int> lines;
        int index = 0;
        for (const Node &item : list) {
            const Node name = child(item, "name");
            if (name.IsScalar() && !name.Scalar().empty()) {
                const QString value = QString::fromStdString(name.Scalar());
                if (lines.contains(value))
                    add(Diagnostic::Severity::Error, name, pointer + QStringLiteral("/%1/name").arg(index), "duplicate-name",
                        QStringLiteral("%1 `%2` is defined twice (first on line %3)").arg(QLatin1String(what), value).arg(lines.value(value)));
                else
                    lines.insert(value, lineOf(name));
            }
            ++index;
        }
    }

    /// The property a reference names in this contract, or what is wrong with it. `external` is set for a
    /// reference into another file, which is not followed.
    bool resolves(const Node &schema, const QString &ref, bool &external) const
    {
        external = false;
        const qsizetype hash = ref.indexOf(QLatin1Char('#'));
        if (hash > 0 || ref.contains(QLatin1String("://"))) {
            external = true;
            return true;
        }
        QString local = hash == 0 ? ref.mid(1) : ref;
        if (local.contains(QLatin1Char('/'))) {
            // section/id/properties/id... (fully qualified, by ids)
            QStringList parts = local.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            if (parts.size() < 2 || parts.size() % 2 != 0 || parts.first() != u"schema")
                return false;
            Node level = schema;
            for (int i = 0; i < parts.size(); i += 2) {
                if (i > 0 && parts[i] != u"properties" && parts[i] != u"items")
                    return false;
                if (i > 0)
                    level = child(level, parts[i] == u"items" ? "items" : "properties");
                if (parts[i] == u"items") {
                    continue;
                }
                const Node found = findBy(level, "id", parts[i + 1]);
                if (!found.IsDefined())
                    return false;
                level = found;
            }
            return true;
        }
        const QStringList parts = local.split(QLatin1Char('.'));
        if (parts.size() < 2)
            return false;
        Node level = findBy(schema, "name", parts.first());
        for (int i = 1; i < parts.size() && level.IsDefined(); ++i)
            level = findBy(child(level, "properties"), "name", parts[i]);
        return level.IsDefined();
    }

    static Node findBy(const Node &list, const char *key, const QString &value)
    {
        if (!list.IsSequence())
            return Node(ytree::NodeType::Undefined);
        const std::string wanted = value.toStdString();
        for (const Node &item : list) {
            const Node k = child(item, key);
            if (k.IsScalar() && k.Scalar() == wanted)
                return item;
        }
        return Node(ytree::NodeType::Undefined);
    }

    /// Each end of a relationship: a list (composite key) or one reference.
    void checkEnd(const Node &schema, const Node &end, const QString &pointer, const char *key)
    {
        const auto one = [&](const Node &ref, const QString &at) {
            if (!ref.IsScalar())
                return;
            const QString text = QString::fromStdString(ref.Scalar());
            bool external = false;
            if (!resolves(schema, text, external))
                add(Diagnostic::Severity::Error, ref, at, "relationship-target",
                    QStringLiteral("`%1` names `%2`, which is not a property of this contract").arg(QLatin1String(key), text));
        };
        if (end.IsSequence()) {
            int i = 0;
            for (const Node &ref : end) {
                one(ref, pointer + QStringLiteral("/%1").arg(i));
                ++i;
            }
        } else {
            one(end, pointer);
        }
    }

    void checkRelationships(const Node &schema, const Node &list, const QString &pointer, const QString &implicitFrom)
    {
        if (!list.IsSequence())
            return;
        int index = 0;
        for (const Node &rel : list) {
            const QString at = pointer + QStringLiteral("/%1").arg(index++);
            if (!rel.IsMap())
                continue;
            const Node from = child(rel, "from");
            const Node to = child(rel, "to");
            if (from.IsDefined())
                checkEnd(schema, from, at + QStringLiteral("/from"), "from");
            if (to.IsDefined())
                checkEnd(schema, to, at + QStringLiteral("/to"), "to");
            // Composite keys: as many columns on each side (ODCS #347). At property level `from` is the
            // property itself, one column.
            const size_t fromCount = from.IsDefined() ? (from.IsSequence() ? from.size() : 1) : (implicitFrom.isEmpty() ? 0 : 1);
            const size_t toCount = to.IsSequence() ? to.size() : (to.IsDefined() ? 1 : 0);
            if (fromCount && toCount && fromCount != toCount)
                add(Diagnostic::Severity::Error, to.IsDefined() ? to : rel, at + QStringLiteral("/to"), "composite-key",
                    QStringLiteral("the relationship goes from %1 column(s) to %2; a composite key needs as many on each side")
                        .arg(fromCount)
                        .arg(toCount));
        }
    }

    void walkProperties(const Node &schema, const Node &props, const QString &pointer, const QString &owner, int minor, int depth)
    {
        if (!props.IsSequence() || depth > 100 || !spend())
            return;
        uniqueNames(props, pointer, "property");
        int index = 0;
        for (const Node &p : props) {
            const QString at = pointer + QStringLiteral("/%1").arg(index++);
            const QString name = owner + QLatin1Char('.') + str(p, "name");
            checkRelationships(schema, child(p, "relationships"), at + QStringLiteral("/relationships"), name);
            checkQuality(child(p, "quality"), at + QStringLiteral("/quality"), minor);
            walkProperties(schema, child(p, "properties"), at + QStringLiteral("/properties"), name, minor, depth + 1);
            const Node items = child(p, "items");
            if (items.IsMap())
                walkProperties(schema, child(items, "properties"), at + QStringLiteral("/items/properties"), name, minor, depth + 1);
        }
    }

    void checkQuality(const Node &quality, const QString &pointer, int minor)
    {
        if (!quality.IsSequence() || minor < 1)
            return;
        int index = 0;
        for (const Node &q : quality) {
            const Node rule = child(q, "rule");
            if (rule.IsDefined())
                add(Diagnostic::Severity::Warning, rule, pointer + QStringLiteral("/%1/rule").arg(index), "deprecated",
                    QStringLiteral("quality `rule` is deprecated since ODCS v3.1; use `metric`"));
            ++index;
        }
    }

private:
    /// YAML aliases let a few lines name billions of values: the walks stop after this many.
    bool spend() { return ++m_visits <= 500'000; }

    std::vector<LintProblem> &m_out;
    QHash<QString, int> m_ids;
    qint64 m_visits = 0;
};

} // namespace

void checkOdcs(const Node &doc, int minor, std::vector<LintProblem> &out)
{
    if (!doc.IsMap())
        return;
    Checker c(out);
    c.walkIds(doc, QString());
    const Node schema = child(doc, "schema");
    if (schema.IsSequence()) {
        c.uniqueNames(schema, QStringLiteral("/schema"), "schema object");
        int index = 0;
        for (const Node &object : schema) {
            const QString at = QStringLiteral("/schema/%1").arg(index++);
            c.checkRelationships(schema, child(object, "relationships"), at + QStringLiteral("/relationships"), QString());
            c.checkQuality(child(object, "quality"), at + QStringLiteral("/quality"), minor);
            c.walkProperties(schema, child(object, "properties"), at + QStringLiteral("/properties"), str(object, "name"), minor, 0);
        }
    }
    if (minor >= 1) {
        const Node sla = child(doc, "slaDefaultElement");
        if (sla.IsDefined())
            c.add(Diagnostic::Severity::Warning, sla, QStringLiteral("/slaDefaultElement"), "deprecated",
                  QStringLiteral("`slaDefaultElement` is deprecated since ODCS v3.1; name the element in each `slaProperties` entry"));
        const Node product = child(doc, "dataProduct");
        if (product.IsDefined())
            c.add(Diagnostic::Severity::Warning, product, QStringLiteral("/dataProduct"), "deprecated",
                  QStringLiteral("`dataProduct` is deprecated since ODCS v3.1; the data product names its contracts in its output ports"));
    }
}

} // namespace meshscope::validation
