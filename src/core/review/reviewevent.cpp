#include "reviewevent.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace meshscope::review {

namespace {

struct KindEntry {
    EventKind kind;
    const char *name;
};

constexpr KindEntry kKinds[] = {
    {EventKind::Proposed, "proposed"},
    {EventKind::Submitted, "submitted"},
    {EventKind::ReviewerAdded, "reviewer-added"},
    {EventKind::Commented, "commented"},
    {EventKind::Approved, "approved"},
    {EventKind::ChangesRequested, "changes-requested"},
    {EventKind::Rejected, "rejected"},
    {EventKind::Withdrawn, "withdrawn"},
    {EventKind::Applied, "applied"},
};

void putText(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

} // namespace

QString kindName(EventKind kind)
{
    for (const KindEntry &k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return {};
}

std::optional<EventKind> parseKind(const QString &name)
{
    for (const KindEntry &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

bool isVote(EventKind kind)
{
    return kind == EventKind::Approved || kind == EventKind::ChangesRequested || kind == EventKind::Rejected;
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject ReviewEvent::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(kEventFormat));
    o.insert(QStringLiteral("contract"), contractId);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("seq"), seq);
    o.insert(QStringLiteral("parents"), QJsonArray::fromStringList(parents));
    o.insert(QStringLiteral("time"), formatTime(time));
    o.insert(QStringLiteral("author"), author);
    putText(o, "authorName", authorName);
    o.insert(QStringLiteral("kind"), kindName(kind));
    putText(o, "text", text);
    putText(o, "field", field);
    putText(o, "replyTo", replyTo);
    if (!data.isEmpty())
        o.insert(QStringLiteral("data"), data);
    return o;
}

QByteArray ReviewEvent::canonicalBytes() const
{
    if (!read.isEmpty() && !readBytes.isEmpty())
        return readBytes;
    // QJsonObject keeps its keys sorted, so the compact form is canonical for what Qt parsed.
    return QJsonDocument(read.isEmpty() ? toJson() : read).toJson(QJsonDocument::Compact);
}

QString computeHash(const ReviewEvent &event)
{
    return QString::fromLatin1(QCryptographicHash::hash(event.canonicalBytes(), QCryptographicHash::Sha256).toHex());
}

void ReviewEvent::seal()
{
    parents.sort();
    read = {};
    readBytes = {};
    hash = computeHash(*this);
}

QString ReviewEvent::fileName() const
{
    return QStringLiteral("%1-%2-%3.json").arg(seq, 4, 10, QLatin1Char('0')).arg(kindName(kind), hash.left(12));
}

QByteArray ReviewEvent::fileText() const
{
    QJsonObject o = toJson();
    o.insert(QStringLiteral("hash"), hash);
    if (!signature.isEmpty())
        o.insert(QStringLiteral("signature"), signature);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<ReviewEvent> parseEvent(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset)
                     : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kEventFormat)) {
        *error = QStringLiteral("not a review event (format is not %1)").arg(QLatin1String(kEventFormat));
        return std::nullopt;
    }
    ReviewEvent e;
    const std::optional<EventKind> kind = parseKind(o.value(QStringLiteral("kind")).toString());
    if (!kind) {
        *error = QStringLiteral("unknown kind '%1'").arg(o.value(QStringLiteral("kind")).toString());
        return std::nullopt;
    }
    e.kind = *kind;
    e.contractId = o.value(QStringLiteral("contract")).toString();
    e.version = o.value(QStringLiteral("version")).toString();
    e.seq = o.value(QStringLiteral("seq")).toInt(-1);
    for (const QJsonValue &p : o.value(QStringLiteral("parents")).toArray())
        e.parents << p.toString();
    e.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    if (!e.time.isValid()) {
        *error = QStringLiteral("no valid time");
        return std::nullopt;
    }
    e.author = o.value(QStringLiteral("author")).toString();
    e.authorName = o.value(QStringLiteral("authorName")).toString();
    e.text = o.value(QStringLiteral("text")).toString();
    e.field = o.value(QStringLiteral("field")).toString();
    e.replyTo = o.value(QStringLiteral("replyTo")).toString();
    e.data = o.value(QStringLiteral("data")).toObject();
    e.hash = o.value(QStringLiteral("hash")).toString();
    // A signature that is not text is kept as given, so it fails to verify rather than vanish.
    const QJsonValue signature = o.value(QStringLiteral("signature"));
    e.signature = signature.isString() || signature.isUndefined() ? signature.toString()
                                                                   : QString::fromUtf8(QJsonDocument(QJsonArray{signature}).toJson());
    e.read = o;
    e.read.remove(QStringLiteral("hash"));
    e.read.remove(QStringLiteral("signature"));
    e.readBytes = e.canonicalBytes();
    return e;
}

} // namespace meshscope::review
