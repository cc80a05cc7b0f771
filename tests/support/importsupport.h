#pragma once

#include "importers/importer.h"
#include "model/importresult.h"
#include "testsupport.h"

#include <QStringList>

#include <algorithm>
#include <optional>

/// Importing fixtures and reading their diagnostics, shared by the importer tests.
namespace testsupport {

/// Imports a file of ../shared/corpus by its relative path.
inline meshscope::ImportResult importCorpus(const QString &relative)
{
    const QString path = corpus(relative);
    return meshscope::importDocument(path, readAll(path));
}

/// Imports an inline document as if it were a file named `name`.
inline meshscope::ImportResult importText(const QByteArray &text, const QString &name = QStringLiteral("inline.yaml"))
{
    return meshscope::importDocument(name, text);
}

/// All diagnostics, one per line, for failure messages.
inline QString describe(const meshscope::ImportResult &r)
{
    QStringList lines;
    for (const meshscope::Diagnostic &d : r.diagnostics)
        lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

inline int countDiagnostics(const meshscope::ImportResult &r, meshscope::Diagnostic::Severity severity)
{
    return int(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                             [&](const meshscope::Diagnostic &d) { return d.severity == severity; }));
}

/// The first diagnostic of that severity whose message contains `text`, or nullptr.
inline const meshscope::Diagnostic *findDiagnostic(const meshscope::ImportResult &r,
                                                   std::optional<meshscope::Diagnostic::Severity> severity,
                                                   const QString &text)
{
    for (const meshscope::Diagnostic &d : r.diagnostics) {
        if ((!severity || d.severity == *severity) && d.message.contains(text))
            return &d;
    }
    return nullptr;
}

/// The first diagnostic of any severity whose message contains `text`, or nullptr.
inline const meshscope::Diagnostic *findDiagnostic(const meshscope::ImportResult &r, const QString &text)
{
    return findDiagnostic(r, std::nullopt, text);
}

} // namespace testsupport
