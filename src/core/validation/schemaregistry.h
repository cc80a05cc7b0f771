#pragma once

#include "jsonschema.h"

#include <QString>

/// @brief The official JSON Schemas Meshscope ships (resources/schemas, compiled in as Qt resources) and
/// which one applies to a document. Each schema is compiled once per process, on first use, and shared
/// by every thread.
namespace meshscope::validation {

struct SchemaChoice {
    QString standard; ///< "ODCS", "DCS", "ODPS"; empty when no pinned schema applies
    QString version;  ///< the pinned version used ("3.1.0")
    QString resource; ///< ":/schemas/odcs/odcs-json-schema-v3.1.0-20260505.json"
    QString note;     ///< why a nearby version was used, when the document's own has no schema here
    bool isValid() const { return !resource.isEmpty(); }
    QString label() const { return standard + QStringLiteral(" v") + version; }
};

/// The schema for a document by its identifying keys: `dataContractSpecification` (DCS), `kind:
/// DataContract` or an ODCS `apiVersion` v3 (ODCS; the contract's own version, else the nearest older
/// pinned one, else 3.1.0 so that a wrong `apiVersion` is itself reported), `kind: DataProduct` with an
/// ODPS `apiVersion`. `strict` false (sync) only picks documents the importers recognise.
SchemaChoice schemaFor(const ytree::Node &document, bool strict = true);

/// The compiled schema of a resource, or nullptr (with `error`) when it is missing or does not compile.
const JsonSchema *pinnedSchema(const QString &resource, QString *error = nullptr);

} // namespace meshscope::validation
