#include "contractimporter_common.h"

#include "yamlsupport.h"

#include <QJsonArray>
#include <QRegularExpression>

/// Quality rules, shared by the ODCS and DCS importers: the v3 / DCS 1.x list form and the
/// DCS 0.9 `{type: SodaCL, specification: ...}` block.
namespace meshscope::importers::contracts {

using namespace yamlsupport;

QualityRule readQualityRule(const ytree::Node &node, const QString &element, const QString &place,
                            ReadContext &ctx)
{
    static const QStringList mapped = {
        QStringLiteral("id"),       QStringLiteral("name"),        QStringLiteral("type"),
        QStringLiteral("metric"),   QStringLiteral("rule"),        QStringLiteral("dimension"),
        QStringLiteral("severity"), QStringLiteral("description"), QStringLiteral("query"),
        QStringLiteral("schedule"), QStringLiteral("unit"),
    };
    QualityRule r;
    r.element = element;
    r.line = lineOf(node);
    r.id = ctx.text(node, "id", place);
    r.name = ctx.text(node, "name", place);
    r.type = ctx.text(node, "type", place);
    r.metric = ctx.text(node, "metric", place);
    if (r.metric.isEmpty())
        r.metric = ctx.text(node, "rule", place);
    r.dimension = ctx.text(node, "dimension", place);
    r.severity = ctx.text(node, "severity", place);
    r.description = ctx.text(node, "description", place);
    r.query = ctx.text(node, "query", place);
    r.schedule = ctx.text(node, "schedule", place);
    for (const auto &entry : node) {
        QString k = scalar(entry.first);
        if (mapped.contains(k))
            continue;
        if (k.startsWith(u"mustBe") || k.startsWith(u"mustNotBe")) {
            // DCS 1.x still accepts these older spellings; keep ODCS names so rules compare.
            if (k == u"mustBeGreaterThanOrEqualTo")
                k = QStringLiteral("mustBeGreaterOrEqualTo");
            else if (k == u"mustBeLessThanOrEqualTo")
                k = QStringLiteral("mustBeLessOrEqualTo");
            r.thresholds.insert(k, ctx.json(entry.second));
        } else if (k == u"customProperties") {
            r.custom.insert(k, customProperties(entry.second, place, ctx));
        } else if (!k.isEmpty()) {
            r.custom.insert(k, ctx.json(entry.second));
        }
    }
    const QString unit = ctx.text(node, "unit", place);
    if (!unit.isEmpty())
        r.thresholds.insert(QStringLiteral("unit"), unit);
    const ytree::Node implementation = child(node, "implementation");
    if (r.query.isEmpty() && implementation.IsScalar())
        r.query = scalar(implementation);
    if (r.type.isEmpty()) {
        // ODCS: `library` is the default, and a metric implies it; the other shapes name themselves.
        if (!r.metric.isEmpty())
            r.type = QStringLiteral("library");
        else if (!r.query.isEmpty() && !implementation.IsDefined())
            r.type = QStringLiteral("sql");
        else if (has(node, "engine") || implementation.IsDefined())
            r.type = QStringLiteral("custom");
        else if (!r.description.isEmpty() && r.thresholds.isEmpty())
            r.type = QStringLiteral("text");
        else
            r.type = QStringLiteral("library");
    }
    return r;
}

namespace {

QJsonValue numberOrText(const QString &text)
{
    bool ok = false;
    const double d = text.toDouble(&ok);
    return ok ? QJsonValue(d) : QJsonValue(text);
}

/// One SodaCL check line ("row_count > 1000", "missing_count(email) = 0", "avg(x) between 1 and 9").
QualityRule sodaRule(const QString &check, const QString &target, const ytree::Node &attributes, int line)
{
    static const QRegularExpression compare(
        QStringLiteral(R"(^\s*([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?\s*(<=|>=|!=|=|<|>)\s*(.+?)\s*$)"));
    static const QRegularExpression between(
        QStringLiteral(R"(^\s*([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?\s+(not\s+)?between\s+(\S+)\s+and\s+(\S+)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    QualityRule r;
    r.type = QStringLiteral("custom");
    r.query = check;
    r.name = str(attributes, "name");
    if (r.name.isEmpty())
        r.name = check;
    r.element = target;
    r.line = line;
    r.custom.insert(QStringLiteral("engine"), QStringLiteral("soda"));

    QString function, argument;
    if (const QRegularExpressionMatch m = compare.match(check); m.hasMatch()) {
        function = m.captured(1);
        argument = m.captured(2);
        static const QHash<QString, QString> operators = {
            {QStringLiteral("="), QStringLiteral("mustBe")},
            {QStringLiteral("!="), QStringLiteral("mustNotBe")},
            {QStringLiteral(">"), QStringLiteral("mustBeGreaterThan")},
            {QStringLiteral(">="), QStringLiteral("mustBeGreaterOrEqualTo")},
            {QStringLiteral("<"), QStringLiteral("mustBeLessThan")},
            {QStringLiteral("<="), QStringLiteral("mustBeLessOrEqualTo")},
        };
        r.thresholds.insert(operators.value(m.captured(3)), numberOrText(m.captured(4)));
    } else if (const QRegularExpressionMatch b = between.match(check); b.hasMatch()) {
        function = b.captured(1);
        argument = b.captured(2);
        r.thresholds.insert(b.captured(3).isEmpty() ? QStringLiteral("mustBeBetween") : QStringLiteral("mustNotBeBetween"),
                            QJsonArray{numberOrText(b.captured(4)), numberOrText(b.captured(5))});
    }
    static const QHash<QString, QString> metrics = {
        {QStringLiteral("row_count"), QStringLiteral("rowCount")},
        {QStringLiteral("missing_count"), QStringLiteral("missingValues")},
        {QStringLiteral("missing_percent"), QStringLiteral("missingValues")},
        {QStringLiteral("duplicate_count"), QStringLiteral("duplicateValues")},
        {QStringLiteral("duplicate_percent"), QStringLiteral("duplicateValues")},
        {QStringLiteral("invalid_count"), QStringLiteral("invalidValues")},
        {QStringLiteral("invalid_percent"), QStringLiteral("invalidValues")},
    };
    r.metric = metrics.value(function, function);
    if (function.endsWith(u"_percent"))
        r.thresholds.insert(QStringLiteral("unit"), QStringLiteral("percent"));
    // The first argument names the column: "freshness(last_update::datetime)" -> last_update.
    const QString column = argument.section(QLatin1Char(','), 0, 0).section(QStringLiteral("::"), 0, 0).trimmed();
    static const QRegularExpression identifier(QStringLiteral(R"(^[A-Za-z_]\w*$)"));
    if (!column.isEmpty() && identifier.match(column).hasMatch())
        r.element = target.isEmpty() ? column : target + QLatin1Char('.') + column;
    return r;
}

QList<QualityRule> readLegacyQuality(const ytree::Node &block, const QString &element, const QString &place,
                                     ReadContext &ctx)
{
    QList<QualityRule> out;
    ytree::Arena specArena; // holds the specification when it is given as YAML text
    const QString engine = ctx.text(block, "type", place);
    ytree::Node spec = child(block, "specification");
    if (spec.IsScalar()) {
        // 0.9.x also allowed the SodaCL text as one string; read it as the YAML it is.
        std::vector<ytree::Node> documents;
        ytree::ParseError error;
        if (ytree::parseAll(QByteArray::fromStdString(spec.Scalar()), specArena, documents, error) && !documents.empty()
            && documents.front().IsMap())
            spec = documents.front();
    }
    if (engine.compare(u"SodaCL", Qt::CaseInsensitive) == 0 && spec.IsMap()) {
        for (const auto &entry : spec) {
            const QString k = scalar(entry.first);
            const QString target = k.startsWith(u"checks for ") ? k.mid(11).trimmed() : element;
            if (!entry.second.IsSequence()) {
                QualityRule r = sodaRule(k, target, ytree::Node(), lineOf(entry.first));
                r.query = k + QStringLiteral(": ") + displayText(entry.second, ctx);
                out << r;
                continue;
            }
            for (const ytree::Node &item : entry.second) {
                if (!ctx.spend(item))
                    return out;
                if (item.IsScalar()) {
                    out << sodaRule(scalar(item), target, ytree::Node(), lineOf(item));
                } else if (item.IsMap() && item.size() > 0) {
                    const auto first = item.begin();
                    out << sodaRule(scalar(first->first), target, first->second, lineOf(item));
                }
            }
        }
        return out;
    }
    QualityRule r;
    r.type = QStringLiteral("custom");
    r.name = engine;
    r.element = element;
    r.line = lineOf(block);
    r.query = displayText(spec, ctx);
    r.custom.insert(QStringLiteral("engine"), engine);
    out << r;
    return out;
}

} // namespace

QList<QualityRule> readQuality(const ytree::Node &parent, const QString &element, const QString &place,
                               ReadContext &ctx)
{
    QList<QualityRule> out;
    const ytree::Node q = child(parent, "quality");
    if (!q.IsDefined() || q.IsNull())
        return out;
    if (q.IsMap() && (has(q, "specification") || has(q, "type")))
        return readLegacyQuality(q, element, place + QStringLiteral(".quality"), ctx);
    if (q.IsMap() && q.size() == 0) {
        // `quality: {}` says "none" (DCS 0.9 files carry it); not a reason to refuse the contract.
        ctx.warning(q, QStringLiteral("`quality` in %1 is an empty mapping `{}` where a list is expected; "
                                      "read as no quality rules (write `[]`)").arg(place));
        return out;
    }
    if (!q.IsSequence()) {
        ctx.error(q, QStringLiteral("`quality` in %1 must be a list, not a %2").arg(place, shapeName(q)));
        return out;
    }
    int index = 0;
    for (const ytree::Node &item : q) {
        const QString where = place + QStringLiteral(".quality[%1]").arg(index++);
        if (!ctx.spend(item))
            break;
        if (!item.IsMap()) {
            ctx.error(item, QStringLiteral("%1 must be a mapping, not a %2").arg(where, shapeName(item)));
            continue;
        }
        out << readQualityRule(item, element, where, ctx);
    }
    return out;
}

} // namespace meshscope::importers::contracts
