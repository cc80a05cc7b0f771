#include "export/textpdf.h"

#include <QStringList>

#include <vector>

namespace meshscope::exporting {

namespace {

constexpr int kPageWidth = 595; // A4 in points
constexpr int kPageHeight = 842;
constexpr int kMargin = 56;

/// The WinAnsi (Windows-1252) byte of the characters beyond Latin-1 it can show: typographic
/// quotes, dashes, the ellipsis the diff uses when it shortens a value, bullet, euro, trade mark.
char winAnsiByte(char16_t u)
{
    switch (u) {
    case 0x20AC: return char(0x80);
    case 0x2026: return char(0x85);
    case 0x2018: return char(0x91);
    case 0x2019: return char(0x92);
    case 0x201C: return char(0x93);
    case 0x201D: return char(0x94);
    case 0x2022: return char(0x95);
    case 0x2013: return char(0x96);
    case 0x2014: return char(0x97);
    case 0x2122: return char(0x99);
    default: return 0;
    }
}

/// A PDF string literal in WinAnsi, with ( ) and backslash escaped.
QByteArray pdfString(const QString &text)
{
    QByteArray out("(");
    for (const QChar c : pdfShownText(text)) {
        const char16_t u = c.unicode();
        const char ch = u < 256 ? char(u) : winAnsiByte(u);
        if (ch == '(' || ch == ')' || ch == '\\')
            out += '\\';
        out += ch;
    }
    return out + ')';
}

/// Wraps at spaces so a line of `size` points fits the text width (Helvetica averages ~0.5em).
QStringList wrap(const QString &text, double size, bool mono)
{
    const int maxChars = int((kPageWidth - 2 * kMargin) / (size * (mono ? 0.6 : 0.5)));
    QStringList lines;
    QString rest = text;
    while (rest.size() > maxChars) {
        int cut = rest.lastIndexOf(u' ', maxChars);
        if (cut <= maxChars / 3)
            cut = maxChars;
        lines << rest.left(cut);
        rest = rest.mid(cut).trimmed().prepend(QStringLiteral("  "));
    }
    lines << rest;
    return lines;
}

} // namespace

QString pdfShownText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\t')
            out += u' ';
        else if (u == 0x2192) // the arrow of "old → new"
            out += QStringLiteral("->");
        else
            out += u < 256 || winAnsiByte(u) ? c : QChar(u'?');
    }
    return out;
}

PdfLayout layoutTextPdf(const QString &title, const QString &text)
{
    std::vector<PdfLine> lines;
    lines.push_back({title, PdfLine::Bold, 16});
    lines.push_back({QString(), PdfLine::Regular, 10});
    for (const QString &raw : text.split(u'\n')) {
        PdfLine l;
        if (raw.startsWith(QStringLiteral("# ")))
            l = {raw.mid(2), PdfLine::Bold, 14};
        else if (raw.startsWith(QStringLiteral("## ")))
            l = {raw.mid(3), PdfLine::Bold, 12};
        else
            l = {raw, raw.startsWith(QStringLiteral("    ")) ? PdfLine::Mono : PdfLine::Regular, 10};
        for (const QString &w : wrap(l.text, l.size, l.font == PdfLine::Mono))
            lines.push_back({w, l.font, l.size});
    }

    // Pages: fill top to bottom, leaving room for the footer.
    PdfLayout layout;
    layout.pages.resize(1);
    double y = kMargin;
    for (PdfLine l : lines) {
        const double step = l.size * 1.35;
        if (y + step > kPageHeight - kMargin - 20) {
            layout.pages.emplace_back();
            y = kMargin;
        }
        y += step;
        l.x = kMargin;
        l.baseline = y;
        if (!l.text.isEmpty())
            layout.pages.back().push_back(l);
    }
    const int count = int(layout.pages.size());
    for (int i = 0; i < count; ++i)
        layout.pages[size_t(i)].push_back({QStringLiteral("%1 - page %2 of %3").arg(title).arg(i + 1).arg(count),
                                           PdfLine::Regular, 8, double(kMargin), double(kPageHeight - 30)});
    return layout;
}

QByteArray textPdf(const QString &title, const QString &text)
{
    return textPdf(layoutTextPdf(title, text));
}

QByteArray textPdf(const PdfLayout &layout)
{
    const auto &pages = layout.pages;
    // Objects: 1 catalog, 2 pages, 3-5 fonts, then per page its page object and content stream.
    std::vector<QByteArray> objects;
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    QByteArray kids;
    for (size_t i = 0; i < pages.size(); ++i)
        kids += QByteArray::number(int(6 + 2 * i)) + " 0 R ";
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(int(pages.size())) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>");
    for (size_t i = 0; i < pages.size(); ++i) {
        QByteArray content;
        for (const PdfLine &l : pages[i]) {
            // PDF measures from the bottom-left corner.
            content += "BT /F" + QByteArray::number(int(l.font)) + ' ' + QByteArray::number(l.size) + " Tf "
                       + QByteArray::number(l.x) + ' ' + QByteArray::number(layout.pageHeight - l.baseline, 'f', 1)
                       + " Td " + pdfString(l.text) + " Tj ET\n";
        }
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + QByteArray::number(kPageWidth) + ' '
                          + QByteArray::number(kPageHeight)
                          + "] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents "
                          + QByteArray::number(int(7 + 2 * i)) + " 0 R >>");
        objects.push_back("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content
                          + "endstream");
    }

    QByteArray pdf("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    std::vector<qsizetype> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += QByteArray::number(int(i + 1)) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(int(objects.size() + 1)) + "\n0000000000 65535 f \n";
    for (const qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(int(objects.size() + 1)) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace meshscope::exporting
