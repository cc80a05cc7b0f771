#include "minutes.h"

namespace meshscope::council {

namespace {

/// Markdown puts meaning in these; names and notes come from people and must show as written.
QString escaped(QString text)
{
    static const QString special = QStringLiteral("\\`*_{}[]<>#|");
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString outcomeLabel(Outcome o)
{
    switch (o) {
    case Outcome::Approve: return QStringLiteral("**Approved**");
    case Outcome::Reject: return QStringLiteral("**Rejected**");
    case Outcome::Defer: return QStringLiteral("**Deferred**");
    case Outcome::Action: return QStringLiteral("**Action**");
    }
    return {};
}

} // namespace

QString minutesMarkdown(const Meeting &m, const std::function<QString(const QString &)> &contractLink)
{
    QString md;
    md += QStringLiteral("# %1\n\n").arg(escaped(m.title.isEmpty() ? QStringLiteral("Council meeting") : m.title));
    md += QStringLiteral("%1\n\n").arg(m.started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    md += QStringLiteral("## Attendees\n\n");
    if (m.attendees.isEmpty())
        md += QStringLiteral("*No attendees recorded.*\n");
    for (const QString &a : m.attendees)
        md += QStringLiteral("- %1\n").arg(escaped(a));

    md += QStringLiteral("\n## Decisions\n\n");
    int number = 0;
    for (const AgendaItem &item : m.agenda) {
        ++number;
        QString subject = escaped(item.title);
        if (item.kind == AgendaKind::Proposal && contractLink) {
            const QString target = contractLink(item.subjectId);
            if (!target.isEmpty())
                subject = QStringLiteral("[%1](%2)").arg(subject, target);
        }
        md += QStringLiteral("### %1. %2\n\n").arg(number).arg(subject);
        md += QStringLiteral("%1 · %2%3\n\n")
                  .arg(kindLabel(item.kind), escaped(item.reason),
                       item.domainId.isEmpty() ? QString() : QStringLiteral(" · domain %1").arg(escaped(item.domainId)));
        const Decision *d = m.decisionFor(item.key);
        if (!d)
            md += QStringLiteral("Not decided.\n\n");
        else
            md += outcomeLabel(d->outcome) + (d->note.isEmpty() ? QString() : QStringLiteral(": ") + escaped(d->note))
                + QStringLiteral("\n\n");
    }

    md += QStringLiteral("## Action items\n\n");
    if (m.actions.empty())
        md += QStringLiteral("*None.*\n");
    else {
        // Each action names the agenda item it was added under, as numbered in the decisions above.
        md += QStringLiteral("| Item | Action | Owner | Due |\n|---|---|---|---|\n");
        for (const ActionItem &a : m.actions) {
            QString item = QStringLiteral("Meeting");
            for (size_t i = 0; i < m.agenda.size(); ++i) {
                if (!a.itemKey.isEmpty() && m.agenda[i].key == a.itemKey)
                    item = QStringLiteral("%1. %2").arg(i + 1).arg(escaped(m.agenda[i].title));
            }
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                      .arg(item, escaped(a.text), escaped(a.owner),
                           a.due.isValid() ? a.due.toString(Qt::ISODate) : QStringLiteral("—"));
        }
    }
    if (!m.notes.trimmed().isEmpty())
        md += QStringLiteral("\n## Notes\n\n%1\n").arg(escaped(m.notes.trimmed()));
    return md;
}

} // namespace meshscope::council
