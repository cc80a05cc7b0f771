#include "commands.h"
#include "commonoptions.h"

#include "maturity/scaffold.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace meshscope::cli {

int newCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "new product: write a new data product at maturity level 1, 2 or 3 into a mesh folder: the product "
        "document, an ODCS contract for its output port and the level's templates, in the folder layout the "
        "mesh already uses. Never overwrites a file. Values to write are marked FILL-ME and listed."));
    parser.addHelpOption();
    const QCommandLineOption mesh(QStringLiteral("mesh"), QStringLiteral("The mesh folder."), QStringLiteral("DIR"));
    const QCommandLineOption domain(QStringLiteral("domain"), QStringLiteral("The product's domain."), QStringLiteral("D"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The product's name."), QStringLiteral("N"));
    const QCommandLineOption level(QStringLiteral("level"), QStringLiteral("Maturity level 1, 2 or 3 (default 1)."),
                                   QStringLiteral("L"), QStringLiteral("1"));
    const QCommandLineOption owner(QStringLiteral("owner"), QStringLiteral("The owner's e-mail address."), QStringLiteral("EMAIL"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("odps (default) or dps."), QStringLiteral("F"),
                                    QStringLiteral("odps"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Machine-readable output on stdout."));
    parser.addOptions({mesh, domain, name, level, owner, format, json});
    QTextStream err(stderr);
    if (!parser.parse(arguments.mid(1))) {
        err << "meshscope new: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{QStringLiteral("product")}) {
        err << "meshscope new: say what to create: 'meshscope new product --mesh DIR --domain D --name N --level 1|2|3'"
            << Qt::endl;
        return BadUsage;
    }
    for (const QCommandLineOption *required : {&mesh, &domain, &name}) {
        if (!parser.isSet(*required)) {
            err << "meshscope new product: --" << required->names().first() << " is required" << Qt::endl;
            return BadUsage;
        }
    }
    bool levelOk = false;
    maturity::ScaffoldRequest request;
    request.meshDir = parser.value(mesh);
    request.domain = parser.value(domain);
    request.name = parser.value(name);
    request.level = parser.value(level).toInt(&levelOk);
    request.owner = parser.value(owner);
    request.format = parser.value(format).toLower();
    if (!levelOk) {
        err << "meshscope new product: --level must be 1, 2 or 3" << Qt::endl;
        return BadUsage;
    }
    const maturity::ScaffoldResult result = maturity::scaffoldProduct(request);
    if (!result.ok()) {
        err << "meshscope new product: " << result.error << Qt::endl;
        return BadUsage;
    }
    QTextStream out(stdout);
    if (parser.isSet(json)) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("product"), result.productId},
                                         {QStringLiteral("contract"), result.contractId},
                                         {QStringLiteral("level"), request.level},
                                         {QStringLiteral("written"), QJsonArray::fromStringList(result.written)},
                                         {QStringLiteral("placeholders"), QJsonArray::fromStringList(result.placeholders)}})
                   .toJson(QJsonDocument::Indented);
        return Success;
    }
    out << "Created data product " << result.productId << " (contract " << result.contractId << ") at level "
        << request.level << " in " << request.meshDir << ":\n";
    for (const QString &w : result.written)
        out << "  " << w << "\n";
    out << "\n" << result.placeholders.size() << " placeholder(s) to fill (FILL-ME); until they are, the product is "
        << "assessed below level " << request.level << ":\n";
    for (const QString &p : result.placeholders)
        out << "  " << p << "\n";
    return Success;
}

} // namespace meshscope::cli
