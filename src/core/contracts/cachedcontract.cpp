#include "cachedcontract.h"

#include "importers/importer.h"
#include "model/serialization.h"
#include "semver.h"

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
        const bool released = status == u"active" || status == u"production" || status == u"released";
        if (released && (bestReleased.isEmpty() || versionLess(bestReleased, version)))
            bestReleased = version;
    }
    return bestReleased.isEmpty() ? best : bestReleased;
}

std::optional<Contract> loadCachedContract(sql::Connection &db, const ContractRef &ref, QString *source)
{
    const QString version = ref.version.isEmpty() ? pickVersion(db, ref.id) : ref.version;
    if (version.isEmpty())
        return std::nullopt;
    sql::Statement s = db.prepare("SELECT c.data, d.content, d.path FROM contracts c "
                                  "JOIN documents d ON d.id = c.document_id WHERE c.id = ? AND c.version = ?");
    s.bind(1, ref.id).bind(2, version);
    if (!s.step())
        return std::nullopt;
    const QString path = s.text(2);
    if (source)
        *source = path;
    if (!s.isNull(1)) {
        const ImportResult result = importDocument(path, s.blob(1));
        for (const Contract &c : result.contracts) {
            if (c.id == ref.id && c.version == version)
                return c;
        }
    }
    Contract c;
    json::fromJson(json::parseObject(s.text(0).toUtf8()), c);
    return c;
}

} // namespace meshscope::diff
