#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

/// A small PDF writer for text reports (diff reports, dashboard data, minutes), written by hand so the
/// headless CLI needs no Qt Gui and no display. A4 pages, the standard Helvetica fonts (no embedding),
/// lines wrapped to the page width, a title in bold and "page N of M" footers.
namespace meshscope::exporting {

/// One line placed on a page: `x`, `baseline` in points from the page's top-left corner.
struct PdfLine {
    QString text;
    enum Font { Regular = 1, Bold = 2, Mono = 3 } font = Regular;
    double size = 10;
    double x = 0;
    double baseline = 0;
};

/// The pages of a text report as they will be written: what textPdf() serialises and what a preview
/// paints (src/ui/export), so the preview shows exactly the PDF's lines. The footer is the last line.
struct PdfLayout {
    double pageWidth = 595; ///< A4 in points
    double pageHeight = 842;
    std::vector<std::vector<PdfLine>> pages;
};

/// Lines starting with "# " are headings (bold, larger); "## " sub-headings; lines indented by four
/// spaces monospace; others body text. Long lines wrap, pages break, each page ends with its footer.
PdfLayout layoutTextPdf(const QString &title, const QString &text);

/// The text as the standard fonts show it (WinAnsi: Latin-1 plus typographic quotes, dashes, the
/// ellipsis, bullet, euro): tabs as spaces, '→' as "->", anything else as '?'.
QString pdfShownText(const QString &text);

/// The layout as a PDF, its text in WinAnsi (see pdfShownText()).
QByteArray textPdf(const PdfLayout &layout);
QByteArray textPdf(const QString &title, const QString &text);

} // namespace meshscope::exporting
