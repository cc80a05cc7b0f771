#include "dbttests.h"

#include "model/serialization.h"

#include <QHash>

#include <algorithm>

namespace meshscope::slo {

namespace {

struct Target {
    QString datasetId;
    QString column;
    QString check;
};

bool needsResolving(const QualityResult &r)
{
    return r.datasetId.startsWith(QLatin1String("dbt-test/"));
}

} // namespace

int resolveDbtTests(const std::vector<Dataset> &datasets, Evidence &evidence)
{
    QHash<QString, Target> byName; // the generic test's name prefix -> what it checks
    for (const Dataset &d : datasets) {
        const QString model = d.name.section(QLatin1Char('.'), -1).toLower();
        for (const QString &label : d.checks) {
            const qsizetype open = label.indexOf(QLatin1Char('('));
            const QString check = (open < 0 ? label : label.left(open)).section(QLatin1Char('.'), -1);
            const QString column = open < 0 ? QString() : label.mid(open + 1).chopped(1);
            QString name = check + QLatin1Char('_') + model;
            if (!column.isEmpty())
                name += QLatin1Char('_') + column;
            byName.insert(name.toLower(), {d.id, column, check});
        }
    }
    int resolved = 0;
    for (QualityResult &r : evidence.results) {
        if (!needsResolving(r))
            continue;
        const QString name = r.check.toLower();
        // The longest known name the test's name starts with (accepted_values adds its values).
        const Target *best = nullptr;
        qsizetype bestLength = 0;
        for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
            if (it.key().size() > bestLength && (name == it.key() || name.startsWith(it.key() + QLatin1Char('_')))) {
                best = &it.value();
                bestLength = it.key().size();
            }
        }
        if (!best)
            continue;
        r.datasetId = best->datasetId;
        r.column = best->column;
        r.check = best->check;
        ++resolved;
    }
    return resolved;
}

int resolveDbtTests(sql::Connection &db, Evidence &evidence)
{
    if (std::none_of(evidence.results.begin(), evidence.results.end(), needsResolving))
        return 0;
    std::vector<Dataset> datasets;
    sql::Statement s = db.prepare("SELECT data FROM datasets WHERE data LIKE '%\"checks\"%'");
    while (s.step()) {
        Dataset d;
        json::fromJson(json::parseObject(s.blob(0)), d);
        datasets.push_back(std::move(d));
    }
    return resolveDbtTests(datasets, evidence);
}

} // namespace meshscope::slo
