#include "importresult.h"

#include <algorithm>

namespace meshscope {

bool ImportResult::hasErrors() const
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}

bool ImportResult::yieldsNothing() const
{
    return domains.empty() && teams.empty() && products.empty() && contracts.empty() && policies.empty()
        && datasets.empty() && lineageEdges.empty() && columnEdges.empty() && jobs.empty() && runs.empty()
        && qualityResults.empty() && semanticModels.empty() && metrics.empty();
}

void ImportResult::error(const QString &file, int line, int column, const QString &message)
{
    diagnostics.push_back({file, line, column, Diagnostic::Severity::Error, message});
}

void ImportResult::warning(const QString &file, int line, int column, const QString &message)
{
    diagnostics.push_back({file, line, column, Diagnostic::Severity::Warning, message});
}

void ImportResult::noteDomain(const QString &id, DomainType type, const QString &name)
{
    if (id.isEmpty())
        return;
    for (Domain &d : domains) {
        if (d.id == id) {
            if (d.type == DomainType::Unknown)
                d.type = type;
            if (d.name.isEmpty())
                d.name = name;
            return;
        }
    }
    Domain d;
    d.id = id;
    d.name = name.isEmpty() ? id : name;
    d.type = type;
    domains.push_back(d);
}

QString slugify(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool dash = false;
    for (const QChar c : text.trimmed().toLower()) {
        if (c.isLetterOrNumber()) {
            if (dash && !out.isEmpty())
                out += QLatin1Char('-');
            out += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

} // namespace meshscope
