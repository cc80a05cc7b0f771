#pragma once

#include "model/importresult.h"

#include <QByteArray>
#include "yamltree.h"

/// The per-format entry points behind importDocument(). One .cpp file per format.
namespace meshscope::importers {

// Contracts (contractimporter_odcs.cpp, contractimporter_dcs.cpp)
void importOdcs(const ytree::Node &doc, const QString &file, ImportResult &result);
void importDcs(const ytree::Node &doc, const QString &file, ImportResult &result);

// Products (productimporter_*.cpp)
void importOdps(const ytree::Node &doc, const QString &file, ImportResult &result);
void importDps(const ytree::Node &doc, const QString &file, ImportResult &result);
void importManifestProduct(const ytree::Node &doc, const QString &file, ImportResult &result);
void importDatahubProductYaml(const ytree::Node &doc, const QString &file, ImportResult &result);
void importDatahubContractYaml(const ytree::Node &doc, const QString &file, ImportResult &result);

// Domains described by a manifest (`kind: Domain`, domainimporter.cpp): name, type, parent, owner
void importDomainManifest(const ytree::Node &doc, const QString &file, ImportResult &result);

// Business metrics described by a manifest (`kind: Metric`, metricimporter.cpp)
void importMetricDocument(const ytree::Node &doc, const QString &file, ImportResult &result);

// Governance (policyimporter.cpp)
void importPolicy(const ytree::Node &doc, const QString &file, ImportResult &result);

// Lineage (dbtmanifestimporter.cpp, openlineageimporter.cpp)
void importDbtManifest(const QByteArray &bytes, const QString &file, ImportResult &result);
void importOpenLineage(const QByteArray &bytes, const QString &file, ImportResult &result);
// dbt run_results.json: test outcomes and model build runs (dbtrunresultsimporter.cpp)
void importDbtRunResults(const QByteArray &bytes, const QString &file, ImportResult &result);
// DataHub MCE/MCP JSON files (datahubmceimporter.cpp)
void importDatahubMce(const QByteArray &bytes, const QString &file, ImportResult &result);

} // namespace meshscope::importers
