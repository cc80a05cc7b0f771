#include "lineagescene.h"

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
