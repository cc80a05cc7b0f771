#include "diffwalker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

/// The walker's recording helpers, shared by the contract-wide and the schema parts of the diff.
namespace meshscope::diff {

namespace detail {

QString join(const QString &prefix, const QString &segment)
{
    const QString s = pathSegment(segment);
    if (prefix.isEmpty())
        return s;
    return s.startsWith(QLatin1Char('[')) ? prefix + s : prefix + QLatin1Char('.') + s;
}

QJsonValue textValue(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

static ChangeKind kindFor(bool hadOld, bool hasNew)
{
    return !hadOld ? ChangeKind::Added : !hasNew ? ChangeKind::Removed : ChangeKind::Changed;
}

static QString compactJson(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

static QJsonValue present(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

void Walker::record(Rule rule, ChangeKind kind, const QString &path, const QJsonValue &oldValue,
                  const QJsonValue &newValue, const QString &object, const QString &detail)
{
    Q_ASSERT_X(ruleFor(rule).kinds & int(kind), "Walker::record", ruleFor(rule).id);
    ContractChange c;
    c.path = path;
    c.kind = kind;
    c.rule = rule;
    c.severity = ruleFor(rule).severity;
    c.oldValue = present(oldValue);
    c.newValue = present(newValue);
    c.object = object;
    c.detail = detail;
    changes.push_back(std::move(c));
}

void Walker::text(Rule rule, const QString &path, const QString &oldText, const QString &newText,
                  const QString &object)
{
    if (oldText == newText)
        return;
    record(rule, kindFor(!oldText.isEmpty(), !newText.isEmpty()), path, textValue(oldText), textValue(newText), object);
}

void Walker::set(Rule rule, const QString &path, const QStringList &oldItems, const QStringList &newItems,
                 const QString &object)
{
    const QSet<QString> a(oldItems.cbegin(), oldItems.cend());
    const QSet<QString> b(newItems.cbegin(), newItems.cend());
    if (a == b)
        return;
    QStringList removed = (a - b).values();
    QStringList added = (b - a).values();
    removed.sort();
    added.sort();
    QStringList parts;
    if (!added.isEmpty())
        parts << QStringLiteral("added: ") + added.join(QStringLiteral(", "));
    if (!removed.isEmpty())
        parts << QStringLiteral("removed: ") + removed.join(QStringLiteral(", "));
    record(rule, kindFor(!a.isEmpty(), !b.isEmpty()), path,
         a.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(oldItems)),
         b.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(newItems)), object,
         parts.join(QStringLiteral("; ")));
}

void Walker::extensions(const QString &prefix, const QJsonObject &oldObject, const QJsonObject &newObject,
                        const QString &object, Rule fallback)
{
    if (oldObject == newObject)
        return;
    QStringList keys = oldObject.keys() + newObject.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue a = oldObject.value(key);
        const QJsonValue b = newObject.value(key);
        if (a == b)
            continue;
        const QString path = join(prefix, key == u"descriptionDetails" ? QStringLiteral("description") : key);
        const ChangeKind kind = kindFor(!a.isUndefined(), !b.isUndefined());
        if (key == u"customProperties" && (a.isObject() || a.isUndefined()) && (b.isObject() || b.isUndefined())) {
            extensions(path, a.toObject(), b.toObject(), object, Rule::CustomPropertyChanged);
        } else if (key == u"authoritativeDefinitions") {
            // A list of links: compared as a set, so reordering them is not a change.
            QSet<QString> x, y;
            for (const QJsonValue &v : a.toArray())
                x.insert(compactJson(v));
            for (const QJsonValue &v : b.toArray())
                y.insert(compactJson(v));
            if (x != y || a.isArray() != b.isArray())
                record(Rule::AuthoritativeDefinitionsChanged, kind, path, a, b, object);
        } else if ((key == u"descriptionDetails" || key == u"info" || key == u"terms") && a.isObject()
                   && b.isObject()) {
            extensions(path, a.toObject(), b.toObject(), object, fallback);
        } else {
            record(fallback, kind, path, a, b, object);
        }
    }
}

} // namespace detail

} // namespace meshscope::diff
