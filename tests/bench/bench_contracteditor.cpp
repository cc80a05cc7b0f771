// The contract editor's work per keystroke on the GUI thread (a form edit: setScalar of one value and
// the form rebuilt from the text; a YAML edit: the form rebuilt) and per validation (on a worker
// thread, debounced), on the sample's order_events contract (~250 lines) and the 5,000-line
// adventureworks contract of the ODCS examples (over 32 KB, where the controller reads the form on the
// worker thread, so the GUI thread pays only setScalar per form keystroke and nothing per YAML one).
// Parsing the text with yaml-cpp alone is measured in the same run as the reference: the ratios say
// how many parses each step costs. Medians after one warm-up run (the machine is shared; p95 is noise).
//   bench_contracteditor [--runs N] [--smoke]
#include "benchsupport.h"
#include "testsupport.h"

#include "editor/contractdocument.h"
#include "editor/contractform.h"

#include <QCoreApplication>

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <functional>

using namespace meshscope;
using namespace meshscope::editor;

namespace {

double median(int runs, const std::function<void()> &work)
{
    work(); // warm-up
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return bench::percentile(times, 50);
}

void measure(const char *title, const QString &file, const QString &text, const YamlPath &field, int runs,
             const YamlPath &block = {})
{
    bench::header(title);
    const std::string bytes = text.toStdString();
    const double parse = median(runs, [&] { YAML::Load(bytes); });
    int counter = 0;
    const double formEdit = median(runs, [&] {
        QString error;
        const auto edited = setScalar(text, field, QStringLiteral("value_%1").arg(++counter), &error);
        if (!edited)
            qFatal("setScalar failed: %s", qPrintable(error));
        buildForm(*edited);
    });
    const double setOnly = median(runs, [&] {
        QString error;
        if (!setScalar(text, field, QStringLiteral("value_%1").arg(++counter), &error))
            qFatal("setScalar failed: %s", qPrintable(error));
    });
    // What the form pays since it writes strings with setValue(): for a one-line value what setScalar
    // costs; for a block scalar the edit plus reading it back with yaml-cpp and libyaml.
    const double valueOnly = median(runs, [&] {
        QString error;
        if (!setValue(text, field, QStringLiteral("value %1").arg(++counter), &error))
            qFatal("setValue failed: %s", qPrintable(error));
    });
    double blockOnly = 0;
    if (!block.isEmpty()) {
        const QString old = *scalarAt(text, block);
        blockOnly = median(runs, [&] {
            QString error;
            if (!setValue(text, block, old + QStringLiteral(" Edited %1 times.").arg(++counter), &error))
                qFatal("setValue failed: %s", qPrintable(error));
        });
    }
    size_t rows = 0;
    const double yamlEdit = median(runs, [&] { rows = buildForm(text).size(); });
    size_t problems = 0;
    const double validation = median(runs, [&] { problems = validate(file, text).size(); });
    std::printf("| %-44s | %10d | %-5s | %10s | %-6s |\n", "lines", int(text.count(u'\n')), "", "", "");
    std::printf("| %-44s | %10d | %-5s | %10s | %-6s |\n", "form rows", int(rows), "", "", "");
    std::printf("| %-44s | %10d | %-5s | %10s | %-6s |\n", "problems", int(problems), "", "", "");
    bench::row("reference: yaml-cpp parse, median", parse, "ms");
    // A keystroke should leave most of a 60 Hz frame for drawing.
    bench::row("form edit (setScalar + form), median", formEdit, "ms", 8);
    bench::row("  ratio to one parse", formEdit / parse, "x");
    // Over 32 KB the controller re-reads the form on the worker: a form edit costs the GUI thread this.
    bench::row("form edit, setScalar alone, median", setOnly, "ms");
    bench::row("  ratio to one parse", setOnly / parse, "x");
    bench::row("form edit of one line, setValue alone, median", valueOnly, "ms");
    bench::row("  ratio to one parse", valueOnly / parse, "x");
    if (!block.isEmpty()) {
        bench::row("block scalar edit (read back twice), median", blockOnly, "ms");
        bench::row("  ratio to one parse", blockOnly / parse, "x");
    }
    bench::row("YAML edit (form from text), median", yamlEdit, "ms", 8);
    bench::row("  ratio to one parse", yamlEdit / parse, "x");
    bench::row("validation (worker thread), median", validation, "ms");
    bench::row("  ratio to one parse", validation / parse, "x");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool smoke = bench::smoke(argc, argv);
    const QStringList args = app.arguments();
    const int runs = bench::intArg(args, QStringLiteral("--runs"), smoke ? 3 : 50);

    const QString sample = QString::fromUtf8(testsupport::readAll(
        testsupport::source(QStringLiteral("resources/sample-mesh/contracts/orders/orders.order_events.odcs.yaml"))));
    measure("Contract editor: sample orders.order_events", QStringLiteral("orders.order_events.odcs.yaml"), sample,
            {"schema", "0", "properties", "3", "description"}, runs, {"description", "usage"});
    if (smoke)
        return 0;
    const QString big = QString::fromUtf8(testsupport::readAll(testsupport::corpus(
        QStringLiteral("bitol-io/open-data-contract-standard/docs/examples/all/postgresql-adventureworks-contract.odcs.yaml"))));
    measure("Contract editor: adventureworks (ODCS example)", QStringLiteral("adventureworks.odcs.yaml"), big,
            {"schema", "0", "properties", "0", "description"}, runs);
    return 0;
}
