#include "export/meshsvg.h"

#include "export/htmltext.h"
#include "layout/layoutgraph.h"

#include <QSet>

#include <functional>

#include <algorithm>
#include <cmath>

namespace meshscope::exporting {

using domainmap::DomainMap;
using domainmap::Health;

namespace {

constexpr double kNodeWidth = 190;
constexpr double kNodeHeight = 44;
constexpr double kMargin = 24;

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

QString elide(const QString &text, int max)
{
    return text.size() <= max ? text : text.left(max - 1) + QChar(0x2026);
}

} // namespace

QString svgStart(double width, double height)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                          "width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" font-family=\"sans-serif\" font-size=\"12\">\n"
                          "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                          "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6b7280\"/></marker></defs>\n"
                          "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
        .arg(num(width), num(height));
}

QString svgGroup(const QRectF &r, const QString &label)
{
    return QStringLiteral("<g class=\"domain\"><rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"6\" "
                          "fill=\"#f3f4f6\" stroke=\"#d1d5db\"/><text x=\"%5\" y=\"%6\" fill=\"#4b5563\">%7</text></g>\n")
        .arg(num(r.x()), num(r.y()), num(r.width()), num(r.height()), num(r.x() + 6), num(r.y() - 4),
             htmlEscape(elide(label, 40)));
}

QString svgEdge(const std::vector<QPointF> &route, const QString &colour, double width)
{
    if (route.size() < 2)
        return {};
    QString points;
    for (const QPointF &p : route)
        points += num(p.x()) + u',' + num(p.y()) + u' ';
    return QStringLiteral("<polyline class=\"edge\" points=\"%1\" fill=\"none\" stroke=\"%2\" "
                          "stroke-width=\"%3\" marker-end=\"url(#arrow)\"/>\n")
        .arg(points.trimmed(), colour, num(width));
}

QString svgNode(const SvgNode &n)
{
    const QRectF &r = n.rect;
    const double textX = r.x() + (n.dot.isEmpty() ? 10 : 26);
    const int maxChars = std::max(4, int((r.width() - (textX - r.x()) - 6) / 7));
    const double labelY = n.detail.isEmpty() ? r.center().y() + 4 : r.center().y() - 2;
    QString node = QStringLiteral("<g class=\"node\"><title>%1</title><rect x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" "
                                  "rx=\"5\" fill=\"%6\" stroke=\"%7\" stroke-width=\"%8\"/>")
                       .arg(htmlEscape(n.id), num(r.x()), num(r.y()), num(r.width()), num(r.height()), n.fill, n.stroke,
                            num(n.strokeWidth));
    if (!n.dot.isEmpty())
        node += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"5\" fill=\"%3\"/>")
                    .arg(num(r.x() + 14), num(r.center().y()), n.dot);
    node += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#111827\"%3>%4</text>")
                .arg(num(textX), num(labelY), n.bold ? QStringLiteral(" font-weight=\"bold\"") : QString(),
                     htmlEscape(elide(n.label, maxChars)));
    if (!n.detail.isEmpty())
        node += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"#4b5563\" font-size=\"10\">%3</text>")
                    .arg(num(textX), num(labelY + 14), htmlEscape(elide(n.detail, maxChars + 4)));
    node += QStringLiteral("</g>");
    if (!n.link.isEmpty())
        node = QStringLiteral("<a xlink:href=\"%1\" href=\"%1\" target=\"_top\">%2</a>").arg(htmlEscape(n.link), node);
    return node + u'\n';
}

QString healthColour(Health health)
{
    switch (health) {
    case Health::Healthy: return QStringLiteral("#16a34a");
    case Health::AtRisk: return QStringLiteral("#d97706");
    case Health::Unhealthy: return QStringLiteral("#dc2626");
    case Health::Unknown: break;
    }
    return QStringLiteral("#9ca3af");
}

