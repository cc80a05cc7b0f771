#include "export/textpdf.h"

#include <QStringList>

#include <vector>

namespace meshscope::exporting {

namespace {

constexpr int kPageWidth = 595; // A4 in points
constexpr int kPageHeight = 842;
constexpr int kMargin = 56;

struct Line {
    QString text;
    int font = 1; ///< 1 regular, 2 bold, 3 monospace
    double size = 10;
};

/// A PDF string literal in WinAnsi/Latin-1, with ( ) \ escaped.
QByteArray pdfString(const QString &text)
{
    QByteArray out("(");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        char ch = u < 256 ? char(u) : '?';
        if (u == 0x2014 || u == 0x2013)
            ch = '-';
        if (ch == '(' || ch == ')' || ch == '\\')
            out += '\\';
        if (ch == '\t')
            ch = ' ';
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

QByteArray textPdf(const QString &title, const QString &text)
{
    std::vector<Line> lines;
    lines.push_back({title, 2, 16});
    lines.push_back({QString(), 1, 10});
    for (const QString &raw : text.split(u'\n')) {
        Line l;
        if (raw.startsWith(QStringLiteral("# ")))
            l = {raw.mid(2), 2, 14};
        else if (raw.startsWith(QStringLiteral("## ")))
            l = {raw.mid(3), 2, 12};
        else
            l = {raw, raw.startsWith(QStringLiteral("    ")) ? 3 : 1, 10};
        for (const QString &w : wrap(l.text, l.size, l.font == 3))
            lines.push_back({w, l.font, l.size});
    }

    // Pages: fill top to bottom, leaving room for the footer.
    std::vector<std::vector<Line>> pages(1);
    double y = kPageHeight - kMargin;
    for (const Line &l : lines) {
        const double step = l.size * 1.35;
        if (y - step < kMargin + 20) {
            pages.emplace_back();
            y = kPageHeight - kMargin;
        }
        y -= step;
        pages.back().push_back(l);
    }

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
        double ly = kPageHeight - kMargin;
        for (const Line &l : pages[i]) {
            ly -= l.size * 1.35;
            if (l.text.isEmpty())
                continue;
            content += "BT /F" + QByteArray::number(l.font) + ' ' + QByteArray::number(l.size) + " Tf "
                       + QByteArray::number(kMargin) + ' ' + QByteArray::number(ly, 'f', 1) + " Td "
                       + pdfString(l.text) + " Tj ET\n";
        }
        content += "BT /F1 8 Tf " + QByteArray::number(kMargin) + " 30 Td "
                   + pdfString(QStringLiteral("%1 - page %2 of %3").arg(title).arg(i + 1).arg(pages.size()))
                   + " Tj ET\n";
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
