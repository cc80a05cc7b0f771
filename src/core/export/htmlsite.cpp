#include "export/htmlsite.h"

#include "contracts/cachedcontract.h"
#include "domainmap/domainmap.h"
#include "domainmap/productedges.h"
#include "domainmap/productpage.h"
#include "export/htmltext.h"
#include "export/meshsvg.h"
#include "io/safepath.h"

#include <QDir>
#include <QFile>
#include <QSet>

#include <array>
#include <functional>
#include <map>
#include <optional>

namespace meshscope::exporting {

using namespace domainmap;

namespace {

const char *const kCss = R"css(body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#111827;background:#fff;line-height:1.45}
header{background:#1f2937;color:#fff;padding:.6em 1.5em}header a{color:#93c5fd;margin-right:1.2em;text-decoration:none}
main{padding:1em 1.5em;max-width:1200px}h1{margin:.3em 0}h2{margin-top:1.4em;border-bottom:1px solid #e5e7eb;padding-bottom:.2em}
table{border-collapse:collapse;margin:.5em 0;width:100%}th,td{border:1px solid #e5e7eb;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f3f4f6}tr:nth-child(even) td{background:#fafafa}.num{text-align:right}
.badge{display:inline-block;padding:0 .5em;border-radius:.8em;font-size:.85em;color:#fff}
.healthy{background:#16a34a}.at-risk{background:#d97706}.unhealthy{background:#dc2626}.unknown{background:#9ca3af}
.pass{color:#16a34a;font-weight:bold}.fail{color:#dc2626;font-weight:bold}
.text{white-space:pre-wrap}pre{background:#f9fafb;border:1px solid #e5e7eb;padding:.8em;overflow:auto;font-size:.9em}
dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold;color:#4b5563}dd{margin:0}
.lineage img{max-width:100%;border:1px solid #e5e7eb}footer{color:#6b7280;font-size:.85em;padding:1em 1.5em}
)css";

QString e(const QString &text)
{
    return htmlEscape(text);
}

QString link(const QString &href, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(e(href), e(text));
}

QString healthBadge(Health h)
{
    const QString name = healthName(h);
    return QStringLiteral("<span class=\"badge %1\">%1</span>").arg(name);
}

QString domainStem(const QString &id)
{
    return id.isEmpty() ? QStringLiteral("~~no-domain") : safeFileStem(id); // no id's stem has "~~" and no hex after it
}

QString contractStem(const QString &id, const QString &version)
{
    return safeFileStem(id, version);
}

/// The page skeleton; `root` is the relative way back to the site root ("" or "../").
QString page(const QString &title, const QString &root, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>%1 \u2014 Meshscope</title><link rel=\"stylesheet\" href=\"%2style.css\"></head>\n"
                          "<body><header><a href=\"%2index.html\">Domains</a><a href=\"%2contracts.html\">Contracts</a>"
                          "</header>\n<main>\n%3</main>\n<footer>Exported by Meshscope. A read-only snapshot of the "
                          "local cache.</footer></body></html>\n")
        .arg(e(title), root, body);
}

struct Writer {
    QString root;
    QString error;
    int files = 0;
    QSet<QString> written; ///< relative paths, lower-cased: one page never overwrites another

    bool write(const QString &relative, const QString &content)
    {
        if (!error.isEmpty())
            return false;
        const QString path = root + u'/' + relative;
        // Page names are unique by construction (safeFileStem); this keeps a page from silently
        // replacing another should two names ever meet, on a case-insensitive disk too.
        if (written.contains(relative.toLower())) {
            error = QStringLiteral("cannot write %1: two pages would share this name").arg(QDir::toNativeSeparators(path));
            return false;
        }
        written.insert(relative.toLower());
        // Not atomic and not fsynced: thousands of pages, and a fsync per page made the export
        // I/O-bound; a half-written bundle is simply exported again. Never through a planted link.
        if (!io::writeFileNoFollow(path, content.toUtf8(), &error))
            return false;
        ++files;
        return true;
    }
};

QString row(const QStringList &cells)
{
    QString r = QStringLiteral("<tr>");
    for (const QString &c : cells)
        r += QStringLiteral("<td>") + c + QStringLiteral("</td>");
    return r + QStringLiteral("</tr>\n");
}

QString tableHead(const QStringList &headers)
{
    QString r = QStringLiteral("<table><thead><tr>");
    for (const QString &h : headers)
        r += QStringLiteral("<th>") + e(h) + QStringLiteral("</th>");
    return r + QStringLiteral("</tr></thead><tbody>\n");
}

const QString kTableEnd = QStringLiteral("</tbody></table>\n");

QString viaText(int via)
{
    QStringList parts;
    if (via & int(EdgeVia::Port))
        parts << QStringLiteral("port");
    if (via & int(EdgeVia::Lineage))
        parts << QStringLiteral("lineage");
    return parts.join(QStringLiteral(", "));
}

/// Everything the pages share: the map and which contract versions get a page.
struct Site {
    const DomainMap &map;
    QSet<QString> contractPages; ///< "id@version"
    std::map<QString, std::vector<diff::CachedVersion>> versionsById;

    QString productLink(const QString &id, const QString &root, const QString &text = {}) const
    {
        const int p = map.productOf(id);
        const QString shown = text.isEmpty() ? (p >= 0 && !map.products[size_t(p)].name.isEmpty()
                                                    ? map.products[size_t(p)].name : id)
                                             : text;
        if (p < 0)
            return e(shown);
        return link(root + QStringLiteral("products/") + safeFileStem(id) + QStringLiteral(".html"), shown);
    }
    QString domainLink(const QString &id, const QString &root) const
    {
        const int d = map.domainOf(id);
        if (d < 0)
            return e(id);
        const MapDomain &md = map.domains[size_t(d)];
        return link(root + QStringLiteral("domains/") + domainStem(id) + QStringLiteral(".html"),
                    md.name.isEmpty() ? id : md.name);
    }
    /// A link to the contract version's page; to the newest held version when that one has none.
    QString contractLink(const QString &id, const QString &version, const QString &root) const
    {
        const QString text = version.isEmpty() ? id : id + u'@' + version;
        if (contractPages.contains(id + u'@' + version))
            return link(root + QStringLiteral("contracts/") + contractStem(id, version) + QStringLiteral(".html"), text);
        const auto it = versionsById.find(id);
        if (it != versionsById.end() && !it->second.empty())
            return e(text) + QStringLiteral(" (") + link(root + QStringLiteral("contracts/")
                                                              + contractStem(id, it->second.back().version)
                                                              + QStringLiteral(".html"),
                                                          QStringLiteral("held: ") + it->second.back().version)
                   + u')';
        return e(text);
    }
};

QString indexPage(const Site &site, int contractVersions)
{
    const DomainMap &map = site.map;
    std::array<int, 4> totals{};
    for (const MapProduct &p : map.products)
        ++totals[size_t(p.health.health)];
    QString b = QStringLiteral("<h1>Data mesh</h1>\n<p>%1 domains, %2 products, %3 contract versions. Health: "
                               "%4 healthy, %5 at risk, %6 unhealthy, %7 unknown.</p>\n")
                    .arg(map.domains.size())
                    .arg(map.products.size())
                    .arg(contractVersions)
                    .arg(totals[size_t(Health::Healthy)])
                    .arg(totals[size_t(Health::AtRisk)])
                    .arg(totals[size_t(Health::Unhealthy)])
                    .arg(totals[size_t(Health::Unknown)]);
    b += QStringLiteral("<h2>Domains</h2>\n");
    b += tableHead({QStringLiteral("Domain"), QStringLiteral("Type"), QStringLiteral("Owner"), QStringLiteral("Products"),
                    QStringLiteral("Healthy"), QStringLiteral("At risk"), QStringLiteral("Unhealthy"),
                    QStringLiteral("Unknown")});
    std::function<void(int, int)> visit = [&](int d, int depth) {
        const MapDomain &md = map.domains[size_t(d)];
        const QString indent = depth > 0 ? QString(QStringLiteral("&nbsp;&nbsp;")).repeated(depth) + QStringLiteral("\u21b3 ")
                                         : QString();
        b += row({indent + site.domainLink(md.id, {}), e(domainTypeName(md.type)), e(md.owner),
                  QStringLiteral("%1").arg(md.totalProducts), QString::number(md.healthCounts[size_t(Health::Healthy)]),
                  QString::number(md.healthCounts[size_t(Health::AtRisk)]),
                  QString::number(md.healthCounts[size_t(Health::Unhealthy)]),
                  QString::number(md.healthCounts[size_t(Health::Unknown)])});
        for (const int c : md.children)
            visit(c, depth + 1);
    };
    for (const int r : map.roots())
        visit(r, 0);
    b += kTableEnd;
    if (!map.domainEdges.empty()) {
        b += QStringLiteral("<h2>Dependencies between domains</h2>\n");
        b += tableHead({QStringLiteral("Upstream"), QStringLiteral("Downstream"), QStringLiteral("Product edges")});
        for (const DomainEdge &de : map.domainEdges)
            b += row({site.domainLink(map.domains[size_t(de.from)].id, {}), site.domainLink(map.domains[size_t(de.to)].id, {}),
                      QString::number(de.count)});
        b += kTableEnd;
    }
    return page(QStringLiteral("Data mesh"), {}, b);
}

QString domainPage(const Site &site, int d)
{
    const DomainMap &map = site.map;
    const MapDomain &md = map.domains[size_t(d)];
    const QString root = QStringLiteral("../");
    QString b = QStringLiteral("<h1>%1</h1>\n<dl>").arg(e(md.name.isEmpty() ? md.id : md.name));
    b += QStringLiteral("<dt>Id</dt><dd>%1</dd>").arg(e(md.id.isEmpty() ? QStringLiteral("(none)") : md.id));
    if (md.type != DomainType::Unknown)
        b += QStringLiteral("<dt>Type</dt><dd>%1</dd>").arg(e(domainTypeName(md.type)));
    if (!md.owner.isEmpty())
        b += QStringLiteral("<dt>Owner</dt><dd>%1</dd>").arg(e(md.owner));
    if (md.parent >= 0)
        b += QStringLiteral("<dt>Part of</dt><dd>%1</dd>").arg(site.domainLink(map.domains[size_t(md.parent)].id, root));
    b += QStringLiteral("<dt>Products</dt><dd>%1 own, %2 with sub-domains</dd></dl>\n")
             .arg(md.products.size())
             .arg(md.totalProducts);
    if (!md.description.isEmpty())
        b += QStringLiteral("<p class=\"text\">%1</p>\n").arg(e(md.description));
    if (!md.children.empty()) {
        b += QStringLiteral("<h2>Sub-domains</h2>\n<ul>");
        for (const int c : md.children)
            b += QStringLiteral("<li>%1</li>").arg(site.domainLink(map.domains[size_t(c)].id, root));
        b += QStringLiteral("</ul>\n");
    }
    b += QStringLiteral("<h2>Products</h2>\n");
    b += tableHead({QStringLiteral("Product"), QStringLiteral("Status"), QStringLiteral("Owner"), QStringLiteral("Health"),
                    QStringLiteral("Contract"), QStringLiteral("Upstream"), QStringLiteral("Consumers")});
    for (const int p : md.products) {
        const MapProduct &mp = map.products[size_t(p)];
        b += row({site.productLink(mp.id, root), e(mp.status), e(mp.owner), healthBadge(mp.health.health),
                  mp.hasContract ? QStringLiteral("yes") : QStringLiteral("no"), QString::number(mp.upstream),
                  QString::number(mp.consumers)});
    }
    b += kTableEnd;
    QString deps;
    for (const DomainEdge &de : map.domainEdges) {
        if (de.from != d && de.to != d)
            continue;
        deps += row({de.from == d ? QStringLiteral("downstream") : QStringLiteral("upstream"),
                     site.domainLink(map.domains[size_t(de.from == d ? de.to : de.from)].id, root),
                     QString::number(de.count)});
    }
    if (!deps.isEmpty())
        b += QStringLiteral("<h2>Dependencies</h2>\n")
             + tableHead({QStringLiteral("Direction"), QStringLiteral("Domain"), QStringLiteral("Product edges")}) + deps
             + kTableEnd;
    return page(md.name.isEmpty() ? md.id : md.name, root, b);
}

QString portRows(const Site &site, const QList<Port> &ports, const QString &direction, const QString &root)
{
    QString rows;
    for (const Port &port : ports) {
        rows += row({e(direction), e(port.name.isEmpty() ? port.id : port.name), e(port.type), e(port.technology),
                     e(port.location),
                     port.contractId.isEmpty() ? QString() : site.contractLink(port.contractId, port.version, root),
                     port.sourceProductId.isEmpty() ? QString() : site.productLink(port.sourceProductId, root),
                     QStringLiteral("<span class=\"text\">%1</span>").arg(e(port.description))});
    }
    return rows;
}

QString neighbourList(const Site &site, const std::vector<PageNeighbour> &list, const QString &root)
{
    if (list.empty())
        return QStringLiteral("<p>None known.</p>\n");
    QString b = QStringLiteral("<ul>");
    for (const PageNeighbour &n : list) {
        if (n.unresolved) {
            // No page to link to: the reference is shown as written, and said not to resolve.
            b += QStringLiteral("<li class=\"unresolved\">%1 <small>(not in the mesh; named by input port %2)</small></li>")
                     .arg(e(n.id), e(n.port));
            continue;
        }
        b += QStringLiteral("<li>%1 <small>(%2; via %3)</small></li>")
                 .arg(site.productLink(n.id, root, n.name), e(n.domainId), e(viaText(n.via)));
    }
    return b + QStringLiteral("</ul>\n");
}

QString productPage(const Site &site, const ProductPage &pg, int productIndex)
{
    const QString root = QStringLiteral("../");
    const DataProduct &p = pg.product;
    const MapProduct &mp = site.map.products[size_t(productIndex)];
    QString b = QStringLiteral("<h1>%1 %2</h1>\n<dl>").arg(e(p.name.isEmpty() ? p.id : p.name), healthBadge(mp.health.health));
    auto item = [&b](const QString &term, const QString &html) {
        if (!html.isEmpty())
            b += QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(term, html);
    };
    item(QStringLiteral("Id"), e(p.id));
    item(QStringLiteral("Domain"), p.domainId.isEmpty() ? QString() : site.domainLink(p.domainId, root));
    item(QStringLiteral("Owner"), e(p.owner));
    item(QStringLiteral("Team"), e(pg.teamName));
    item(QStringLiteral("Contact"), e(pg.contact));
    item(QStringLiteral("Status"), e(p.status));
    item(QStringLiteral("Version"), e(p.version));
    item(QStringLiteral("Format"), e(p.specFormat));
    item(QStringLiteral("Tags"), e(p.tags.join(QStringLiteral(", "))));
    if (!mp.health.problems.isEmpty())
        item(QStringLiteral("Health problems"), e(mp.health.problems.join(QStringLiteral(", "))));
    item(QStringLiteral("Source"), pg.sourceFile.isEmpty() ? QString()
                                                           : e(pg.line > 0 ? QStringLiteral("%1:%2").arg(pg.sourceFile).arg(pg.line)
                                                                           : pg.sourceFile));
    b += QStringLiteral("</dl>\n");
    if (!p.description.isEmpty())
        b += QStringLiteral("<h2>Description</h2>\n<p class=\"text\">%1</p>\n").arg(e(p.description));
    if (!pg.teamMembers.isEmpty()) {
        b += QStringLiteral("<h2>Team</h2>\n") + tableHead({QStringLiteral("Name"), QStringLiteral("Role"), QStringLiteral("E-mail")});
        for (const Person &m : pg.teamMembers)
            b += row({e(m.name.isEmpty() ? m.username : m.name), e(m.role), e(m.email)});
        b += kTableEnd;
    }

    b += QStringLiteral("<h2>Lineage</h2>\n<p class=\"lineage\"><img src=\"../lineage/%1.svg\" alt=\"%2 and its direct "
                        "upstream and downstream products\"></p>\n")
             .arg(safeFileStem(p.id), e(p.name.isEmpty() ? p.id : p.name));
    b += QStringLiteral("<h3>Upstream</h3>\n") + neighbourList(site, pg.upstream, root);
    b += QStringLiteral("<h3>Downstream</h3>\n") + neighbourList(site, pg.downstream, root);
    if (!pg.consumers.empty())
        b += QStringLiteral("<h3>Consumers (through input ports)</h3>\n") + neighbourList(site, pg.consumers, root);
    if (!pg.datasets.isEmpty()) {
        b += QStringLiteral("<h3>Datasets</h3>\n<ul>");
        for (const QString &ds : pg.datasets)
            b += QStringLiteral("<li>%1</li>").arg(e(ds));
        b += QStringLiteral("</ul>\n");
    }

    const QString ports = portRows(site, p.inputPorts, QStringLiteral("input"), root)
                          + portRows(site, p.outputPorts, QStringLiteral("output"), root);
    if (!ports.isEmpty())
        b += QStringLiteral("<h2>Ports</h2>\n")
             + tableHead({QStringLiteral("Direction"), QStringLiteral("Port"), QStringLiteral("Type"),
                          QStringLiteral("Technology"), QStringLiteral("Location"), QStringLiteral("Contract"),
                          QStringLiteral("From product"), QStringLiteral("Description")})
             + ports + kTableEnd;

    if (!pg.contracts.empty()) {
        b += QStringLiteral("<h2>Contracts</h2>\n")
             + tableHead({QStringLiteral("Contract"), QStringLiteral("Name"), QStringLiteral("Status"),
                          QStringLiteral("Owner"), QStringLiteral("Relation"), QStringLiteral("Current")});
        for (const PageContract &c : pg.contracts)
            b += row({site.contractLink(c.id, c.version, root), e(c.name), e(c.status), e(c.owner), e(c.relation),
                      c.current ? QStringLiteral("yes") : QString()});
        b += kTableEnd;
    }
    if (!pg.fields.empty()) {
        b += QStringLiteral("<h2>Schema</h2>\n")
             + tableHead({QStringLiteral("Source"), QStringLiteral("Object"), QStringLiteral("Field"), QStringLiteral("Type"),
                          QStringLiteral("Required"), QStringLiteral("PII"), QStringLiteral("Classification"),
                          QStringLiteral("Description")});
        for (const PageField &f : pg.fields)
            b += row({e(f.source), e(f.object), e(f.name), e(f.type), f.required ? QStringLiteral("yes") : QString(),
                      f.pii == Stated::Yes ? QStringLiteral("PII")
                          : f.pii == Stated::No ? QStringLiteral("no")
                                                : QStringLiteral("not stated"),
                      e(f.classification),
                      QStringLiteral("<span class=\"text\">%1</span>").arg(e(f.description))});
        b += kTableEnd;
    }
    if (!pg.slos.empty()) {
        b += QStringLiteral("<h2>Service levels</h2>\n")
             + tableHead({QStringLiteral("Source"), QStringLiteral("Property"), QStringLiteral("Value"),
                          QStringLiteral("Unit"), QStringLiteral("Element")});
        for (const PageSlo &s : pg.slos)
            b += row({e(s.source), e(s.property), e(s.value), e(s.unit), e(s.element)});
        b += kTableEnd;
    }
    if (!pg.checks.empty()) {
        b += QStringLiteral("<h2>Quality checks</h2>\n")
             + tableHead({QStringLiteral("Source"), QStringLiteral("Check"), QStringLiteral("Element"),
                          QStringLiteral("Dimension"), QStringLiteral("Severity"), QStringLiteral("Latest"),
                          QStringLiteral("When"), QStringLiteral("Message")});
        for (const PageCheck &c : pg.checks)
            b += row({e(c.source), e(c.name), e(c.element), e(c.dimension), e(c.severity),
                      c.latest.isEmpty() ? QStringLiteral("no result")
                                         : QStringLiteral("<span class=\"%1\">%1</span>").arg(e(c.latest)),
                      c.latestTime.isValid() ? e(c.latestTime.toUTC().toString(Qt::ISODate)) : QString(), e(c.message)});
        b += kTableEnd;
    }
    return page(p.name.isEmpty() ? p.id : p.name, root, b);
}

QString contractPage(const Site &site, const diff::CachedVersion &v, const std::optional<diff::CachedDocument> &doc)
{
    const QString root = QStringLiteral("../");
    QString b = QStringLiteral("<h1>%1 <small>%2</small></h1>\n<dl>")
                    .arg(e(v.name.isEmpty() ? v.id : v.name), e(v.version));
    b += QStringLiteral("<dt>Id</dt><dd>%1</dd><dt>Version</dt><dd>%2</dd><dt>Status</dt><dd>%3</dd>")
             .arg(e(v.id), e(v.version), e(v.status));
    if (!v.domainId.isEmpty())
        b += QStringLiteral("<dt>Domain</dt><dd>%1</dd>").arg(site.domainLink(v.domainId, root));
    if (doc) {
        const Contract &c = doc->contract;
        if (!c.dataProduct.isEmpty())
            b += QStringLiteral("<dt>Data product</dt><dd>%1</dd>").arg(site.productLink(c.dataProduct, root));
        if (!c.owner.isEmpty())
            b += QStringLiteral("<dt>Owner</dt><dd>%1</dd>").arg(e(c.owner));
        if (!c.specFormat.isEmpty())
            b += QStringLiteral("<dt>Format</dt><dd>%1 %2</dd>").arg(e(c.specFormat), e(c.apiVersion));
        int properties = 0;
        for (const SchemaObject &o : c.schema)
            properties += int(o.properties.size());
        b += QStringLiteral("<dt>Schema</dt><dd>%1 objects, %2 top-level properties</dd>").arg(c.schema.size()).arg(properties);
        if (!doc->source.isEmpty())
            b += QStringLiteral("<dt>Source</dt><dd>%1</dd>").arg(e(doc->source));
    }
    b += QStringLiteral("</dl>\n");
    const auto it = site.versionsById.find(v.id);
    if (it != site.versionsById.end() && it->second.size() > 1) {
        b += QStringLiteral("<p>Versions held: ");
        QStringList links;
        for (const diff::CachedVersion &other : it->second)
            links << (other.version == v.version ? QStringLiteral("<strong>%1</strong>").arg(e(other.version))
                                                 : link(contractStem(other.id, other.version) + QStringLiteral(".html"),
                                                        other.version));
        b += links.join(QStringLiteral(", ")) + QStringLiteral("</p>\n");
    }
    if (doc && !doc->contract.description.isEmpty())
        b += QStringLiteral("<h2>Description</h2>\n<p class=\"text\">%1</p>\n").arg(e(doc->contract.description));
    if (doc && !doc->contract.schema.isEmpty()) {
        b += QStringLiteral("<h2>Schema</h2>\n")
             + tableHead({QStringLiteral("Object"), QStringLiteral("Property"), QStringLiteral("Type"),
                          QStringLiteral("Required"), QStringLiteral("PII"), QStringLiteral("Classification"),
                          QStringLiteral("Description")});
        for (const SchemaObject &o : doc->contract.schema)
            for (const ContractProperty &pr : o.properties)
                b += row({e(o.name), e(pr.name), e(pr.logicalType.isEmpty() ? pr.physicalType : pr.logicalType),
                          pr.required ? QStringLiteral("yes") : QString(), pr.pii ? QStringLiteral("PII") : QString(),
                          e(pr.classification), QStringLiteral("<span class=\"text\">%1</span>").arg(e(pr.description))});
        b += kTableEnd;
    }
    b += QStringLiteral("<h2>Document</h2>\n");
    if (doc && !doc->text.isEmpty())
        b += QStringLiteral("<pre>%1</pre>\n").arg(e(doc->text));
    else
        b += QStringLiteral("<p>The cache did not keep the text of this document.</p>\n");
    return page(v.id + u'@' + v.version, root, b);
}

QString contractsIndex(const Site &site)
{
    QString b = QStringLiteral("<h1>Contracts</h1>\n")
                + tableHead({QStringLiteral("Contract"), QStringLiteral("Version"), QStringLiteral("Status"),
                             QStringLiteral("Name"), QStringLiteral("Domain")});
    for (const auto &[id, versions] : site.versionsById)
        for (const diff::CachedVersion &v : versions)
            b += row({e(v.id), link(QStringLiteral("contracts/") + contractStem(v.id, v.version) + QStringLiteral(".html"),
                                    v.version),
                      e(v.status), e(v.name), v.domainId.isEmpty() ? QString() : site.domainLink(v.domainId, {})});
    return page(QStringLiteral("Contracts"), {}, b + kTableEnd);
}

} // namespace

HtmlSiteResult exportHtmlSite(sql::Connection &db, const QString &dirPath, const std::function<void(int, int)> &progress)
{
    HtmlSiteResult result;
    Writer out{QDir::cleanPath(QDir(dirPath).absolutePath()), {}, 0, {}};
    // The sub-folders must be real folders of the site or links that stay inside it: a planted link
    // out of it would have the pages written elsewhere.
    for (const char *sub : {"domains", "products", "contracts", "lineage"}) {
        if (!io::makeFoldersInside(out.root, QString::fromLatin1(sub), &result.error))
            return result;
    }
    const DomainMap map = buildDomainMap(db);
    Site site{map, {}, {}};
    const std::vector<diff::CachedVersion> versions = diff::listCachedVersions(db);
    for (const diff::CachedVersion &v : versions) {
        site.contractPages.insert(v.id + u'@' + v.version);
        site.versionsById[v.id].push_back(v);
    }
    const int total = int(map.domains.size() + map.products.size() + versions.size()) + 3;
    int done = 0;
    auto step = [&] {
        ++done;
        if (progress)
            progress(done, total);
    };

    out.write(QStringLiteral("style.css"), QString::fromUtf8(kCss));
    out.write(QStringLiteral("index.html"), indexPage(site, int(versions.size())));
    step();
    out.write(QStringLiteral("contracts.html"), contractsIndex(site));
    step();
    for (size_t d = 0; d < map.domains.size() && out.error.isEmpty(); ++d) {
        out.write(QStringLiteral("domains/") + domainStem(map.domains[d].id) + QStringLiteral(".html"), domainPage(site, int(d)));
        step();
    }
    for (size_t p = 0; p < map.products.size() && out.error.isEmpty(); ++p) {
        const QString &id = map.products[p].id;
        const ProductPage pg = loadProductPage(db, id, &map);
        out.write(QStringLiteral("products/") + safeFileStem(id) + QStringLiteral(".html"), productPage(site, pg, int(p)));
        out.write(QStringLiteral("lineage/") + safeFileStem(id) + QStringLiteral(".svg"),
                  productNeighbourhoodSvg(map, int(p), QStringLiteral("../products/")));
        step();
    }
    for (const diff::CachedVersion &v : versions) {
        if (!out.error.isEmpty())
            break;
        std::optional<diff::CachedDocument> doc;
        try {
            doc = diff::loadCachedDocument(db, {v.id, v.version});
        } catch (const std::exception &) {
            doc.reset(); // an unreadable document still gets its page, without the text
        }
        out.write(QStringLiteral("contracts/") + contractStem(v.id, v.version) + QStringLiteral(".html"),
                  contractPage(site, v, doc));
        step();
    }
    step();
    result.error = out.error;
    result.ok = out.error.isEmpty();
    result.domains = int(map.domains.size());
    result.products = int(map.products.size());
    result.contracts = int(versions.size());
    result.files = out.files;
    return result;
}

} // namespace meshscope::exporting
