#pragma once

#include <QString>

namespace meshscope::cli {

/// `s` as a JSON string literal (RFC 8259 escaping), for commands that write large JSON as they go:
/// building a QJsonDocument first costs more than the work behind a whole-mesh report.
QString jsonQuoted(const QString &s);

} // namespace meshscope::cli
