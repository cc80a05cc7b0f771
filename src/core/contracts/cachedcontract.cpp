#include "cachedcontract.h"

#include "importers/importer.h"
#include "model/serialization.h"
#include "semver.h"
#include "versiondiff.h"

#include <algorithm>

namespace meshscope::diff {

ContractRef parseContractRef(const QString &text)
{
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return {text.trimmed(), {}};
    return {text.left(at).trimmed(), text.mid(at + 1).trimmed()};
}

static bool versionLess(const QString &a, const QString &b)
{
    const auto x = SemVer::parse(a);
    const auto y = SemVer::parse(b);
    if (x && y && compareCore(*x, *y) != 0)
        return compareCore(*x, *y) < 0;
    if (x.has_value() != y.has_value())
        return !x; // unreadable versions sort first
    return a < b;
}

QStringList cachedVersions(sql::Connection &db, const QString &id)
{
    QStringList out;
    sql::Statement s = db.prepare("SELECT version FROM contracts WHERE id = ?");
    s.bind(1, id);
    while (s.step())
        out << s.text(0);
    std::sort(out.begin(), out.end(), versionLess);
    return out;
}

static QString pickVersion(sql::Connection &db, const QString &id)
{
    QString best;
    QString bestReleased;
    sql::Statement s = db.prepare("SELECT version, lower(coalesce(status, '')) FROM contracts WHERE id = ?");
    s.bind(1, id);
    while (s.step()) {
        const QString version = s.text(0);
        const QString status = s.text(1);
        if (best.isEmpty() || versionLess(best, version))
            best = version;
        if (isReleasedStatus(status) && (bestReleased.isEmpty() || versionLess(bestReleased, version)))
            bestReleased = version;
    }
    return bestReleased.isEmpty() ? best : bestReleased;
}

std::vector<CachedVersion> listCachedVersions(sql::Connection &db)
{
    std::vector<CachedVersion> out;
    sql::Statement s = db.prepare("SELECT id, version, coalesce(status, ''), coalesce(name, ''), "
                                  "coalesce(domain_id, '') FROM contracts");
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)});
    std::sort(out.begin(), out.end(), [](const CachedVersion &a, const CachedVersion &b) {
        if (a.id != b.id)
            return a.id < b.id;
        return versionLess(a.version, b.version);
    });
    return out;
}

std::optional<CachedDocument> loadCachedDocument(sql::Connection &db, const ContractRef &ref)
{
    const QString version = ref.version.isEmpty() ? pickVersion(db, ref.id) : ref.version;
    if (version.isEmpty())
        return std::nullopt;
    sql::Statement s = db.prepare("SELECT c.data, d.content, d.path FROM contracts c "
                                  "JOIN documents d ON d.id = c.document_id WHERE c.id = ? AND c.version = ?");
    s.bind(1, ref.id).bind(2, version);
    if (!s.step())
        return std::nullopt;
    CachedDocument doc;
    doc.source = s.text(2);
    if (!s.isNull(1)) {
        const QByteArray content = s.blob(1);
        const ImportResult result = importDocument(doc.source, content);
        for (const Contract &c : result.contracts) {
            if (c.id == ref.id && c.version == version) {
                doc.contract = c;
                doc.text = QString::fromUtf8(content);
                return doc;
            }
        }
    }
    json::fromJson(json::parseObject(s.text(0).toUtf8()), doc.contract);
    return doc;
}

std::optional<Contract> loadCachedContract(sql::Connection &db, const ContractRef &ref, QString *source)
{
    std::optional<CachedDocument> doc = loadCachedDocument(db, ref);
    if (!doc)
        return std::nullopt;
    if (source)
        *source = doc->source;
    return std::move(doc->contract);
}

} // namespace meshscope::diff
