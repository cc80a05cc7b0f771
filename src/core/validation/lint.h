#pragma once

#include "importers/importer.h"
#include "model/diagnostic.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace meshscope::ytree {
class Node;
}

/// @brief `meshscope lint` and sync's schema checks: the pinned JSON Schema of a document's standard plus
/// the checks a schema cannot express (contractchecks.h), each problem with its place and JSON pointer.
namespace meshscope::validation {

struct LintProblem {
    Diagnostic::Severity severity = Diagnostic::Severity::Error;
    int line = 0; ///< 1-based, 0 when unknown
    int column = 0;
    QString pointer; ///< JSON pointer into the document; empty for the file itself
    QString rule;    ///< the schema keyword ("enum") or the check ("duplicate-id", "syntax", "import")
    QString message;
};

struct LintReport {
    QString file;       ///< as given
    QStringList schemas; ///< what each document was checked against ("ODCS v3.1.0")
    std::vector<LintProblem> problems; ///< by line
    int count(Diagnostic::Severity s) const;
};

/// Every problem of one file's bytes (YAML or JSON): syntax, schema, contract checks and what the
/// importer says. Nothing the document names (another file, a URL) is read.
LintReport lintBytes(const QString &file, const QByteArray &bytes);

/// Schema validation and contract checks of one parsed YAML document. `strict` (lint) also checks
/// documents no importer takes (an ODCS file with a wrong `kind`); sync passes false. Returns the schema
/// label used, empty when none applies.
QString checkDocument(const ytree::Node &document, bool strict, std::vector<LintProblem> &out);

/// What sync passes to importDocument: each recognised document's schema problems and contract checks
/// (deprecations aside: those are lint's), added to its import result as warnings ("does not follow ODCS v3.1.0: …") so that the entities still
/// import and the problems show in the sync report and the problems view.
DocumentCheck schemaWarnings(const QString &file);

} // namespace meshscope::validation
