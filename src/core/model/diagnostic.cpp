#include "diagnostic.h"

namespace meshscope {

QString Diagnostic::severityName(Severity s)
{
    switch (s) {
    case Severity::Error: return QStringLiteral("error");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Info: return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

QString Diagnostic::toString() const
{
    QString place = file;
    if (line > 0) {
        place += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            place += QLatin1Char(':') + QString::number(column);
    }
    return place + QStringLiteral(": ") + severityName(severity) + QStringLiteral(": ") + message;
}

} // namespace meshscope
