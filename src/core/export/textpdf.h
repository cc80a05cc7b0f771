#pragma once

#include <QByteArray>
#include <QString>

/// A small PDF writer for text reports (diff reports, dashboard data, minutes), written by hand so the
/// headless CLI needs no Qt Gui and no display. A4 pages, the standard Helvetica fonts (no embedding),
/// lines wrapped to the page width, a title in bold and "page N of M" footers.
namespace meshscope::exporting {

/// Lines starting with "# " are headings (bold, larger); "## " sub-headings; others body text.
/// Characters outside Latin-1 are shown as '?' (the standard fonts have no others).
QByteArray textPdf(const QString &title, const QString &text);

} // namespace meshscope::exporting
