#include "semver.h"

#include <QRegularExpression>

namespace meshscope::diff {

std::optional<SemVer> SemVer::parse(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral(
        R"(^[vV]?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$)"));
    const QRegularExpressionMatch m = shape.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    SemVer v;
    v.major = m.captured(1).toInt();
    v.minor = m.captured(2).toInt();
    v.patch = m.captured(3).toInt();
    v.preRelease = m.captured(4);
    v.build = m.captured(5);
    return v;
}

QString SemVer::core() const
{
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

int compareCore(const SemVer &a, const SemVer &b)
{
    if (a.major != b.major)
        return a.major < b.major ? -1 : 1;
    if (a.minor != b.minor)
        return a.minor < b.minor ? -1 : 1;
    if (a.patch != b.patch)
        return a.patch < b.patch ? -1 : 1;
    return 0;
}

VersionCheck checkVersion(const QString &oldVersion, const QString &newVersion, std::optional<Severity> highest)
{
    VersionCheck check;
    const std::optional<SemVer> from = SemVer::parse(oldVersion);
    if (!from) {
        check.reason = QStringLiteral("the old version '%1' is not a semantic version; nothing to check against")
                           .arg(oldVersion);
        return check;
    }
    SemVer required = *from;
    required.preRelease.clear();
    required.build.clear();
    QString why;
    if (!highest) {
        why = QStringLiteral("nothing changed, so any version from %1 on will do");
    } else if (*highest == Severity::Breaking) {
        required = SemVer{from->major + 1, 0, 0, {}, {}};
        why = QStringLiteral("breaking changes need a new major version, at least %1");
    } else if (*highest == Severity::NonBreaking) {
        required = SemVer{from->major, from->minor + 1, 0, {}, {}};
        why = QStringLiteral("non-breaking changes need a new minor version, at least %1");
    } else {
        required = SemVer{from->major, from->minor, from->patch + 1, {}, {}};
        why = QStringLiteral("documentation changes need a new patch version, at least %1");
    }
    check.required = required.core();
    const std::optional<SemVer> to = SemVer::parse(newVersion);
    if (!to) {
        check.reason = why.arg(check.required) + QStringLiteral("; the new version '%1' is not a semantic version")
                                                    .arg(newVersion);
        return check;
    }
    check.ok = compareCore(*to, required) >= 0;
    check.reason = why.arg(check.required) + QStringLiteral("; %1 is %2")
                                                 .arg(newVersion, check.ok ? QStringLiteral("fine")
                                                                           : QStringLiteral("too low"));
    return check;
}

} // namespace meshscope::diff
