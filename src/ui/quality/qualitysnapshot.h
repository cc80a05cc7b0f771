#pragma once

#include "domainmap/producthealth.h"
#include "governance/governance.h"
#include "slo/sloevaluation.h"

#include <QHash>
#include <QVariantList>

#include <memory>

/// Everything the Quality area shows, computed off the GUI thread from one cache read.
namespace quality {

struct ProductRow {
    QString id;
    QString name;
    QString domainId;
    double score = 100;
    int errors = 0;
    int warnings = 0;
    meshscope::slo::Status sloStatus = meshscope::slo::Status::NoEvidence;
    bool stale = false;
    int failingChecks = 0;
    QString freshness; ///< age of the last load, "" when unknown
    double badness = 0; ///< for "worst first": missed SLOs, failing checks, errors, low score
    meshscope::domainmap::HealthAssessment health; ///< the verdict the domain map shows for it
};

struct Snapshot {
    meshscope::governance::MeshData mesh;
    meshscope::governance::GovernanceReport governance;
    meshscope::slo::SloReport slos;
    std::vector<ProductRow> rows;
    QHash<QString, qsizetype> productIndex; ///< product id -> index in mesh.products / reports
    QVariantList kpis;
    QVariantList domainSummaries;
    int consumerLinks = 0; ///< (producer, consumer) pairs, domainmap::isConsumption
    QString error;
};

/// Opens the cache at `path` (its own connection: runs on a worker thread) and computes the snapshot.
/// `at` invalid: as of the newest evidence.
std::shared_ptr<Snapshot> computeSnapshot(const QString &path, const QDateTime &at);

QString statusText(meshscope::slo::Status s);

} // namespace quality