QString productNeighbourhoodSvg(const DomainMap &map, int product, const QString &linkPrefix)
{
    // One hop both ways, at product level: the focus, then its neighbours in edge order.
    std::vector<int> members{product};
    QHash<int, int> slot{{product, 0}};
    std::vector<std::pair<int, int>> edges;
    for (const domainmap::ProductEdge &e : map.productEdges) {
        if (e.from != product && e.to != product)
            continue;
        for (const int end : {e.from, e.to}) {
            if (!slot.contains(end)) {
                slot.insert(end, int(members.size()));
                members.push_back(end);
            }
        }
        edges.emplace_back(slot.value(e.from), slot.value(e.to));
    }

    layout::LayoutGraph graph;
    for (const int p : members) {
        const domainmap::MapProduct &mp = map.products[size_t(p)];
        layout::LayoutNode node;
        node.id = mp.id;
        node.width = kNodeWidth;
        node.height = kNodeHeight;
        node.group = mp.domain >= 0 ? map.domains[size_t(mp.domain)].id : QString();
        graph.nodes.push_back(node);
    }
    for (const auto &[from, to] : edges)
        graph.edges.push_back({from, to});
    layout::LayoutOptions options;
    options.focus = map.products[size_t(product)].id;
    const layout::LayoutResult result = layout::computeLayout(graph, options);

    // The engine's coordinates may start anywhere: shift everything into the margin.
    double minX = 1e18, minY = 1e18, maxX = -1e18, maxY = -1e18;
    auto extend = [&](double x0, double y0, double x1, double y1) {
        minX = std::min(minX, x0);
        minY = std::min(minY, y0);
        maxX = std::max(maxX, x1);
        maxY = std::max(maxY, y1);
    };
    for (const layout::Point &c : result.centres)
        extend(c.x - kNodeWidth / 2, c.y - kNodeHeight / 2, c.x + kNodeWidth / 2, c.y + kNodeHeight / 2);
    for (const layout::GroupBox &g : result.groups)
        extend(g.x - g.width / 2, g.y - g.height / 2 - 14, g.x + g.width / 2, g.y + g.height / 2);
    const double dx = kMargin - minX;
    const double dy = kMargin - minY;

    QString svg = svgStart(maxX - minX + 2 * kMargin, maxY - minY + 2 * kMargin);
    for (const layout::GroupBox &g : result.groups) {
        const int d = map.domainOf(g.group);
        svg += svgGroup(QRectF(g.x - g.width / 2 + dx, g.y - g.height / 2 + dy, g.width, g.height),
                        d >= 0 ? map.domains[size_t(d)].name : g.group);
    }
    for (const std::vector<layout::Point> &route : result.routes) {
        std::vector<QPointF> points;
        for (const layout::Point &p : route)
            points.emplace_back(p.x + dx, p.y + dy);
        svg += svgEdge(points);
    }
    for (size_t i = 0; i < members.size(); ++i) {
        const domainmap::MapProduct &mp = map.products[size_t(members[i])];
        const layout::Point c = result.centres[i];
        const bool focus = i == 0;
        SvgNode node;
        node.id = mp.id;
        node.rect = QRectF(c.x - kNodeWidth / 2 + dx, c.y - kNodeHeight / 2 + dy, kNodeWidth, kNodeHeight);
        node.label = mp.name.isEmpty() ? mp.id : mp.name;
        node.dot = healthColour(mp.health.health);
        node.fill = focus ? QStringLiteral("#dbeafe") : QStringLiteral("#ffffff");
        node.stroke = focus ? QStringLiteral("#2563eb") : QStringLiteral("#9ca3af");
        node.strokeWidth = focus ? 2.5 : 1;
        node.bold = focus;
        if (!linkPrefix.isEmpty() && !focus)
            node.link = linkPrefix + safeFileStem(mp.id) + QStringLiteral(".html");
        svg += svgNode(node);
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

QString domainMapSvg(const DomainMap &map, int domain)
{
    // The domains to draw, depth first so sub-domains follow their parent.
    std::vector<std::pair<int, int>> order; // domain, depth
    std::function<void(int, int)> visit = [&](int d, int depth) {
        order.emplace_back(d, depth);
        for (const int child : map.domains[size_t(d)].children)
            visit(child, depth + 1);
    };
    if (domain >= 0)
        visit(domain, 0);
    else
        for (const int root : map.roots())
            visit(root, 0);

    constexpr double boxWidth = 300, lineHeight = 18, header = 62, gap = 16;
    const int columns = std::clamp(int(std::ceil(std::sqrt(double(order.size())))), 1, 4);
    std::vector<double> columnHeight(size_t(columns), kMargin + 36);
    QString body;
    for (const auto &[d, depth] : order) {
        const domainmap::MapDomain &md = map.domains[size_t(d)];
        const size_t column = size_t(std::min_element(columnHeight.begin(), columnHeight.end()) - columnHeight.begin());
        const double x = kMargin + double(column) * (boxWidth + gap);
        const double y = columnHeight[column];
        const double height = header + lineHeight * double(md.products.size()) + 8;
        columnHeight[column] += height + gap;
        const QString title = (depth > 0 ? QString(depth * 2, u' ') + QStringLiteral("\u21b3 ") : QString())
                              + (md.name.isEmpty() ? md.id : md.name);
        body += QStringLiteral("<g class=\"domain\"><title>%1</title><rect x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" "
                               "rx=\"6\" fill=\"#f9fafb\" stroke=\"#9ca3af\"/>"
                               "<text x=\"%6\" y=\"%7\" font-size=\"14\" font-weight=\"bold\" fill=\"#111827\">%8</text>"
                               "<text x=\"%6\" y=\"%9\" fill=\"#4b5563\">%10</text>"
                               "<text x=\"%6\" y=\"%11\" fill=\"#4b5563\">%12</text></g>\n")
                    .arg(htmlEscape(md.id), num(x), num(y), num(boxWidth), num(height), num(x + 10), num(y + 20),
                         htmlEscape(elide(title, 36)), num(y + 36))
                    .arg(htmlEscape(QStringLiteral("%1 products%2")
                                        .arg(md.products.size())
                                        .arg(md.type == DomainType::Unknown ? QString() : QStringLiteral(" \u00b7 ") + domainTypeName(md.type))),
                         num(y + 52),
                         htmlEscape(QStringLiteral("%1 healthy \u00b7 %2 at risk \u00b7 %3 unhealthy")
                                        .arg(md.healthCounts[size_t(Health::Healthy)])
                                        .arg(md.healthCounts[size_t(Health::AtRisk)])
                                        .arg(md.healthCounts[size_t(Health::Unhealthy)])));
        double py = y + header + lineHeight / 2 + 2;
        for (const int p : md.products) {
            const domainmap::MapProduct &mp = map.products[size_t(p)];
            body += QStringLiteral("<g class=\"product\"><title>%1</title><circle cx=\"%2\" cy=\"%3\" r=\"5\" fill=\"%4\"/>"
                                   "<text x=\"%5\" y=\"%6\" fill=\"#111827\">%7</text></g>\n")
                        .arg(htmlEscape(mp.id), num(x + 16), num(py), healthColour(mp.health.health), num(x + 28),
                             num(py + 4), htmlEscape(elide(mp.name.isEmpty() ? mp.id : mp.name, 40)));
            py += lineHeight;
        }
    }
    const double width = kMargin * 2 + columns * boxWidth + (columns - 1) * gap;
    const double height = *std::max_element(columnHeight.begin(), columnHeight.end()) + kMargin;
    QString svg = svgStart(width, height);
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"18\" font-weight=\"bold\" fill=\"#111827\">%3</text>\n")
               .arg(num(kMargin), num(kMargin + 14),
                    htmlEscape(domain >= 0 ? QStringLiteral("Domain %1").arg(map.domains[size_t(domain)].name)
                                           : QStringLiteral("Domain map: %1 domains, %2 products")
                                                 .arg(map.domains.size())
                                                 .arg(map.products.size())));
    svg += body + QStringLiteral("</svg>\n");
    return svg;
}

} // namespace meshscope::exporting
