#include "entities.h"

#include <QSet>

namespace meshscope {

QString domainTypeName(DomainType type)
{
    switch (type) {
    case DomainType::SourceAligned: return QStringLiteral("source-aligned");
    case DomainType::ConsumerAligned: return QStringLiteral("consumer-aligned");
    case DomainType::Aggregate: return QStringLiteral("aggregate");
    case DomainType::Unknown: break;
    }
    return {};
}

DomainType parseDomainType(const QString &text)
{
    QString t = text.trimmed().toLower();
    t.remove(QLatin1Char('-')).remove(QLatin1Char('_')).remove(QLatin1Char(' '));
    if (t == u"sourcealigned" || t == u"source")
        return DomainType::SourceAligned;
    if (t == u"consumeraligned" || t == u"consumer")
        return DomainType::ConsumerAligned;
    if (t == u"aggregate" || t == u"aggregated" || t == u"aggregatealigned")
        return DomainType::Aggregate;
    return DomainType::Unknown;
}

static const QSet<QString> &databaseSchemes()
{
    static const QSet<QString> schemes{
        QStringLiteral("postgres"), QStringLiteral("mysql"), QStringLiteral("snowflake"),
        QStringLiteral("bigquery"), QStringLiteral("redshift"), QStringLiteral("duckdb"),
        QStringLiteral("sqlite"), QStringLiteral("trino"), QStringLiteral("databricks"),
        QStringLiteral("spark"), QStringLiteral("hive"), QStringLiteral("sqlserver"),
        QStringLiteral("oracle"), QStringLiteral("athena"), QStringLiteral("clickhouse"),
        QStringLiteral("glue"), QStringLiteral("db2"), QStringLiteral("teradata"),
    };
    return schemes;
}

static QString canonicalScheme(QString scheme)
{
    scheme = scheme.toLower();
    if (scheme == u"postgresql")
        return QStringLiteral("postgres");
    if (scheme == u"mssql")
        return QStringLiteral("sqlserver");
    if (scheme == u"awsathena")
        return QStringLiteral("athena");
    return scheme;
}

QString datasetId(const QString &ns, const QString &name)
{
    const qsizetype sep = ns.indexOf(QStringLiteral("://"));
    const QString scheme = canonicalScheme(sep >= 0 ? ns.left(sep) : ns);
    if (databaseSchemes().contains(scheme)) {
        QString cleaned = name;
        cleaned.remove(QLatin1Char('"')).remove(QLatin1Char('`'));
        return scheme + QStringLiteral("://") + cleaned.toLower();
    }
    return ns + QLatin1Char('/') + name;
}

} // namespace meshscope
