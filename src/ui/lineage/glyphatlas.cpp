#include "glyphatlas.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace {
constexpr int kAtlasWidth = 1024;
constexpr int kPadding = 2;
} // namespace

GlyphAtlas::GlyphAtlas(QColor colour, int pixelSize) : m_colour(colour), m_pixelSize(pixelSize)
{
    m_font.setPixelSize(pixelSize);
    const QFontMetricsF fm(m_font);
    m_ascent = fm.ascent();
    m_lineHeight = std::ceil(fm.ascent() + fm.descent());
    for (char16_t c = 32; c < 127; ++c)
        m_chars.append(QChar(c));
    m_chars.append(QChar(0x2026)); // ellipsis for elided labels
    m_chars.append(QChar(0x00b7)); // middle dot between kind and domain
    render();
}

bool GlyphAtlas::ensure(const QString &text)
{
    bool added = false;
    for (QChar c : text) {
        if (c.isSurrogate() || !c.isPrint() || m_chars.contains(c))
            continue;
        m_chars.append(c);
        added = true;
    }
    if (added)
        render();
    return added;
}

const GlyphAtlas::Glyph &GlyphAtlas::glyph(QChar c) const
{
    const auto it = m_glyphs.constFind(c);
    return it != m_glyphs.constEnd() ? *it : m_fallback;
}

qreal GlyphAtlas::advance(const QString &text) const
{
    qreal w = 0;
    for (QChar c : text)
        w += glyph(c).advance;
    return w;
}

void GlyphAtlas::render()
{
    const QFontMetricsF fm(m_font);
    // Lay the cells out in rows first to know the image height.
    struct Cell {
        QChar c;
        int x, y, w;
        qreal advance;
    };
    std::vector<Cell> cells;
    int x = 0;
    int y = 0;
    const int rowHeight = int(m_lineHeight) + 2 * kPadding;
    for (QChar c : std::as_const(m_chars)) {
        const qreal adv = fm.horizontalAdvance(c);
        const QRectF bounds = fm.boundingRect(c);
        const int w = int(std::ceil(std::max(adv, bounds.right()) - std::min<qreal>(0, bounds.left()))) + 2 * kPadding;
        if (x + w > kAtlasWidth) {
            x = 0;
            y += rowHeight;
        }
        cells.push_back({c, x, y, w, adv});
        x += w;
    }
    const int height = y + rowHeight;
    m_image = QImage(kAtlasWidth, height, QImage::Format_ARGB32_Premultiplied);
    m_image.fill(Qt::transparent);
    QPainter p(&m_image);
    p.setFont(m_font);
    p.setPen(m_colour);
    p.setRenderHint(QPainter::TextAntialiasing);
    m_glyphs.clear();
    for (const Cell &cell : cells) {
        const QRectF bounds = fm.boundingRect(cell.c);
        const qreal left = std::min<qreal>(0, bounds.left());
        p.drawText(QPointF(cell.x + kPadding - left, cell.y + kPadding + m_ascent), QString(cell.c));
        Glyph g;
        // The quad starts at the pen position minus the padding and left bearing.
        g.uv = QRectF(qreal(cell.x) / kAtlasWidth, qreal(cell.y) / height, qreal(cell.w) / kAtlasWidth,
                      qreal(rowHeight) / height);
        g.width = cell.w;
        g.height = rowHeight;
        g.advance = cell.advance;
        g.left = left - kPadding;
        g.top = -(kPadding + m_ascent);
        m_glyphs.insert(cell.c, g);
    }
    p.end();
    m_fallback = m_glyphs.value(QLatin1Char('?'));
    ++m_generation;
}
