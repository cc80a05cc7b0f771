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

QString outcomeWord(Outcome o)
{
    switch (o) {
    case Outcome::Approve: return QStringLiteral("Approved");
    case Outcome::Reject: return QStringLiteral("Rejected");
    case Outcome::Defer: return QStringLiteral("Deferred");
    case Outcome::Action: return QStringLiteral("Action");
    }
    return {};
}

QString outcomeLabel(Outcome o)
{
    return QStringLiteral("**%1**").arg(outcomeWord(o));
}

/// "2. <title>" for the agenda item an action was added under (numbered as under Decisions), else "Meeting".
QString actionItemName(const Meeting &m, const ActionItem &a, const std::function<QString(const QString &)> &quote)
{
    for (size_t i = 0; i < m.agenda.size(); ++i) {
        if (!a.itemKey.isEmpty() && m.agenda[i].key == a.itemKey)
            return QStringLiteral("%1. %2").arg(i + 1).arg(quote(m.agenda[i].title));
    }
    return QStringLiteral("Meeting");
}

QString dueText(const ActionItem &a)
{
    return a.due.isValid() ? a.due.toString(Qt::ISODate) : QStringLiteral("—");
}

QString itemLine(const AgendaItem &item, const std::function<QString(const QString &)> &quote)
{
    return QStringLiteral("%1 · %2%3").arg(kindLabel(item.kind), quote(item.reason),
                                          item.domainId.isEmpty() ? QString()
                                                                  : QStringLiteral(" · domain %1").arg(quote(item.domainId)));
}

QString plain(const QString &text)
{
    return text;
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
        md += itemLine(item, escaped) + QStringLiteral("\n\n");
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
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                      .arg(actionItemName(m, a, escaped), escaped(a.text), escaped(a.owner), dueText(a));
        }
    }
    if (!m.notes.trimmed().isEmpty())
        md += QStringLiteral("\n## Notes\n\n%1\n").arg(escaped(m.notes.trimmed()));
    return md;
}

QString minutesText(const Meeting &m)
{
    QString t;
    t += QStringLiteral("# %1\n").arg(m.title.isEmpty() ? QStringLiteral("Council meeting") : m.title);
    t += m.started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) + QStringLiteral("\n\n## Attendees\n");
    t += m.attendees.isEmpty() ? QStringLiteral("No attendees recorded.\n")
                               : QStringLiteral("• ") + m.attendees.join(QStringLiteral("\n• ")) + u'\n';
    t += QStringLiteral("\n## Decisions\n");
    int number = 0;
    for (const AgendaItem &item : m.agenda) {
        t += QStringLiteral("\n%1. %2\n%3\n").arg(++number).arg(item.title, itemLine(item, plain));
        const Decision *d = m.decisionFor(item.key);
        t += d ? outcomeWord(d->outcome) + (d->note.isEmpty() ? QString() : QStringLiteral(": ") + d->note) + u'\n'
               : QStringLiteral("Not decided.\n");
    }
    t += QStringLiteral("\n## Action items\n");
    if (m.actions.empty())
        t += QStringLiteral("None.\n");
    for (const ActionItem &a : m.actions) {
        t += QStringLiteral("• %1 — %2, due %3 (item %4)\n")
                 .arg(a.text, a.owner.isEmpty() ? QStringLiteral("no owner") : a.owner, dueText(a), actionItemName(m, a, plain));
    }
    if (!m.notes.trimmed().isEmpty())
        t += QStringLiteral("\n## Notes\n%1\n").arg(m.notes.trimmed());
    return t;
}

} // namespace meshscope::council
