#include "scaffold.h"

#include "maturity.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

#include <map>

namespace meshscope::maturity {

QString safeSlug(const QString &name, QString *why)
{
    const auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return QString();
    };
    if (name.contains(QLatin1String("..")))
        return refuse(QStringLiteral("contains '..'"));
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\')
            return refuse(QStringLiteral("contains a path separator"));
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c == QChar(0x2028) || c == QChar(0x2029))
            return refuse(QStringLiteral("contains a control character"));
    }
    QString slug;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if (c.isMark())
            continue; // é -> e
        else if (!slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    slug.truncate(64);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    if (slug.isEmpty())
        return refuse(QStringLiteral("has no letter or digit to name a file by"));
    return slug;
}

namespace {

/// The folder pattern of a set of documents: the one path position whose value differs between
/// them is the domain's; with a single domain, the last segment that is not a fixed word.
QString folderPattern(const QStringList &dirs, const QString &fallback)
{
    if (dirs.isEmpty())
        return fallback;
    const QStringList first = dirs.first().split(u'/', Qt::SkipEmptyParts);
    if (first.isEmpty())
        return fallback;
    int varying = -1;
    for (const QString &d : dirs) {
        const QStringList parts = d.split(u'/', Qt::SkipEmptyParts);
        if (parts.size() != first.size())
            return fallback; // no single layout
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (parts[i] != first[i]) {
                if (varying >= 0 && varying != i)
                    return fallback;
                varying = int(i);
            }
        }
    }
    if (varying < 0) {
        static const QStringList fixed = {QStringLiteral("products"), QStringLiteral("data-products"),
                                          QStringLiteral("contracts"), QStringLiteral("data-contracts"),
                                          QStringLiteral("domains")};
        for (qsizetype i = first.size() - 1; i >= 0 && varying < 0; --i) {
            if (!fixed.contains(first[i]))
                varying = int(i);
        }
        if (varying < 0)
            return first.join(u'/'); // one folder for all domains
    }
    QStringList pattern = first;
    pattern[varying] = QStringLiteral("{domain}");
    return pattern.join(u'/');
}

} // namespace

MeshLayout detectLayout(const QString &meshDir)
{
    MeshLayout layout;
    QStringList productDirs, contractDirs;
    const QDir root(meshDir);
    // Symlinks are not followed: the layout is read from the mesh folder itself.
    QDirIterator it(meshDir, QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString name = it.fileName();
        const QString dir = QFileInfo(root.relativeFilePath(path)).path();
        if (dir.startsWith(QLatin1String("..")))
            continue;
        const QString d = dir == u"." ? QString() : dir;
        if (name.endsWith(QLatin1String(".odps.yaml")) || name.endsWith(QLatin1String(".dps.yaml"))
            || name.endsWith(QLatin1String(".manifest.yaml"))) {
            if (!productDirs.contains(d))
                productDirs << d;
        } else if ((name.endsWith(QLatin1String(".odcs.yaml")) || name.endsWith(QLatin1String(".dcs.yaml")))
                   && !name.contains(QLatin1String(".proposed."))) {
            if (!contractDirs.contains(d))
                contractDirs << d;
        }
    }
    layout.products = folderPattern(productDirs, layout.products);
    layout.contracts = folderPattern(contractDirs, layout.contracts);
    return layout;
}

