#pragma once

#include <QString>

namespace meshscope {

/// @brief One problem found while reading a document, located as precisely as the parser allows.
struct Diagnostic {
    enum class Severity { Error, Warning, Info };

    QString file;
    int line = 0;   ///< 1-based; 0 when unknown
    int column = 0; ///< 1-based; 0 when unknown
    Severity severity = Severity::Error;
    QString message;

    /// "file:line:column: error: message", the form compilers use and editors can jump to.
    QString toString() const;
    static QString severityName(Severity s);
};

} // namespace meshscope
