#pragma once

#include "model/importresult.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace meshscope {

namespace ytree {
class Node;
}

/// Called for each YAML document of a file once it has been imported (`recognised`: an importer took it),
/// with the result so far, so that a caller can add checks of its own (schema validation) on the tree
/// already parsed. The importers know nothing of what it does.
using DocumentCheck = std::function<void(const ytree::Node &document, bool recognised, ImportResult &result)>;

/// @brief Reads one document (bytes in, entities and diagnostics out) after detecting its format.
/// Pure: no file system, no SQL. `file` is only used to name places in diagnostics and to pick
/// the parser by extension (.yaml/.yml, .json, .ndjson/.jsonl).
ImportResult importDocument(const QString &file, const QByteArray &bytes, const DocumentCheck &check = {});

/// Whether a path looks like something importDocument can read (by extension), used by sync's walk.
bool isCandidateDocument(const QString &path);

/// Whether `d` is the note importDocument() leaves on a file no importer recognises (skipped, not an error).
bool isNotRecognised(const Diagnostic &d);

/// Documents above this size are refused with a diagnostic rather than parsed (the DOM of a
/// larger file would not fit the memory budget of a desktop app).
constexpr qint64 kMaxYamlBytes = 32 * 1024 * 1024;
constexpr qint64 kMaxJsonBytes = 128 * 1024 * 1024;

/// The size limit for a document of this name (by extension).
qint64 maxDocumentBytes(const QString &file);
/// The diagnostic for a document over its limit; sync uses it to refuse a file without reading it.
Diagnostic oversizeDiagnostic(const QString &file, qint64 size);

} // namespace meshscope