namespace {

/// A YAML double-quoted scalar.
QString q(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

/// Every value a person has to write is "FILL-ME: <an example>"; replacing the whole string with a
/// real value fills it. maturity::filled() counts a value with FILL-ME in it as not written.
QString fill(const QString &example)
{
    return q(QLatin1String(kPlaceholder) + QStringLiteral(": ") + example);
}

struct Names {
    QString domain, slug, snake, name, contractId, owner;
    int level = 1;
};

QString odpsProduct(const Names &n)
{
    QString y;
    QTextStream t(&y);
    t << "# Scaffolded by `meshscope new product` at maturity level " << n.level
      << " (docs/maturity.md). Replace every FILL-ME value.\n"
      << "apiVersion: v1.0.0\nkind: DataProduct\n"
      << "id: " << n.slug << "\nname: " << q(n.name) << "\nversion: 1.0.0\nstatus: draft\ndomain: " << n.domain << "\n"
      << "description:\n  purpose: " << fill("What this product offers, to whom, and why it exists.") << "\n"
      << "  usage: " << fill("How consumers should read it.") << "\n"
      << "tags: [" << n.domain << "]\n"
      << "outputPorts:\n  - name: " << n.slug << "-table\n    description: " << q(n.name + QStringLiteral(" as a table"))
      << "\n    type: tables\n    version: 1.0.0\n    contractId: " << n.contractId << "\n";
    if (n.level >= 3)
        t << "  - name: " << n.slug << "-stream\n    description: " << q(n.name + QStringLiteral(" as a stream of changes"))
          << "\n    type: kafka\n    version: 1.0.0\n    contractId: " << n.contractId << "\n";
    if (n.level >= 2)
        t << "managementPorts:\n  - name: usage\n    content: observability\n    type: rest\n    url: "
          << fill("https://monitoring.example.com/products/" + n.slug) << "\n";
    if (n.level >= 3)
        t << "authoritativeDefinitions:\n  - type: clientLibrary\n    url: " << fill("https://git.example.com/" + n.slug + "-client")
          << "\n  - type: examples\n    url: " << fill("https://git.example.com/" + n.slug + "-examples") << "\n";
    t << "team:\n  name: " << n.domain << "-team\n  members:\n    - username: "
      << (n.owner.isEmpty() ? fill("owner@example.com") : q(n.owner)) << "\n      role: owner\n";
    return y;
}

QString dpsProduct(const Names &n)
{
    QString y;
    QTextStream t(&y);
    t << "# Scaffolded by `meshscope new product` at maturity level " << n.level
      << " (docs/maturity.md). Replace every FILL-ME value.\n"
      << "dataProductSpecification: 0.0.1\nid: " << n.slug << "\ninfo:\n  title: " << q(n.name)
      << "\n  description: " << fill("What this product offers, to whom, and why it exists.")
      << "\n  owner: " << n.domain << "\n  status: draft\n  version: 1.0.0\n"
      << "custom:\n  domain: " << n.domain << "\n  contact: " << (n.owner.isEmpty() ? fill("owner@example.com") : q(n.owner)) << "\n"
      << "tags: [" << n.domain << "]\n";
    if (n.level >= 2) {
        t << "links:\n  Usage monitoring: " << fill("https://monitoring.example.com/products/" + n.slug) << "\n";
        if (n.level >= 3)
            t << "  Client library: " << fill("https://git.example.com/" + n.slug + "-client") << "\n  Examples: "
              << fill("https://git.example.com/" + n.slug + "-examples") << "\n";
    }
    t << "outputPorts:\n  - id: " << n.snake << "_table\n    name: " << q(n.name + QStringLiteral(" (table)"))
      << "\n    type: tables\n    dataContractId: " << n.contractId << "\n";
    if (n.level >= 3)
        t << "  - id: " << n.snake << "_stream\n    name: " << q(n.name + QStringLiteral(" (stream)"))
          << "\n    type: kafka\n    dataContractId: " << n.contractId << "\n";
    return y;
}

QString contract(const Names &n)
{
    QString y;
    QTextStream t(&y);
    t << "# Scaffolded by `meshscope new product` at maturity level " << n.level << ". Replace every FILL-ME value.\n"
      << "apiVersion: v3.0.2\nkind: DataContract\nid: " << n.contractId << "\nname: " << n.snake
      << "\nversion: 1.0.0\nstatus: draft\ndomain: " << n.domain << "\ndataProduct: " << n.slug << "\n"
      << "description:\n  purpose: " << fill("What one row of this table records.") << "\n"
      << "servers:\n  - server: production\n    type: " << fill("postgres") << "\n"
      << "schema:\n  - name: " << n.snake << "\n    physicalName: " << n.snake << "\n    description: "
      << fill("What one row is.") << "\n    properties:\n"
      << "      - name: id\n        logicalType: string\n        primaryKey: true\n        required: true\n"
      << "        classification: internal\n        description: " << fill("What identifies a row.") << "\n"
      << "        quality:\n          - type: library\n            metric: nullValues\n            mustBe: 0\n"
      << "      - name: created_at\n        logicalType: timestamp\n        classification: internal\n        description: "
      << fill("When the row was created (UTC).") << "\n";
    if (n.level >= 3)
        t << "        partitioned: true\n        partitionKeyPosition: 1\n";
    if (n.level >= 2) {
        t << "    quality:\n      - type: library\n        metric: rowCount\n        mustBeGreaterThan: 0\n"
          << "      - type: library\n        metric: duplicateValues\n        arguments:\n          properties: [id]\n        mustBe: 0\n"
          << "slaProperties:\n  - property: availability\n    value: " << fill("99.5") << "\n    unit: percent\n"
          << "  - property: latency\n    value: " << fill("24") << "\n    unit: h\n"
          << "roles:\n  - role: " << n.domain << "_reader\n    access: read\n    firstLevelApprovers: "
          << fill(n.domain + "-team") << "\n";
    }
    if (n.level >= 3)
        t << "support:\n  - channel: " << fill("#" + n.slug + "-announcements") << "\n    tool: slack\n    scope: announcements\n"
          << "customProperties:\n  - property: versioningStrategy\n    value: >-\n"
          << "      Semantic versioning: a breaking change raises the major version; a deprecated version\n"
          << "      names its sunset date in the customProperty `sunset`.\n";
    return y;
}

QString docStub(const Names &n)
{
    QString y;
    QTextStream t(&y);
    t << "# " << n.name << "\n\n" << kPlaceholder << ": what this data product is for, who owns it, and how to read it.\n\n"
      << "## Output\n\n`" << n.contractId << "` (contract in the mesh).\n";
    if (n.level >= 3)
        t << "\n## Versioning\n\nSemantic versioning; deprecated versions carry a `sunset` date.\n";
    return y;
}

bool validOwner(const QString &owner)
{
    static const QRegularExpression email(QStringLiteral(R"(^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$)"));
    return email.match(owner).hasMatch();
}

} // namespace

ScaffoldResult scaffoldProduct(const ScaffoldRequest &req)
{
    ScaffoldResult r;
    QString why;
    const QString domain = safeSlug(req.domain, &why);
    if (domain.isEmpty()) {
        r.error = QStringLiteral("domain '%1' %2").arg(req.domain.left(80), why);
        return r;
    }
    const QString slug = safeSlug(req.name, &why);
    if (slug.isEmpty()) {
        r.error = QStringLiteral("name '%1' %2").arg(req.name.left(80), why);
        return r;
    }
    if (req.level < 1 || req.level > 3) {
        r.error = QStringLiteral("level %1: choose 1, 2 or 3").arg(req.level);
        return r;
    }
    if (req.format != u"odps" && req.format != u"dps") {
        r.error = QStringLiteral("format '%1': choose odps or dps").arg(req.format.left(20));
        return r;
    }
    if (!req.owner.isEmpty() && !validOwner(req.owner)) {
        r.error = QStringLiteral("owner '%1' is not an e-mail address").arg(req.owner.left(80));
        return r;
    }
    const QFileInfo meshInfo(req.meshDir);
    if (!meshInfo.isDir()) {
        r.error = QStringLiteral("%1 is not a folder").arg(req.meshDir);
        return r;
    }
    const QString mesh = meshInfo.canonicalFilePath();
    Names n;
    n.domain = domain;
    n.slug = slug;
    n.snake = QString(slug).replace(u'-', u'_');
    n.name = req.name.simplified();
    n.contractId = domain + u'.' + n.snake;
    n.owner = req.owner;
    n.level = req.level;
    r.productId = slug;
    r.contractId = n.contractId;

    const MeshLayout layout = detectLayout(mesh);
    const QString productDir = QString(layout.products).replace(QLatin1String("{domain}"), domain);
    const QString contractDir = QString(layout.contracts).replace(QLatin1String("{domain}"), domain);
    const auto join = [](const QString &dir, const QString &file) { return dir.isEmpty() ? file : dir + u'/' + file; };
    const std::vector<std::pair<QString, QString>> files = {
        {join(productDir, slug + (req.format == u"dps" ? QStringLiteral(".dps.yaml") : QStringLiteral(".odps.yaml"))),
         req.format == u"dps" ? dpsProduct(n) : odpsProduct(n)},
        {join(contractDir, n.contractId + QStringLiteral(".odcs.yaml")), contract(n)},
        {join(productDir, slug + QStringLiteral(".md")), docStub(n)},
    };
    // Every target is checked before anything is written: all or nothing, never over an existing file,
    // and never outside the mesh folder (a symlinked folder inside it could point elsewhere).
    for (const auto &[rel, text] : files) {
        const QString abs = mesh + u'/' + rel;
        if (QFileInfo::exists(abs) || QFileInfo(abs).isSymLink()) {
            r.error = QStringLiteral("%1 exists; nothing was written").arg(rel);
            return r;
        }
        QString dir = QFileInfo(abs).path();
        while (!QFileInfo::exists(dir))
            dir = QFileInfo(dir).path();
        const QString canonical = QFileInfo(dir).canonicalFilePath();
        if (canonical != mesh && !canonical.startsWith(mesh + u'/')) {
            r.error = QStringLiteral("%1 would be written outside the mesh folder; nothing was written").arg(rel);
            return r;
        }
    }
    // A failure half way removes what this call wrote (NewOnly: only files it created), so the mesh
    // holds the whole product or none of it.
    const auto fail = [&r, &mesh](const QString &error) {
        for (const QString &rel : std::as_const(r.written))
            QFile::remove(mesh + u'/' + rel);
        r.written.clear();
        r.error = error;
        return r;
    };
    for (const auto &[rel, text] : files) {
        const QString abs = mesh + u'/' + rel;
        if (!QDir().mkpath(QFileInfo(abs).path()))
            return fail(QStringLiteral("cannot create the folder of %1; nothing was written").arg(rel));
        QFile f(abs);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return fail(QStringLiteral("cannot write %1: %2; nothing was written").arg(rel, f.errorString()));
        r.written << rel; // created: removed again if anything below fails
        if (f.write(text.toUtf8()) < 0 || !f.flush())
            return fail(QStringLiteral("cannot write %1: %2; nothing was written").arg(rel, f.errorString()));
    }
    r.placeholders = findPlaceholders(mesh, r.written);
    return r;
}

QStringList findPlaceholders(const QString &meshDir, const QStringList &relativePaths)
{
    QStringList out;
    for (const QString &rel : relativePaths) {
        QFile f(meshDir + u'/' + rel);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        int line = 0;
        while (!f.atEnd()) {
            ++line;
            const QString text = QString::fromUtf8(f.readLine()).trimmed();
            if (text.contains(QLatin1String(kPlaceholder)) && !text.startsWith(u'#'))
                out << QStringLiteral("%1:%2: %3").arg(rel).arg(line).arg(text);
        }
    }
    return out;
}

} // namespace meshscope::maturity
