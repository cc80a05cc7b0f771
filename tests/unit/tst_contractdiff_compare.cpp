// The value comparisons behind the diff rules (types, service levels, classifications, constraints)
// and the semantic version check, on their own.
#include "contracts/diffcompare.h"
#include "contracts/semver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace meshscope;
using namespace meshscope::diff;

class TestContractDiffCompare : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void typeWidening_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("expected");
        const int same = int(TypeChange::Same), wider = int(TypeChange::Widened), no = int(TypeChange::Incompatible);
        QTest::newRow("int4 = integer") << "int4" << "INTEGER" << same;
        QTest::newRow("int -> bigint") << "int" << "bigint" << wider;
        QTest::newRow("bigint -> int") << "bigint" << "int" << no;
        QTest::newRow("int -> numeric(12,2)") << "integer" << "numeric(12,2)" << wider;
        QTest::newRow("int -> numeric(10,2)") << "integer" << "numeric(10,2)" << no;
        QTest::newRow("int -> double") << "int" << "double precision" << wider;
        QTest::newRow("bigint -> double") << "bigint" << "float8" << no;
        QTest::newRow("real -> double") << "real" << "double" << wider;
        QTest::newRow("numeric(10,2) -> numeric(12,2)") << "numeric(10,2)" << "decimal(12, 2)" << wider;
        QTest::newRow("numeric(10,2) -> numeric(10,3)") << "numeric(10,2)" << "numeric(10,3)" << no;
        QTest::newRow("numeric(10,2) -> numeric") << "numeric(10,2)" << "numeric" << wider;
        QTest::newRow("varchar[15] -> varchar[50]") << "varchar[15]" << "varchar[50]" << wider;
        QTest::newRow("varchar(36) -> text") << "varchar(36)" << "text" << wider;
        QTest::newRow("text -> varchar(36)") << "text" << "varchar(36)" << no;
        QTest::newRow("char -> varchar(1)") << "char" << "varchar(1)" << same;
        QTest::newRow("date -> timestamp") << "date" << "timestamp" << wider;
        QTest::newRow("timestamp -> timestamptz") << "timestamp" << "timestamp with time zone" << no;
        QTest::newRow("bigint -> uuid") << "bigint" << "uuid" << no;
        QTest::newRow("unknown same") << "Name" << "name" << same;
        QTest::newRow("unknown changed") << "Name" << "Flag" << no;
        QTest::newRow("typed -> untyped") << "int" << "" << wider;
        QTest::newRow("untyped -> typed") << "" << "int" << no;
    }

    void typeWidening()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, expected);
        QCOMPARE(int(comparePhysicalTypes(from, to)), expected);
    }

    void logicalTypes()
    {
        QCOMPARE(compareLogicalTypes("integer", "number"), TypeChange::Widened);
        QCOMPARE(compareLogicalTypes("number", "integer"), TypeChange::Incompatible);
        QCOMPARE(compareLogicalTypes("date", "timestamp"), TypeChange::Widened);
        QCOMPARE(compareLogicalTypes("timestamp", "date"), TypeChange::Incompatible);
        QCOMPARE(compareLogicalTypes("integer", "string"), TypeChange::Incompatible);
        QCOMPARE(compareLogicalTypes("long", "Integer"), TypeChange::Same);
        QCOMPARE(compareLogicalTypes("string", ""), TypeChange::Widened);
    }

    void serviceLevelsAndDurations()
    {
        QCOMPARE(durationSeconds("1", "h"), 3600.0);
        QCOMPARE(durationSeconds("500ms"), 0.5);
        QCOMPARE(durationSeconds("30", "min"), 1800.0);
        QCOMPARE(durationSeconds("25h"), 90000.0);
        QCOMPARE(durationSeconds("PT1H30M"), 5400.0);
        QCOMPARE(durationSeconds("P1Y"), 31536000.0);
        QCOMPARE(durationSeconds("daily"), 86400.0);
        QVERIFY(std::isinf(*durationSeconds("unlimited")));
        QVERIFY(!durationSeconds("0 7 * * *"));
        QVERIFY(!durationSeconds("5", "parsecs"));
        QCOMPARE(percentage("99.9%"), 99.9);
        QCOMPARE(percentage("99.5", "%"), 99.5);
        QCOMPARE(percentage("0.999"), 99.9);

        const auto level = [](const char *v, const char *unit = "") {
            return ServiceLevel{QString(), QString::fromLatin1(v), QString::fromLatin1(unit), QString()};
        };
        QCOMPARE(compareServiceLevels("latency", level("1", "h"), level("60", "min")), SlaChange::Same);
        QCOMPARE(compareServiceLevels("freshness", level("25h"), level("1", "d")), SlaChange::Stronger);
        QCOMPARE(compareServiceLevels("retention", level("P1Y"), level("unlimited")), SlaChange::Stronger);
        QCOMPARE(compareServiceLevels("retention", level("unlimited"), level("3", "y")), SlaChange::Weaker);
        QCOMPARE(compareServiceLevels("availability", level("99.9%"), level("0.995")), SlaChange::Weaker);
        QCOMPARE(compareServiceLevels("frequency", level("1h (batch)"), level("1h (streaming)")), SlaChange::Unranked);
        QCOMPARE(compareServiceLevels("endOfLife", level("2030"), level("2031")), SlaChange::Unranked);
    }

    /// Every unit spelling in docs/contract-diff.md's table reads to the same quantity (issue 18).
    void serviceLevelUnitSpellings_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("seconds");
        const struct { const char *value; const char *unit; double seconds; } rows[] = {
            {"250", "ms", 0.25},       {"250ms", "", 0.25},        {"90", "s", 90},           {"90", "sec", 90},
            {"2", "m", 120},           {"2", "min", 120},          {"2", "minutes", 120},     {"4", "h", 14400},
            {"4", "hours", 14400},     {"4 hrs.", "", 14400},      {"3", "d", 259200},        {"3", "day", 259200},
            {"3", "Days", 259200},     {"1", "week", 604800},      {"2", "weeks", 1209600},   {"1", "month", 2592000},
            {"2", "months", 5184000},  {"1", "y", 31536000},       {"1", "yr", 31536000},     {"3", "years", 94608000},
            {"P1D", "", 86400},        {"PT4H", "", 14400},        {"P1DT12H", "", 129600},   {"p2w", "", 1209600},
            {"PT0.5S", "", 0.5},       {"1h 30m", "", 5400},       {"1 day, 4 hours", "", 100800},
            {"2 hours and 15 minutes", "", 8100},                  {"hourly", "", 3600},
        };
        for (const auto &r : rows)
            QTest::addRow("%s %s", r.value, r.unit) << QString::fromLatin1(r.value) << QString::fromLatin1(r.unit) << r.seconds;
    }

    void serviceLevelUnitSpellings()
    {
        QFETCH(QString, value);
        QFETCH(QString, unit);
        QFETCH(double, seconds);
        const auto read = durationSeconds(value, unit);
        QVERIFY(read);
        QCOMPARE(*read, seconds);
    }

    void percentSpellings()
    {
        for (const char *unit : {"%", "percent", "Percent", "pct", "percentage", " per cent "})
            QCOMPARE(percentage("99.9", QString::fromLatin1(unit)), 99.9);
        QCOMPARE(percentage("99.9 percent"), 99.9);
        QCOMPARE(percentage("0.5", "percent"), 0.5); // a stated unit wins over the share reading
        QVERIFY(!percentage("99.9", "h"));
        QVERIFY(!percentage("nine nines"));
    }

    /// The cases of issue 18: units compared across spellings, in the right direction for the property.
    void serviceLevelsAcrossUnits()
    {
        const auto level = [](const char *v, const char *unit = "") {
            return ServiceLevel{QString(), QString::fromLatin1(v), QString::fromLatin1(unit), QString()};
        };
        QCOMPARE(compareServiceLevels("availability", level("99.9", "percent"), level("99.0", "%")), SlaChange::Weaker);
        QCOMPARE(compareServiceLevels("availability", level("99.9", "pct"), level("99.95%")), SlaChange::Stronger);
        QCOMPARE(compareServiceLevels("availability", level("99.9", "percent"), level("0.999")), SlaChange::Same);
        QCOMPARE(compareServiceLevels("latency", level("24h"), level("1d")), SlaChange::Same);
        QCOMPARE(compareServiceLevels("latency", level("PT4H"), level("2h")), SlaChange::Stronger);
        QCOMPARE(compareServiceLevels("latency", level("2h"), level("PT4H")), SlaChange::Weaker);
        QCOMPARE(compareServiceLevels("freshness", level("2d"), level("24h")), SlaChange::Stronger);
        QCOMPARE(compareServiceLevels("freshness", level("24h"), level("2", "days")), SlaChange::Weaker);
        QCOMPARE(compareServiceLevels("retention", level("2d"), level("24h")), SlaChange::Weaker);
        QCOMPARE(compareServiceLevels("retention", level("1", "year"), level("P1Y")), SlaChange::Same);
        QCOMPARE(compareServiceLevels("frequency", level("1", "day"), level("PT12H")), SlaChange::Stronger);
        QCOMPARE(compareServiceLevels("time_to_repair", level("1h 30m"), level("90", "min")), SlaChange::Same);
    }

    /// Values that cannot be compared stay unranked and say why.
    void unrankedServiceLevelsSayWhy()
    {
        const auto level = [](const char *v, const char *unit = "") {
            return ServiceLevel{QString(), QString::fromLatin1(v), QString::fromLatin1(unit), QString()};
        };
        QString why;
        QCOMPARE(compareServiceLevels("latency", level("4", "percent"), level("2", "h"), &why), SlaChange::Unranked);
        QVERIFY2(why.contains(QStringLiteral("old value")) && why.contains(QStringLiteral("'percent' is a percentage")),
                 qPrintable(why));
        why.clear();
        QCOMPARE(compareServiceLevels("availability", level("99.9"), level("99", "h"), &why), SlaChange::Unranked);
        QVERIFY2(why.contains(QStringLiteral("new value")) && why.contains(QStringLiteral("'h' is a duration")),
                 qPrintable(why));
        why.clear();
        QCOMPARE(compareServiceLevels("retention", level("5", "parsecs"), level("1", "y"), &why), SlaChange::Unranked);
        QVERIFY2(why.contains(QStringLiteral("unknown time unit 'parsecs'")), qPrintable(why));
        why.clear();
        QCOMPARE(compareServiceLevels("frequency", level("0 7 * * *"), level("1", "d"), &why), SlaChange::Unranked);
        QVERIFY2(why.contains(QStringLiteral("0 7 * * *")), qPrintable(why));
        why.clear();
        QCOMPARE(compareServiceLevels("timeOfAvailability", level("09:00"), level("10:00"), &why), SlaChange::Unranked);
        QVERIFY2(why.contains(QStringLiteral("timeOfAvailability")), qPrintable(why));
    }

    void classificationsAndConstraints()
    {
        QCOMPARE(classificationRank("Public"), 0);
        QCOMPARE(classificationRank("internal"), 1);
        QCOMPARE(classificationRank("highly_confidential"), 3);
        QCOMPARE(classificationRank("Top Secret"), 4);
        QVERIFY(!classificationRank(""));
        QVERIFY(!classificationRank("amber"));

        const QJsonValue none;
        QCOMPARE(compareConstraint("maxLength", 10, 20), Tightening::Looser);
        QCOMPARE(compareConstraint("maxLength", 20, 10), Tightening::Tighter);
        QCOMPARE(compareConstraint("minimum", "2020-01-01", "2021-01-01"), Tightening::Tighter);
        QCOMPARE(compareConstraint("minimum", 0, none), Tightening::Looser);
        QCOMPARE(compareConstraint("pattern", none, "^x$"), Tightening::Tighter);
        QCOMPARE(compareConstraint("pattern", "^x$", "^y$"), Tightening::Tighter);
        QCOMPARE(compareConstraint("enum", QJsonArray{"a", "b"}, QJsonArray{"b", "a", "c"}), Tightening::Looser);
        QCOMPARE(compareConstraint("enum", QJsonArray{"a", "b"}, QJsonArray{"a", "c"}), Tightening::Tighter);
        QCOMPARE(compareConstraint("enum", QJsonArray{"a"}, none), Tightening::Looser);
        QCOMPARE(compareConstraint("enum", QJsonArray{"b", "a"}, QJsonArray{"a", "b"}), Tightening::Same);
        QCOMPARE(compareConstraint("uniqueItems", none, false), Tightening::Same);
        QCOMPARE(compareConstraint("uniqueItems", false, true), Tightening::Tighter);
        QCOMPARE(compareConstraint("required", QJsonArray{"a"}, QJsonArray{"a", "b"}), Tightening::Tighter);
    }

    void semanticVersions()
    {
        QCOMPARE(SemVer::parse("v1.2")->core(), QStringLiteral("1.2.0"));
        QCOMPARE(SemVer::parse("2.0.0-rc.1+b7")->preRelease, QStringLiteral("rc.1"));
        QVERIFY(!SemVer::parse("latest"));
        QVERIFY(!SemVer::parse("1.2.3.4"));

        QCOMPARE(checkVersion("1.3.0", "2.0.0", Severity::Breaking).required, QStringLiteral("2.0.0"));
        QVERIFY(checkVersion("1.3.0", "2.0.0", Severity::Breaking).ok);
        QVERIFY(!checkVersion("1.3.0", "1.4.0", Severity::Breaking).ok);
        QVERIFY(checkVersion("1.3.0", "2.0.0-rc.1", Severity::Breaking).ok);
        QCOMPARE(checkVersion("1.3.7", "1.4.0", Severity::NonBreaking).required, QStringLiteral("1.4.0"));
        QVERIFY(!checkVersion("1.3.7", "1.3.8", Severity::NonBreaking).ok);
        QCOMPARE(checkVersion("1.3.7", "1.3.8", Severity::Info).required, QStringLiteral("1.3.8"));
        QVERIFY(checkVersion("1.3.7", "1.3.8", Severity::Info).ok);
        QCOMPARE(checkVersion("0.4.0", "0.5.0", Severity::Breaking).required, QStringLiteral("1.0.0"));
        QCOMPARE(checkVersion("1.0.0", "1.0.0", std::nullopt).required, QStringLiteral("1.0.0"));
        QVERIFY(checkVersion("1.0.0", "1.0.0", std::nullopt).ok);
        QVERIFY(!checkVersion("1.0.0", "0.9.0", std::nullopt).ok);
        const VersionCheck unreadable = checkVersion("draft", "2.0.0", Severity::Breaking);
        QVERIFY(unreadable.required.isEmpty());
        QVERIFY(!unreadable.ok);
        QVERIFY(unreadable.reason.contains("draft"));
        QVERIFY(!checkVersion("1.0.0", "next", Severity::Info).ok);
    }
};

QTEST_GUILESS_MAIN(TestContractDiffCompare)
#include "tst_contractdiff_compare.moc"
