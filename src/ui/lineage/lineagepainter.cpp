#include "lineagepainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

QColor faded(QColor c, bool dimmed)
{
    if (dimmed)
        c.setAlphaF(c.alphaF() * 0.22f);
    return c;
}

QPolygonF arrow(QPointF from, QPointF tip, qreal size)
{
    const QPointF d = tip - from;
    const qreal len = std::hypot(d.x(), d.y());
    if (len <= 0)
        return {};
    const QPointF u = d / len;
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * size;
    return QPolygonF({tip, base + n * (size * 0.45), base - n * (size * 0.45)});
}

} // namespace

void paintLineageScene(QPainter &p, const LineageScene &scene, const QRectF &area)
{
    const LineageScene::Colours &col = scene.colours;
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(area, col.background);
    QFont label = p.font();
    label.setPixelSize(14);
    QFont small = label;
    small.setPixelSize(11);

    for (const LineageScene::Group &g : scene.groups) {
        if (!g.rect.intersects(area))
            continue;
        QColor fill = g.colour;
        fill.setAlphaF(0.08f);
        QColor line = g.colour;
        line.setAlphaF(0.55f);
        p.setPen(QPen(line, 1.2));
        p.setBrush(fill);
        p.drawRect(g.rect);
        p.setFont(small);
        p.setPen(col.text);
        p.drawText(QPointF(g.rect.left() + 4, g.rect.top() - 5), g.label);
    }
    for (const LineageScene::Edge &e : scene.edges) {
        if (e.points.size() < 2)
            continue;
        const QColor c = faded(e.highlighted ? col.highlight : col.edge, e.dimmed);
        p.setPen(QPen(c, e.highlighted ? 2.5 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(e.points.data(), int(e.points.size()));
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPolygon(arrow(e.points[e.points.size() - 2], e.points.back(), e.highlighted ? 11 : 8));
    }
    for (const LineageScene::Node &n : scene.nodes) {
        if (!n.rect.intersects(area))
            continue;
        const bool strong = n.selected || n.highlighted || n.seed;
        p.setPen(QPen(faded(strong ? col.highlight : col.nodeBorder, n.dimmed), n.selected ? 3 : (strong ? 2 : 1)));
        p.setBrush(faded(col.nodeFill, n.dimmed));
        p.drawRect(n.rect);
        p.fillRect(QRectF(n.rect.left() + 1, n.rect.top() + 1, 5, n.rect.height() - 2), faded(n.accent, n.dimmed));
        qreal x = n.rect.right() - 14;
        for (const auto &[on, c] : {std::pair{n.failing, col.failing}, std::pair{n.stale, col.stale},
                                    std::pair{n.breaking, col.breaking}, std::pair{n.contractMissing, col.textMuted}}) {
            if (!on)
                continue;
            p.fillRect(QRectF(x, n.rect.top() + 5, 9, 9), faded(c, n.dimmed));
            x -= 12;
        }
        p.setPen(faded(col.text, n.dimmed));
        p.setFont(label);
        const QFontMetricsF fm(label);
        const qreal left = n.rect.left() + 12;
        if (!n.detail.isEmpty()) {
            p.drawText(QPointF(left, n.rect.top() + 18), fm.elidedText(n.label, Qt::ElideRight, n.rect.width() - 56));
            p.setFont(small);
            p.drawText(QPointF(left, n.rect.top() + 33),
                       QFontMetricsF(small).elidedText(n.detail, Qt::ElideRight, n.rect.width() - 20));
        } else {
            p.drawText(QPointF(left, n.rect.center().y() + 5), fm.elidedText(n.label, Qt::ElideRight, n.rect.width() - 20));
        }
        p.setFont(small);
        for (const auto &[text, cx] : {std::pair{n.moreUp, n.rect.left() - 15}, std::pair{n.moreDown, n.rect.right() + 15}}) {
            if (text.isEmpty())
                continue;
            const QRectF pill(cx - 13, n.rect.center().y() - 8, 26, 16);
            p.fillRect(pill, faded(col.nodeBorder, n.dimmed));
            p.drawText(pill, Qt::AlignCenter, text);
        }
    }
}
