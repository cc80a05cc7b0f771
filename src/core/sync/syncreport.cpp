#include "syncreport.h"

#include <QJsonArray>

namespace meshscope {

QJsonObject CountOrigin::toJson() const
{
    QJsonObject formats;
    for (const auto &[format, n] : documentsByFormat)
        formats.insert(format, n);
    return QJsonObject{{QStringLiteral("documents"), documents},
                       {QStringLiteral("sources"), sources},
                       {QStringLiteral("formats"), formats}};
}

QJsonObject CacheCounts::toJson() const
{
    QJsonObject originsJson;
    for (const auto &[key, origin] : origins)
        originsJson.insert(key, origin.toJson());
    return QJsonObject{
        {QStringLiteral("origins"), originsJson},
        {QStringLiteral("files"), files},
        {QStringLiteral("domains"), domains},
        {QStringLiteral("products"), products},
        {QStringLiteral("contracts"), contracts},
        {QStringLiteral("contractIds"), contractIds},
        {QStringLiteral("policies"), policies},
        {QStringLiteral("datasets"), datasets},
        {QStringLiteral("columns"), columns},
        {QStringLiteral("lineageEdges"), lineageEdges},
        {QStringLiteral("columnEdges"), columnEdges},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("qualityResults"), qualityResults},
    };
}

bool SyncReport::hasDocumentErrors() const
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            return true;
    }
    return false;
}

QJsonObject SyncReport::toJson() const
{
    QJsonArray diags;
    for (const Diagnostic &d : diagnostics) {
        diags.append(QJsonObject{
            {QStringLiteral("file"), d.file},
            {QStringLiteral("line"), d.line},
            {QStringLiteral("column"), d.column},
            {QStringLiteral("severity"), Diagnostic::severityName(d.severity)},
            {QStringLiteral("message"), d.message},
        });
    }
    QJsonObject o = counts.toJson();
    o.insert(QStringLiteral("filesSeen"), filesSeen);
    o.insert(QStringLiteral("filesParsed"), filesParsed);
    o.insert(QStringLiteral("filesUnchanged"), filesUnchanged);
    o.insert(QStringLiteral("filesRemoved"), filesRemoved);
    o.insert(QStringLiteral("added"), added);
    o.insert(QStringLiteral("changed"), changed);
    o.insert(QStringLiteral("removed"), removed);
    o.insert(QStringLiteral("cancelled"), cancelled);
    if (!fatalError.isEmpty())
        o.insert(QStringLiteral("error"), fatalError);
    o.insert(QStringLiteral("diagnostics"), diags);
    return o;
}

} // namespace meshscope
