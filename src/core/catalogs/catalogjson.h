#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

/// Small accessors over Qt's JSON types shared by the catalog adapters: a missing key or a value of
/// the wrong type gives an empty result, never an exception.
namespace meshscope::catalogs::cj {

inline QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}
inline QString str(const QJsonObject &o, const char *key)
{
    return text(o.value(QLatin1String(key)));
}
inline QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}
inline QJsonArray arr(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}
/// o.a.b.c as text.
inline QString at(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    QJsonValue v(o);
    for (const char *k : keys)
        v = v.toObject().value(QLatin1String(k));
    return text(v);
}
inline QStringList strings(const QJsonArray &a)
{
    QStringList out;
    for (const QJsonValue &v : a) {
        const QString s = text(v);
        if (!s.isEmpty())
            out << s;
    }
    return out;
}
inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
inline QJsonObject parseObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace meshscope::catalogs::cj
