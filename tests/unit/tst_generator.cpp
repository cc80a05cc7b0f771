#include "cli.h"
#include "generate/meshgenerator.h"
#include "generate/textwriter.h"
#include "importers/importer.h"
#include "model/importresult.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <map>
#include <set>

using namespace meshscope;
using json = nlohmann::json;

namespace {

MeshGeneratorOptions smallMesh(quint64 seed = 7)
{
    MeshGeneratorOptions o;
    o.domains = 6;
    o.products = 60;
    o.seed = seed;
    o.eventPercent = 50;
    return o;
}

/// Relative paths of the visible files under root, sorted.
QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

QStringList filesMatching(const QString &root, const QString &folder, const QString &suffix)
{
    QStringList out;
    for (const QString &f : filesUnder(root))
        if (f.startsWith(folder + QLatin1Char('/')) && f.endsWith(suffix))
            out << root + QLatin1Char('/') + f;
    return out;
}

YAML::Node yamlFile(const QString &path)
{
    return YAML::Load(testsupport::readAll(path).toStdString());
}

json jsonFile(const QString &path)
{
    return json::parse(testsupport::readAll(path).toStdString());
}

std::vector<json> ndjsonFile(const QString &path)
{
    std::vector<json> lines;
    for (const QByteArray &line : testsupport::readAll(path).split('\n'))
        if (!line.isEmpty())
            lines.push_back(json::parse(line.toStdString()));
    return lines;
}

} // namespace

