#include "jsonsupport.h"

#include <QTime>

namespace meshscope::jsonsupport {

namespace {

int digits(QStringView s, qsizetype pos, qsizetype count, bool *ok)
{
    int value = 0;
    if (pos + count > s.size()) {
        *ok = false;
        return 0;
    }
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

const Json *member(const Json &obj, const char *key)
{
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return nullptr;
    return &*it;
}

const Json *objectMember(const Json &obj, const char *key)
{
    const Json *v = member(obj, key);
    return v && v->is_object() ? v : nullptr;
}

const Json *arrayMember(const Json &obj, const char *key)
{
    const Json *v = member(obj, key);
    return v && v->is_array() ? v : nullptr;
}

const Json *path(const Json &obj, std::initializer_list<const char *> keys)
{
    const Json *current = &obj;
    for (const char *key : keys) {
        current = member(*current, key);
        if (!current)
            return nullptr;
    }
    return current;
}

QString scalarText(const Json &value)
{
    if (value.is_string())
        return toQString(value.get_ref<const std::string &>());
    if (value.is_number() || value.is_boolean())
        return toQString(value.dump());
    return {};
}

QString str(const Json &obj, const char *key)
{
    const Json *v = member(obj, key);
    return v ? scalarText(*v) : QString();
}

bool boolean(const Json &obj, const char *key, bool fallback)
{
    const Json *v = member(obj, key);
    if (!v)
        return fallback;
    if (v->is_boolean())
        return v->get<bool>();
    if (v->is_string()) {
        const std::string &s = v->get_ref<const std::string &>();
        if (s == "true" || s == "True" || s == "TRUE")
            return true;
        if (s == "false" || s == "False" || s == "FALSE")
            return false;
    }
    return fallback;
}

QStringList stringList(const Json &obj, const char *key)
{
    QStringList out;
    const Json *v = member(obj, key);
    if (!v)
        return out;
    if (v->is_array()) {
        out.reserve(qsizetype(v->size()));
        for (const Json &item : *v) {
            QString text = scalarText(item);
            if (!text.isEmpty())
                out.append(std::move(text));
        }
    } else {
        QString text = scalarText(*v);
        if (!text.isEmpty())
            out.append(std::move(text));
    }
    return out;
}

bool wrongType(const Json &obj, const char *key, Json::value_t expected)
{
    const Json *v = member(obj, key);
    return v && v->type() != expected;
}

QString typeName(const Json &value)
{
    return QString::fromLatin1(value.type_name());
}
QDateTime parseIsoDateTime(QStringView s)
{
    s = s.trimmed();
    bool ok = true;
    const int year = digits(s, 0, 4, &ok);
    if (!ok || s.size() < 10 || s[4] != u'-' || s[7] != u'-')
        return {};
    const int month = digits(s, 5, 2, &ok);
    const int day = digits(s, 8, 2, &ok);
    const QDate date(year, month, day);
    if (!ok || !date.isValid())
        return {};
    if (s.size() == 10)
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    const QChar sep = s[10];
    if (sep != u'T' && sep != u't' && sep != u' ')
        return {};
    qsizetype pos = 11;
    const int hour = digits(s, pos, 2, &ok);
    if (!ok || pos + 2 >= s.size() || s[pos + 2] != u':')
        return {};
    const int minute = digits(s, pos + 3, 2, &ok);
    pos += 5;
    int second = 0;
    int msec = 0;
    if (pos < s.size() && s[pos] == u':') {
        second = digits(s, pos + 1, 2, &ok);
        pos += 3;
        if (ok && pos < s.size() && (s[pos] == u'.' || s[pos] == u',')) {
            ++pos;
            int scale = 100;
            const qsizetype start = pos;
            while (pos < s.size() && s[pos].isDigit()) {
                if (scale > 0) {
                    msec += (s[pos].unicode() - u'0') * scale;
                    scale /= 10;
                }
                ++pos;
            }
            if (pos == start)
                return {};
        }
    }
    if (!ok)
        return {};
    const QTime time(hour, minute, second, msec);
    if (!time.isValid())
        return {};
    int offsetSeconds = 0;
    if (pos < s.size()) {
        const QChar z = s[pos];
        if ((z == u'Z' || z == u'z') && pos + 1 == s.size()) {
            pos = s.size();
        } else if (z == u'+' || z == u'-') {
            const int sign = z == u'-' ? -1 : 1;
            const int oh = digits(s, pos + 1, 2, &ok);
            int om = 0;
            qsizetype next = pos + 3;
            if (ok && next < s.size()) {
                if (s[next] == u':')
                    ++next;
                om = digits(s, next, 2, &ok);
                next += 2;
            }
            if (!ok || next != s.size() || oh > 23 || om > 59)
                return {};
            offsetSeconds = sign * (oh * 3600 + om * 60);
            pos = s.size();
        } else {
            return {};
        }
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
}

} // namespace meshscope::jsonsupport
