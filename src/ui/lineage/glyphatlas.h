#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QRectF>
#include <QString>

/// @brief The glyphs of the lineage labels rendered once into one image, so labels are drawn as textured
/// quads in a few batched geometry nodes (Qt 6.4 has no public QSGTextNode). Glyphs are rendered large
/// and scaled down by the view transform; characters are added on demand.
class GlyphAtlas {
public:
    struct Glyph {
        QRectF uv;        ///< normalised texture rectangle
        qreal width = 0;  ///< cell size in atlas pixels
        qreal height = 0;
        qreal advance = 0; ///< pen advance in atlas pixels
        qreal left = 0;    ///< quad's left edge relative to the pen position
        qreal top = 0;     ///< quad's top edge relative to the baseline
    };

    explicit GlyphAtlas(QColor colour = QColor(0x1b, 0x22, 0x30), int pixelSize = 32);

    /// Adds the characters of `text` that are missing; true when the image changed.
    bool ensure(const QString &text);
    /// The glyph for `c`, or the one for '?' when `c` cannot be drawn.
    const Glyph &glyph(QChar c) const;
    /// Width of `text` in atlas pixels.
    qreal advance(const QString &text) const;

    const QImage &image() const { return m_image; }
    /// Bumped whenever the image changes, so a canvas knows to upload it again.
    quint64 generation() const { return m_generation; }
    int pixelSize() const { return m_pixelSize; }
    qreal ascent() const { return m_ascent; }
    QColor colour() const { return m_colour; }

private:
    void render();

    QColor m_colour;
    int m_pixelSize;
    QFont m_font;
    qreal m_ascent = 0;
    qreal m_lineHeight = 0;
    QString m_chars;
    QHash<QChar, Glyph> m_glyphs;
    Glyph m_fallback;
    QImage m_image;
    quint64 m_generation = 0;
};
