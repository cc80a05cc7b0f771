#include "lineagescene.h"

#include <cmath>

int LineageScene::nodeAt(QPointF p) const
{
    for (int i = int(nodes.size()) - 1; i >= 0; --i) {
        if (nodes[size_t(i)].rect.contains(p))
            return i;
    }
    return -1;
}

int LineageScene::indexOf(const QString &id) const
{
    for (int i = 0; i < int(nodes.size()); ++i) {
        if (nodes[size_t(i)].id == id)
            return i;
    }
    return -1;
}

int LineageScene::neighbour(int from, const QString &direction) const
{
    if (from < 0 || from >= int(nodes.size()))
        return -1;
    const QRectF origin = nodes[size_t(from)].rect;
    int best = -1;
    qreal bestDistance = 0;
    auto consider = [&](int candidate, qreal distance) {
        if (candidate >= 0 && candidate != from && (best < 0 || distance < bestDistance)) {
            best = candidate;
            bestDistance = distance;
        }
    };
    if (direction == u"upstream" || direction == u"downstream") {
        const bool up = direction == u"upstream";
        for (const Edge &e : edges) {
            const int other = up ? (e.target == from ? e.source : -1) : (e.source == from ? e.target : -1);
            if (other >= 0)
                consider(other, std::abs(nodes[size_t(other)].rect.center().y() - origin.center().y()));
        }
    } else if (direction == u"above" || direction == u"below") {
        const bool above = direction == u"above";
        for (int i = 0; i < int(nodes.size()); ++i) {
            const QRectF r = nodes[size_t(i)].rect;
            if (std::abs(r.center().x() - origin.center().x()) > origin.width() / 2)
                continue;
            const qreal dy = r.center().y() - origin.center().y();
            if ((above && dy < 0) || (!above && dy > 0))
                consider(i, std::abs(dy));
        }
    }
    return best;
}
