// One libFuzzer target per importer: FUZZ_ENTRY names the importer function, FUZZ_JSON says whether it
// takes raw bytes (JSON importers) or parsed YAML documents. Anything that escapes (an exception, a crash,
// a sanitizer report, a time-out) is a bug: importers must turn every input into diagnostics.
#include "importers/formats.h"
#include "importers/importer.h"
#include "importers/yamlsupport.h"

#include <cstddef>
#include <cstdint>

using namespace meshscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ImportResult result;
#if FUZZ_JSON
    importers::FUZZ_ENTRY(bytes, QStringLiteral("fuzz.json"), result);
#elif FUZZ_DISPATCH
    result = importDocument(QStringLiteral("fuzz.yaml"), bytes);
    result = importDocument(QStringLiteral("fuzz.json"), bytes);
#else
    ytree::Arena arena;
    std::vector<ytree::Node> documents;
    if (yamlsupport::loadAll(bytes, QStringLiteral("fuzz.yaml"), arena, documents, result)) {
        for (const ytree::Node &doc : documents)
            importers::FUZZ_ENTRY(doc, QStringLiteral("fuzz.yaml"), result);
    }
#endif
    return 0;
}
