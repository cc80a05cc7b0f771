#include "minutespdf.h"

#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextOption>

bool writeMinutesPdf(const QString &markdown, const QString &path, QString *error)
{
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = probe.errorString();
        return false;
    }
    probe.close();
    QPdfWriter pdf(path);
    pdf.setTitle(QStringLiteral("Council minutes"));
    pdf.setCreator(QStringLiteral("Meshscope"));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    pdf.setResolution(300);

    QTextDocument doc;
    QFont font = doc.defaultFont();
    font.setPointSizeF(10.5);
    doc.setDefaultFont(font);
    // Break lines between words only: the default also breaks anywhere, which split e-mail addresses in
    // the attendee list and the action table across lines.
    QTextOption option = doc.defaultTextOption();
    option.setWrapMode(QTextOption::WordWrap);
    doc.setDefaultTextOption(option);
    doc.setMarkdown(markdown);
    // print() lays the document out on the writer's pages and paints each one.
    doc.print(&pdf);
    return true;
}
