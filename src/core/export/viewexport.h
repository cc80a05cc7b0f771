#pragma once

#include "cache/sqlite.h"
#include "domainmap/domainmap.h"
#include "lineage/lineagegraph.h"

#include <QByteArray>
#include <QString>

/// What each view exports, made from the cache: shared by `meshscope export` and the app's export
/// menus, so a file written from the window and one written by the CLI hold the same thing.
/// Every function throws ExportError (a message naming the item or file) or sql::SqlError.
namespace meshscope::exporting {

struct ExportError {
    QString message;
};

/// A text report, written to PDF with textPdf() and previewed from the same layout.
struct TextDocument {
    QString title;
    QString text;
};

/// Index of domain `id` in `map`; -1 for an empty id. Throws when the cache has no such domain.
int requireDomain(const domainmap::DomainMap &map, const QString &id);

/// Domain map as SVG / its products as CSV; `domain` empty for the whole mesh.
QString domainsSvg(const domainmap::DomainMap &map, const QString &domain);
QString domainProductsCsv(const domainmap::DomainMap &map, const QString &domain);

/// The quality dashboard's data: governance scores and violations, service levels. `scope` is empty
/// (the whole mesh), a domain id or a product id — what the Quality area shows.
TextDocument qualityReport(sql::Connection &db, const QString &scope);
/// Governance violations of `scope` (as qualityReport) as CSV.
QString qualityViolationsCsv(sql::Connection &db, const QString &scope);

/// The diff of contract `id` from `oldVersion` to `newVersion` (the text report, impact included).
TextDocument contractDiffReport(sql::Connection &db, const QString &id, const QString &oldVersion,
                                const QString &newVersion);
/// `ref` is ID@VERSION: that version against the contract's active version (the CLI's --select).
TextDocument contractDiffAgainstActive(sql::Connection &db, const QString &ref);

/// Minutes of the meeting saved at `meetingFile`; empty: today's meeting as the Council view shows it (the
/// record saved in the synced mesh folder, else a meeting opening on today's agenda). Plain report text.
TextDocument councilMinutes(sql::Connection &db, const QString &meetingFile);

/// Everything downstream of `id` (product, dataset or dataset#column) as impactedCsv(), with badges.
QString impactedNodesCsv(sql::Connection &db, const QString &id);

/// Writes `data` to `path` atomically; throws with the file's name and the reason when it cannot.
void writeExportFile(const QString &path, const QByteArray &data);

} // namespace meshscope::exporting