class TestGenerator : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_next = 0;

    /// Generates into a fresh folder and fails the test on error.
    QString generate(const MeshGeneratorOptions &options, GeneratedMeshStats *stats = nullptr)
    {
        const QString dir = m_tmp.filePath(QStringLiteral("mesh%1").arg(m_next++));
        QString error;
        const GeneratedMeshStats s = generateMesh(dir, options, &error);
        if (!error.isEmpty())
            qFatal("generateMesh failed: %s", qPrintable(error));
        if (stats)
            *stats = s;
        return dir;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void sameSeedGivesIdenticalFiles()
    {
        const QString a = generate(smallMesh(7));
        const QString b = generate(smallMesh(7));
        const QStringList files = filesUnder(a);
        QVERIFY(files.size() > 100);
        QCOMPARE(filesUnder(b), files);
        for (const QString &f : files)
            QVERIFY2(testsupport::readAll(a + '/' + f) == testsupport::readAll(b + '/' + f), qPrintable(f));

        const QString c = generate(smallMesh(8));
        QVERIFY(testsupport::readAll(a + "/lineage/manifest.json")
                != testsupport::readAll(c + "/lineage/manifest.json"));
        QVERIFY(filesUnder(c) != files);
    }

    void statsMatchFilesOnDisk()
    {
        GeneratedMeshStats stats;
        const QString dir = generate(smallMesh(), &stats);
        QCOMPARE(stats.domains, 6);
        QCOMPARE(stats.products, 60);
        QCOMPARE(stats.contracts, 60);
        QCOMPARE(filesUnder(dir).size(), stats.files);
        QCOMPARE(filesMatching(dir, "domains", ".yaml").size(), stats.domains);
        QCOMPARE(filesMatching(dir, "products", ".odps.yaml").size(), stats.products);
        QCOMPARE(filesMatching(dir, "contracts", ".odcs.yaml").size(), stats.contracts);

        int inputPorts = 0;
        for (const QString &f : filesMatching(dir, "products", ".odps.yaml"))
            inputPorts += static_cast<int>(yamlFile(f)["inputPorts"].size());
        QCOMPARE(inputPorts, stats.edges);

        const json manifest = jsonFile(dir + "/lineage/manifest.json");
        QCOMPARE(static_cast<int>(manifest["nodes"].size() + manifest["sources"].size()), stats.datasets);
        int modelEdges = 0;
        for (const auto &[id, node] : manifest["nodes"].items())
            for (const auto &parent : node["depends_on"]["nodes"])
                modelEdges += parent.get<std::string>().rfind("model.", 0) == 0 ? 1 : 0;
        QCOMPARE(modelEdges, stats.edges);

        QCOMPARE(static_cast<int>(ndjsonFile(dir + "/lineage/events.ndjson").size()), stats.events);
        QVERIFY(stats.events > 0);
    }

    void lineageIsALayeredDagAcrossDomains()
    {
        MeshGeneratorOptions options = smallMesh();
        options.domains = 12;
        options.products = 300;
        GeneratedMeshStats stats;
        const QString dir = generate(options, &stats);
        const json manifest = jsonFile(dir + "/lineage/manifest.json");

        // Kahn's algorithm over parent_map: every node is reached only if there is no cycle.
        std::map<std::string, int> pending;
        std::map<std::string, std::vector<std::string>> children;
        for (const auto &[id, parents] : manifest["parent_map"].items()) {
            pending[id] = static_cast<int>(parents.size());
            for (const auto &p : parents)
                children[p.get<std::string>()].push_back(id);
        }
        std::vector<std::string> ready;
        for (const auto &[id, n] : pending)
            if (n == 0)
                ready.push_back(id);
        size_t visited = 0;
        while (!ready.empty()) {
            const std::string id = ready.back();
            ready.pop_back();
            ++visited;
            for (const std::string &c : children[id])
                if (--pending[c] == 0)
                    ready.push_back(c);
        }
        QCOMPARE(visited, pending.size());

        int crossDomain = 0;
        int modelEdges = 0;
        size_t maxFanIn = 0;
        for (const auto &[id, node] : manifest["nodes"].items()) {
            size_t fanIn = 0;
            for (const auto &parent : node["depends_on"]["nodes"]) {
                const std::string pid = parent.get<std::string>();
                if (pid.rfind("model.", 0) != 0)
                    continue;
                ++modelEdges;
                ++fanIn;
                if (manifest["nodes"][pid]["schema"] != node["schema"])
                    ++crossDomain;
            }
            maxFanIn = std::max(maxFanIn, fanIn);
        }
        QCOMPARE(modelEdges, stats.edges);
        QVERIFY2(crossDomain * 2 > modelEdges, "most product edges should cross domains");
        QVERIFY(maxFanIn >= 4);
        size_t maxFanOut = 0;
        for (const auto &[id, kids] : manifest["child_map"].items())
            if (id.rfind("model.", 0) == 0)
                maxFanOut = std::max(maxFanOut, kids.size());
        QVERIFY2(maxFanOut >= 10, "popular products should feed many others");
        const double perProduct = double(stats.edges) / options.products;
        QVERIFY2(perProduct >= 1.2 && perProduct <= 2.4, qPrintable(QString::number(perProduct)));
    }

    void domainsHaveRealisticTypesAndSubDomains()
    {
        MeshGeneratorOptions options = smallMesh();
        options.domains = 20;
        options.products = 100;
        const QString dir = generate(options);
        std::map<std::string, int> types;
        std::set<std::string> names;
        std::vector<std::string> parents;
        for (const QString &f : filesMatching(dir, "domains", ".yaml")) {
            const YAML::Node d = yamlFile(f);
            QCOMPARE(d["apiVersion"].as<std::string>(), std::string("meshscope.io/v1"));
            QCOMPARE(d["kind"].as<std::string>(), std::string("Domain"));
            const std::string name = d["metadata"]["name"].as<std::string>();
            QCOMPARE(QFileInfo(f).completeBaseName().toStdString(), name);
            names.insert(name);
            ++types[d["spec"]["type"].as<std::string>()];
            if (d["metadata"]["parent"])
                parents.push_back(d["metadata"]["parent"].as<std::string>());
        }
        QCOMPARE(types["source-aligned"], 12);
        QCOMPARE(types["consumer-aligned"], 5);
        QCOMPARE(types["aggregate"], 3);
        QVERIFY(!parents.empty());
        for (const std::string &p : parents)
            QVERIFY(names.count(p));
    }

    void contractsResolveAndMeetTheWarehouse()
    {
        const QString dir = generate(smallMesh());
        std::map<std::string, YAML::Node> contracts;
        for (const QString &f : filesMatching(dir, "contracts", ".odcs.yaml")) {
            const YAML::Node c = yamlFile(f);
            QCOMPARE(c["apiVersion"].as<std::string>(), std::string("v3.1.0"));
            QCOMPARE(QFileInfo(f).fileName().toStdString(), c["id"].as<std::string>() + ".odcs.yaml");
            QVERIFY(c["schema"].size() >= 1 && c["schema"].size() <= 3);
            for (const auto &object : c["schema"]) {
                QVERIFY(object["properties"].size() >= 4 && object["properties"].size() <= 15);
                for (const auto &property : object["properties"])
                    QVERIFY(property["logicalType"] && property["physicalType"] && property["classification"]);
            }
            QCOMPARE(c["slaProperties"].size(), size_t(3));
            contracts[c["id"].as<std::string>()] = c;
        }

        std::map<std::string, std::string> contractOfProduct;
        for (const QString &f : filesMatching(dir, "products", ".odps.yaml")) {
            const YAML::Node p = yamlFile(f);
            const std::string id = p["id"].as<std::string>();
            QCOMPARE(p["apiVersion"].as<std::string>(), std::string("v1.0.0"));
            QCOMPARE(p["outputPorts"].size(), size_t(1));
            const std::string out = p["outputPorts"][0]["contractId"].as<std::string>();
            QVERIFY2(contracts.count(out), out.c_str());
            QCOMPARE(contracts[out]["dataProduct"].as<std::string>(), id);
            QCOMPARE(contracts[out]["domain"].as<std::string>(), p["domain"].as<std::string>());
            for (const auto &in : p["inputPorts"])
                QVERIFY2(contracts.count(in["contractId"].as<std::string>()), id.c_str());
            contractOfProduct[id] = out;
        }
        QCOMPARE(contractOfProduct.size(), contracts.size());

        // Each dbt model is the table its product's contract promises, in the schema it names.
        const json manifest = jsonFile(dir + "/lineage/manifest.json");
        QCOMPARE(manifest["metadata"]["dbt_schema_version"].get<std::string>(),
                 std::string("https://schemas.getdbt.com/dbt/manifest/v12.json"));
        std::set<std::string> relations;
        for (const json *nodes : {&manifest["nodes"], &manifest["sources"]}) {
            for (const auto &[id, node] : nodes->items()) {
                const std::string table = node.contains("alias") ? node["alias"].get<std::string>()
                                                                 : node["identifier"].get<std::string>();
                const std::string schema = node["schema"].get<std::string>();
                QCOMPARE(node["relation_name"].get<std::string>(),
                         "\"mesh\".\"" + schema + "\".\"" + table + "\"");
                relations.insert("mesh." + schema + "." + table);
                QCOMPARE(datasetId("postgres", QString::fromStdString(node["relation_name"].get<std::string>())),
                         datasetId("postgres://warehouse:5432", QString::fromStdString("mesh." + schema + "." + table)));
                if (node["resource_type"] != "model")
                    continue;
                const std::string product = node["meta"]["data_product"].get<std::string>();
                QVERIFY(contractOfProduct.count(product));
                const YAML::Node &c = contracts[contractOfProduct[product]];
                QCOMPARE(c["schema"][0]["physicalName"].as<std::string>(), table);
                QCOMPARE(c["servers"][0]["schema"].as<std::string>(), schema);
            }
        }

        // OpenLineage datasets name the same tables, so both lineage sources meet in one node.
        for (const json &event : ndjsonFile(dir + "/lineage/events.ndjson")) {
            for (const char *side : {"inputs", "outputs"}) {
                for (const json &ds : event[side]) {
                    QCOMPARE(ds["namespace"].get<std::string>(), std::string("postgres://warehouse:5432"));
                    QVERIFY2(relations.count(ds["name"].get<std::string>()), ds["name"].dump().c_str());
                }
            }
        }
    }

    void runEventsArePairedDatedAndSometimesFail()
    {
        MeshGeneratorOptions options = smallMesh();
        options.eventPercent = 100;
        GeneratedMeshStats stats;
        const QString dir = generate(options, &stats);
        const std::vector<json> events = ndjsonFile(dir + "/lineage/events.ndjson");
        QCOMPARE(static_cast<int>(events.size()), options.products * options.runsPerJob * 2);
        const std::string reference = jsonFile(dir + "/lineage/manifest.json")["metadata"]["generated_at"];

        std::map<std::string, std::vector<std::string>> states;
        std::string previousTime;
        int failedAssertions = 0;
        int columnLineage = 0;
        for (const json &e : events) {
            QCOMPARE(e["schemaURL"].get<std::string>(),
                     std::string("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"));
            const std::string time = e["eventTime"];
            QVERIFY(time >= previousTime); // ISO-8601 UTC strings sort as times
            QVERIFY2(time < reference, "events happen before the mesh's reference date");
            previousTime = time;
            states[e["run"]["runId"]].push_back(e["eventType"]);
            for (const json &in : e["inputs"])
                if (in.contains("inputFacets"))
                    for (const json &a : in["inputFacets"]["dataQualityAssertions"]["assertions"])
                        failedAssertions += a["success"].get<bool>() ? 0 : 1;
            for (const json &out : e["outputs"])
                if (out.contains("facets") && out["facets"].contains("columnLineage"))
                    ++columnLineage;
        }
        int failedRuns = 0;
        for (const auto &[run, s] : states) {
            QCOMPARE(s.size(), size_t(2));
            QCOMPARE(s[0], std::string("START"));
            QVERIFY(s[1] == "COMPLETE" || s[1] == "FAIL");
            failedRuns += s[1] == "FAIL";
        }
        QVERIFY(failedRuns > 0);
        QVERIFY(failedRuns * 5 < static_cast<int>(states.size()));
        QVERIFY(failedAssertions > 0);
        QVERIFY(columnLineage > 0);
    }

    void everyDocumentImportsWithoutErrors()
    {
        const QString dir = generate(smallMesh());
        const std::map<QString, QString> formatOfFolder{{"domains", "domain"},
                                                        {"products", "odps"},
                                                        {"contracts", "odcs"}};
        int checked = 0;
        for (const QString &relative : filesUnder(dir)) {
            const QString path = dir + '/' + relative;
            QVERIFY(isCandidateDocument(path));
            const ImportResult r = importDocument(path, testsupport::readAll(path));
            for (const Diagnostic &d : r.diagnostics)
                QVERIFY2(d.severity != Diagnostic::Severity::Error, qPrintable(d.toString()));
            const QString folder = relative.section('/', 0, 0);
            QString expected = formatOfFolder.count(folder) ? formatOfFolder.at(folder) : QString();
            if (relative == u"lineage/manifest.json")
                expected = QStringLiteral("dbt-manifest");
            else if (relative == u"lineage/events.ndjson")
                expected = QStringLiteral("openlineage");
            QCOMPARE(r.format, expected);
            ++checked;
        }
        QCOMPARE(checked, 6 + 60 + 60 + 2);
    }

    void smallestMeshIsComplete()
    {
        MeshGeneratorOptions o;
        o.domains = 1;
        o.products = 1;
        o.eventPercent = 100;
        GeneratedMeshStats stats;
        const QString dir = generate(o, &stats);
        QCOMPARE(stats.files, 5);
        QCOMPARE(stats.edges, 0);
        QVERIFY(stats.datasets >= 2); // the model and the raw table it reads
        QCOMPARE(stats.events, 2 * o.runsPerJob);
        const YAML::Node domain = yamlFile(filesMatching(dir, "domains", ".yaml").constFirst());
        QCOMPARE(domain["spec"]["type"].as<std::string>(), std::string("source-aligned"));
        QVERIFY(!domain["metadata"]["parent"]);
    }

    void rejectsBadOptionsAndForeignFolders()
    {
        MeshGeneratorOptions o = smallMesh();
        o.products = 0;
        QVERIFY(!validateGeneratorOptions(o).isEmpty());
        o = smallMesh();
        o.domains = 0;
        QVERIFY(!validateGeneratorOptions(o).isEmpty());
        o.domains = 61;
        QVERIFY(validateGeneratorOptions(o).contains("--domains"));
        o = smallMesh();
        o.products = 1'000'000; // its manifest would be over the importer's size limit
        QVERIFY(!validateGeneratorOptions(o).isEmpty());
        o = smallMesh();
        o.eventPercent = 101;
        QVERIFY(!validateGeneratorOptions(o).isEmpty());

        QString error;
        const QString bad = m_tmp.filePath("bad");
        const GeneratedMeshStats none = generateMesh(bad, o, &error);
        QVERIFY(!error.isEmpty());
        QCOMPARE(none.files, 0);
        QVERIFY(!QFileInfo::exists(bad));

        // A folder with someone else's files is never written into or cleared.
        const QString foreign = m_tmp.filePath("foreign");
        QVERIFY(QDir().mkpath(foreign + "/products"));
        QFile keep(foreign + "/products/keep.txt");
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("mine");
        keep.close();
        generateMesh(foreign, smallMesh(), &error);
        QVERIFY(error.contains("not empty"));
        QCOMPARE(filesUnder(foreign), QStringList{"products/keep.txt"});

        // An earlier output is replaced: nothing of the bigger mesh is left behind.
        MeshGeneratorOptions big = smallMesh();
        big.products = 90;
        const QString again = m_tmp.filePath("again");
        generateMesh(again, big, &error);
        QVERIFY(error.isEmpty());
        GeneratedMeshStats stats = generateMesh(again, smallMesh(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(filesUnder(again).size(), stats.files);
        QCOMPARE(filesUnder(again), filesUnder(generate(smallMesh())));
    }

    void writersQuoteWhatYamlAndJsonWouldMisread()
    {
        const std::vector<std::string> tricky{"orders", "1.0.0", "42", "yes", "No", "null", "~", "a: b",
                                              "#tag", "- item", "x, y", "[list]", "quote\"d", "back\\slash",
                                              "line\nbreak", "tab\there", "", " padded ", "@user", "numeric(12,2)"};
        generate::YamlWriter y;
        y.list("all", tricky);
        for (size_t i = 0; i < tricky.size(); ++i)
            y.field("k" + std::to_string(i), tricky[i]);
        const YAML::Node doc = YAML::Load(y.text());
        for (size_t i = 0; i < tricky.size(); ++i) {
            QCOMPARE(doc["k" + std::to_string(i)].as<std::string>(), tricky[i]);
            QCOMPARE(doc["all"][i].as<std::string>(), tricky[i]);
        }
        QVERIFY(y.text().find("k0: orders\n") != std::string::npos); // plain when safe

        generate::JsonWriter j;
        j.beginObject();
        j.stringArray("all", tricky);
        j.field("control", std::string("a\x01b"));
        j.key("n");
        j.real(99.5);
        j.endObject();
        const json parsed = json::parse(j.text());
        QCOMPARE(parsed["all"].get<std::vector<std::string>>(), tricky);
        QCOMPARE(parsed["control"].get<std::string>(), std::string("a\x01b"));
        QCOMPARE(parsed["n"].get<double>(), 99.5);
    }

    void commandLine()
    {
        const QString dir = m_tmp.filePath("cli");
        const QStringList base{"meshscope", "generate"};
        QCOMPARE(cli::run(base), 2);
        QCOMPARE(cli::run(base + QStringList{"--out", dir, "--products", "0"}), 2);
        QCOMPARE(cli::run(base + QStringList{"--out", dir, "--products", "5", "--domains", "6"}), 2);
        QCOMPARE(cli::run(base + QStringList{"--out", dir, "--products", "many"}), 2);
        QCOMPARE(cli::run(base + QStringList{"--out", dir, "--seed", "-1"}), 2);
        QCOMPARE(cli::run(base + QStringList{"--out", dir, "stray"}), 2);
        QCOMPARE(cli::run(base + QStringList{"--bogus"}), 2);
        QVERIFY(!QFileInfo::exists(dir));
        QCOMPARE(cli::run(base + QStringList{"--help"}), 0);

        QCOMPARE(cli::run(base + QStringList{"--out", dir, "--products", "12", "--domains", "3", "--seed", "5",
                                             "--json"}),
                 0);
        QCOMPARE(filesMatching(dir, "products", ".odps.yaml").size(), 12);
        QCOMPARE(filesMatching(dir, "domains", ".yaml").size(), 3);
    }

    void jsonOutputOfTheBinary()
    {
        if (!QFileInfo::exists(MESHSCOPE_BINARY))
            QSKIP("the meshscope binary is not built");
        const QString dir = m_tmp.filePath("binary");
        QProcess process;
        process.start(MESHSCOPE_BINARY, {"generate", "--out", dir, "--products", "20", "--domains", "4", "--json"});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QJsonObject stats = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(stats.value("products").toInt(), 20);
        QCOMPARE(stats.value("domains").toInt(), 4);
        QCOMPARE(stats.value("files").toInt(), filesUnder(dir).size());

        process.start(MESHSCOPE_BINARY, {"generate", "--out", dir, "--domains", "0"});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        const QByteArray error = process.readAllStandardError();
        QCOMPARE(error.count('\n'), 1);
        QVERIFY(error.contains("--domains"));
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
