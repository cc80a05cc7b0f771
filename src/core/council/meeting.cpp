#include "meeting.h"

#include "io/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace meshscope::council {

namespace {

constexpr std::pair<Outcome, const char *> kOutcomes[] = {
    {Outcome::Approve, "approve"}, {Outcome::Reject, "reject"}, {Outcome::Defer, "defer"}, {Outcome::Action, "action"}};

QJsonArray stringsJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsFrom(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

QJsonObject itemJson(const AgendaItem &item)
{
    return {{QStringLiteral("key"), item.key},         {QStringLiteral("kind"), kindId(item.kind)},
            {QStringLiteral("subject"), item.subjectId}, {QStringLiteral("title"), item.title},
            {QStringLiteral("reason"), item.reason},     {QStringLiteral("domain"), item.domainId},
            {QStringLiteral("evidence"), stringsJson(item.evidence)}, {QStringLiteral("minutes"), item.minutes}};
}

} // namespace

QString outcomeId(Outcome outcome)
{
    for (const auto &[o, id] : kOutcomes) {
        if (o == outcome)
            return QLatin1String(id);
    }
    return {};
}

std::optional<Outcome> outcomeFromId(const QString &id)
{
    for (const auto &[o, name] : kOutcomes) {
        if (id == QLatin1String(name))
            return o;
    }
    return std::nullopt;
}

const Decision *Meeting::decisionFor(const QString &itemKey) const
{
    for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
        if (it->itemKey == itemKey)
            return &*it;
    }
    return nullptr;
}

void Meeting::decide(Decision decision)
{
    std::erase_if(decisions, [&](const Decision &d) { return d.itemKey == decision.itemKey; });
    decisions.push_back(std::move(decision));
}

Meeting startMeeting(const QString &title, const QDateTime &now, std::vector<AgendaItem> agenda)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    Meeting m;
    m.title = title;
    m.started = now;
    QString slug = title.toLower().replace(nonWord, QStringLiteral("-"));
    while (slug.endsWith(u'-'))
        slug.chop(1);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    m.id = now.date().toString(Qt::ISODate) + (slug.isEmpty() ? QString() : u'-' + slug);
    m.agenda = std::move(agenda);
    return m;
}

QString defaultMeetingTitle()
{
    return QStringLiteral("Mesh Governance Council");
}

QString meetingsFolder(const QStringList &sources, const QString &fallback)
{
    for (const QString &source : sources) {
        if (QFileInfo(source).isDir())
            return QDir(source).filePath(QStringLiteral("council/meetings"));
    }
    return fallback + QStringLiteral("/council/meetings");
}

Meeting todaysMeeting(const QString &folder, const QString &title, const QDateTime &now, std::vector<AgendaItem> agenda,
                      QString *path, QString *error)
{
    Meeting meeting = startMeeting(title.isEmpty() ? defaultMeetingTitle() : title, now, {});
    const QString file = QDir(folder).filePath(meeting.id + QStringLiteral(".json"));
    if (path)
        *path = file;
    if (QFileInfo::exists(file)) {
        QString readError;
        if (auto saved = loadMeeting(file, &readError))
            meeting = std::move(*saved);
        else if (error)
            *error = readError;
    }
    QSet<QString> known;
    for (const AgendaItem &item : meeting.agenda)
        known.insert(item.key);
    for (AgendaItem &item : agenda) {
        if (!known.contains(item.key))
            meeting.agenda.push_back(std::move(item));
    }
    return meeting;
}

std::optional<QDate> parseDueDate(const QString &text, const QDate &today)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return QDate();
    if (const QDate iso = QDate::fromString(t, Qt::ISODate); iso.isValid())
        return iso;
    if (t == u"today")
        return today;
    if (t == u"tomorrow")
        return today.addDays(1);
    if (t == u"next week")
        return today.addDays(7);
    static const QRegularExpression in(QStringLiteral("^in (\\d{1,3}) (day|days|week|weeks)$"));
    if (const QRegularExpressionMatch m = in.match(t); m.hasMatch()) {
        const int n = m.captured(1).toInt();
        return today.addDays(m.captured(2).startsWith(u"week") ? 7 * n : n);
    }
    static const QStringList weekdays{QStringLiteral("monday"), QStringLiteral("tuesday"), QStringLiteral("wednesday"),
                                      QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"),
                                      QStringLiteral("sunday")};
    if (const qsizetype day = weekdays.indexOf(t); day >= 0) {
        const int ahead = (int(day) + 1 - today.dayOfWeek() + 7) % 7;
        return today.addDays(ahead == 0 ? 7 : ahead);
    }
    return std::nullopt;
}

int settledCount(const Meeting &meeting)
{
    return int(std::count_if(meeting.decisions.begin(), meeting.decisions.end(),
                             [](const Decision &d) { return d.outcome != Outcome::Defer; }));
}

QJsonObject toJson(const Meeting &m)
{
    QJsonArray agenda;
    for (const AgendaItem &item : m.agenda)
        agenda.append(itemJson(item));
    QJsonArray decisions;
    for (const Decision &d : m.decisions) {
        decisions.append(QJsonObject{{QStringLiteral("item"), d.itemKey},
                                     {QStringLiteral("outcome"), outcomeId(d.outcome)},
                                     {QStringLiteral("note"), d.note},
                                     {QStringLiteral("at"), d.at.toUTC().toString(Qt::ISODate)}});
    }
    QJsonArray actions;
    for (const ActionItem &a : m.actions) {
        actions.append(QJsonObject{{QStringLiteral("item"), a.itemKey},
                                   {QStringLiteral("text"), a.text},
                                   {QStringLiteral("owner"), a.owner},
                                   {QStringLiteral("due"), a.due.toString(Qt::ISODate)}});
    }
    return {{QStringLiteral("meshscopeMeeting"), 1},
            {QStringLiteral("id"), m.id},
            {QStringLiteral("title"), m.title},
            {QStringLiteral("started"), m.started.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("attendees"), stringsJson(m.attendees)},
            {QStringLiteral("agenda"), agenda},
            {QStringLiteral("decisions"), decisions},
            {QStringLiteral("actions"), actions},
            {QStringLiteral("notes"), m.notes}};
}

std::optional<Meeting> meetingFromJson(const QJsonObject &o, QString *error)
{
    if (!o.contains(QStringLiteral("meshscopeMeeting")) || !o.value(QStringLiteral("agenda")).isArray()) {
        if (error)
            *error = QStringLiteral("not a Meshscope meeting record (no `meshscopeMeeting` and `agenda`)");
        return std::nullopt;
    }
    Meeting m;
    m.id = o.value(QStringLiteral("id")).toString();
    m.title = o.value(QStringLiteral("title")).toString();
    m.started = QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODate);
    m.attendees = stringsFrom(o.value(QStringLiteral("attendees")));
    m.notes = o.value(QStringLiteral("notes")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("agenda")).toArray()) {
        const QJsonObject i = v.toObject();
        AgendaItem item;
        item.key = i.value(QStringLiteral("key")).toString();
        item.kind = kindFromId(i.value(QStringLiteral("kind")).toString()).value_or(AgendaKind::Proposal);
        item.subjectId = i.value(QStringLiteral("subject")).toString();
        item.title = i.value(QStringLiteral("title")).toString();
        item.reason = i.value(QStringLiteral("reason")).toString();
        item.domainId = i.value(QStringLiteral("domain")).toString();
        item.evidence = stringsFrom(i.value(QStringLiteral("evidence")));
        item.minutes = i.value(QStringLiteral("minutes")).toInt(5);
        m.agenda.push_back(std::move(item));
    }
    for (const QJsonValue &v : o.value(QStringLiteral("decisions")).toArray()) {
        const QJsonObject d = v.toObject();
        const auto outcome = outcomeFromId(d.value(QStringLiteral("outcome")).toString());
        if (!outcome) {
            if (error)
                *error = QStringLiteral("decision on '%1' has an unknown outcome '%2'")
                             .arg(d.value(QStringLiteral("item")).toString(), d.value(QStringLiteral("outcome")).toString());
            return std::nullopt;
        }
        m.decisions.push_back({d.value(QStringLiteral("item")).toString(), *outcome,
                               d.value(QStringLiteral("note")).toString(),
                               QDateTime::fromString(d.value(QStringLiteral("at")).toString(), Qt::ISODate)});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("actions")).toArray()) {
        const QJsonObject a = v.toObject();
        m.actions.push_back({a.value(QStringLiteral("item")).toString(), a.value(QStringLiteral("text")).toString(),
                             a.value(QStringLiteral("owner")).toString(),
                             QDate::fromString(a.value(QStringLiteral("due")).toString(), Qt::ISODate)});
    }
    return m;
}

bool saveMeeting(const Meeting &meeting, const QString &path, QString *error)
{
    // Atomic, and a link planted at `path` (meeting files are named from the date and title, so
    // they can be guessed) is replaced, never written through: QSaveFile would follow it.
    QString why;
    if (io::writeFileAtomically(path, QJsonDocument(toJson(meeting)).toJson(QJsonDocument::Indented), &why))
        return true;
    if (error)
        *error = why;
    return false;
}

std::optional<Meeting> loadMeeting(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull()) {
        if (error)
            *error = QStringLiteral("%1: offset %2: %3").arg(path).arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    QString why;
    auto meeting = meetingFromJson(doc.object(), &why);
    if (!meeting && error)
        *error = QStringLiteral("%1: %2").arg(path, why);
    return meeting;
}

} // namespace meshscope::council
