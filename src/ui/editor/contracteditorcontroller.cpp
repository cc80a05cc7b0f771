#include "editor/contracteditorcontroller.h"

#include "appsettings.h"

#include "cache/cachefile.h"
#include "cache/guithreadguard.h"
#include "contracts/cachedcontract.h"
#include "contracts/diffreport.h"
#include "contracts/versiondiff.h"
#include "editor/contracttemplate.h"
#include "importers/importer.h"
#include "io/atomicfile.h"
#include "io/safepath.h"
#include "review/reviewservice.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

using namespace meshscope;
using namespace meshscope::editor;

namespace {

constexpr int kValidateDelayMs = 250;
constexpr int kAutosaveDelayMs = 1500;
/// Up to this size (about 800 lines) the form is re-read on every keystroke, in a few milliseconds.
constexpr qsizetype kFormNowChars = 32 * 1024;

std::optional<Contract> onlyContract(const QString &file, const QString &text)
{
    const ImportResult r = importDocument(file, text.toUtf8());
    if (r.contracts.size() != 1)
        return std::nullopt;
    return r.contracts.front();
}

} // namespace

ContractEditorController::ContractEditorController(QObject *parent) : QObject(parent)
{
    m_validateTimer.setSingleShot(true);
    m_validateTimer.setInterval(kValidateDelayMs);
    connect(&m_validateTimer, &QTimer::timeout, this, &ContractEditorController::startValidation);
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(kAutosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &ContractEditorController::writeAutosave);
    m_autosaveFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/editor-autosave");
}

ContractEditorController::~ContractEditorController()
{
    if (m_autosaveTimer.isActive())
        writeAutosave();
    for (QThread *t : std::as_const(m_threads))
        t->wait();
}

void ContractEditorController::setSources(const QStringList &sources)
{
    if (sources == m_sources)
        return;
    m_sources = sources;
    Q_EMIT inputChanged();
}

void ContractEditorController::setCachePath(const QString &path)
{
    if (path == m_cachePath)
        return;
    m_cachePath = path;
    Q_EMIT inputChanged();
}

void ContractEditorController::setIdentityEmail(const QString &email)
{
    if (email == m_identityEmail)
        return;
    m_identityEmail = email;
    Q_EMIT inputChanged();
}

void ContractEditorController::setIdentityName(const QString &name)
{
    if (name == m_identityName)
        return;
    m_identityName = name;
    Q_EMIT inputChanged();
}

bool ContractEditorController::savesAsProposal() const
{
    return !m_isNew && diff::isReleasedStatus(m_originalStatus);
}

QString ContractEditorController::version() const
{
    const bool dcs = text().contains(QLatin1String("dataContractSpecification"));
    return scalarAt(text(), dcs ? YamlPath{QStringLiteral("info"), QStringLiteral("version")} : YamlPath{QStringLiteral("version")})
        .value_or(QString());
}

QString ContractEditorController::proposalVersion() const
{
    // The same rule as ReviewService::propose.
    const auto required = diff::SemVer::parse(m_requiredVersion);
    if (!required)
        return {};
    const auto wanted = diff::SemVer::parse(version());
    const auto current = m_base ? diff::SemVer::parse(m_base->version) : std::nullopt;
    if (!wanted || diff::compareCore(*wanted, *required) < 0 || (current && diff::compareCore(*wanted, *current) <= 0))
        return m_requiredVersion;
    return version();
}

int ContractEditorController::errorCount() const
{
    int n = 0;
    for (const auto &p : m_problems.problems())
        n += p.problem.severity == Diagnostic::Severity::Error;
    return n;
}

int ContractEditorController::warningCount() const
{
    int n = 0;
    for (const auto &p : m_problems.problems())
        n += p.problem.severity == Diagnostic::Severity::Warning;
    return n;
}

void ContractEditorController::setMessage(const QString &message, bool error)
{
    if (message == m_message && error == m_messageIsError)
        return;
    m_message = message;
    m_messageIsError = error;
    Q_EMIT messageChanged();
}

QString ContractEditorController::sourceRootOf(const QString &path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const QString &source : m_sources) {
        const QFileInfo info(source);
        if (info.isDir() && absolute.startsWith(info.absoluteFilePath() + u'/'))
            return info.absoluteFilePath();
    }
    return QFileInfo(absolute).absolutePath();
}

bool ContractEditorController::open(const QString &ref)
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("ContractEditorController::open: finding the file of a contract");
    const diff::ContractRef parsed = diff::parseContractRef(ref);
    QString path;
    try {
        sql::Connection db = cache::openCache(m_cachePath, /*readOnly=*/true);
        const std::optional<diff::CachedDocument> doc = diff::loadCachedDocument(db, parsed);
        if (!doc) {
            setMessage(tr("%1 is not in the cache").arg(ref), true);
            return false;
        }
        path = doc->source;
    } catch (const sql::SqlError &e) {
        setMessage(tr("Cannot read the cache: %1").arg(e.message()), true);
        return false;
    }
    if (QFileInfo(path).isRelative()) {
        for (const QString &source : m_sources) {
            const QString candidate = QDir(source).filePath(path);
            if (QFileInfo::exists(candidate)) {
                path = candidate;
                break;
            }
        }
    }
    return openFile(path);
}

bool ContractEditorController::openFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        setMessage(tr("Cannot open %1: %2").arg(path, f.errorString()), true);
        return false;
    }
    load(QFileInfo(path).absoluteFilePath(), QString::fromUtf8(f.readAll()), false);
    return true;
}

void ContractEditorController::load(const QString &path, const QString &text, bool isNew)
{
    if (m_saveQueued) { // a save waiting for the previous document's check is that document's, not this one's
        setSaveQueued(false);
        Q_EMIT saveEnded(false);
    }
    m_filePath = path;
    m_isNew = isNew;
    m_savedText = isNew ? QString() : text;
    m_history.reset(text);
    m_base = isNew ? std::nullopt : onlyContract(path, text);
    m_contractId = m_base ? m_base->id : scalarAt(text, {QStringLiteral("id")}).value_or(QString());
    m_originalStatus = m_base ? m_base->status : QStringLiteral("draft");
    m_requiredVersion.clear();
    m_autosaveText.clear();
    QFile autosave(autosavePath());
    if (autosave.open(QIODevice::ReadOnly)) {
        const QString saved = QString::fromUtf8(autosave.readAll());
        if (saved != text && !saved.isEmpty())
            m_autosaveText = saved;
    }
    m_form.setRows({});
    refreshForm(/*now=*/true);
    m_problems.setProblems({});
    setMessage(isNew ? tr("New contract from the template; it is written to %1 when saved").arg(path)
                     : QString());
    scheduleValidation();
    Q_EMIT documentChanged();
    Q_EMIT textChanged();
    Q_EMIT autosaveChanged();
    Q_EMIT validated();
}

bool ContractEditorController::newFromTemplate(const QString &productId, const QString &portName)
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("ContractEditorController::newFromTemplate");
    QString error;
    std::optional<TemplateSource> source;
    try {
        sql::Connection db = cache::openCache(m_cachePath, /*readOnly=*/true);
        source = loadTemplateSource(db, productId, portName, &error);
    } catch (const sql::SqlError &e) {
        error = e.message();
    }
    if (!source) {
        setMessage(tr("Cannot start a contract: %1").arg(error), true);
        return false;
    }
    const QString id = templateContractId(source->product, source->port);
    QString root;
    for (const QString &s : std::as_const(m_sources)) {
        if (root.isEmpty() && QFileInfo(s).isDir())
            root = QFileInfo(s).absoluteFilePath();
    }
    if (root.isEmpty()) {
        setMessage(tr("No mesh folder among the sources to write a new contract to"), true);
        return false;
    }
    // The folder and file are named after the domain and contract ids, which come from documents:
    // neither may step out of the mesh folder.
    const QString domainFolder = source->product.domainId.isEmpty() ? QStringLiteral("new") : source->product.domainId;
    QString relative = QStringLiteral("contracts/%1/%2.odcs.yaml").arg(domainFolder, id);
    for (int n = 2; QFileInfo::exists(root + u'/' + relative); ++n)
        relative = QStringLiteral("contracts/%1/%2.%3.odcs.yaml").arg(domainFolder, id).arg(n);
    const QString problem = io::fileNameProblem(domainFolder).isEmpty() ? io::fileNameProblem(id) : io::fileNameProblem(domainFolder);
    const std::optional<QString> path = problem.isEmpty() ? io::pathInside(root, relative, &error) : std::nullopt;
    if (!path) {
        setMessage(tr("Cannot start a contract named %1 in %2: %3")
                       .arg(io::shownName(id), io::shownName(domainFolder), problem.isEmpty() ? error : tr("a name %1").arg(problem)),
                   true);
        return false;
    }
    load(*path, contractFromTemplate(*source), true);
    return true;
}

QVariantList ContractEditorController::outputPorts() const
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("ContractEditorController::outputPorts");
    QVariantList out;
    try {
        sql::Connection db = cache::openCache(m_cachePath, /*readOnly=*/true);
        for (const OutputPortChoice &c : listOutputPorts(db)) {
            out.append(QVariantMap{{QStringLiteral("productId"), c.productId},
                                   {QStringLiteral("productName"), c.productName},
                                   {QStringLiteral("domainId"), c.domainId},
                                   {QStringLiteral("portName"), c.portName},
                                   {QStringLiteral("contractId"), c.contractId},
                                   {QStringLiteral("label"), QStringLiteral("%1 · %2").arg(c.productName, c.portName)}});
        }
    } catch (const sql::SqlError &) {
    }
    return out;
}

void ContractEditorController::refreshForm(bool now)
{
    if (!now && text().size() > kFormNowChars) {
        m_formPending = true;
        return;
    }
    m_formPending = false;
    applyForm(buildForm(text()));
}

void ContractEditorController::applyForm(std::vector<FormRow> rows)
{
    // A text that does not parse keeps the last form (greyed out by the problems) instead of an empty one.
    if (!rows.empty() || m_form.rowCount() == 0)
        m_form.setRows(std::move(rows));
}

void ContractEditorController::changed(const QString &mergeKey, const QString &text)
{
    if (!m_history.push(text, mergeKey))
        return;
    refreshForm();
    Q_EMIT textChanged();
    scheduleValidation();
    m_autosaveTimer.start();
}

void ContractEditorController::setText(const QString &text)
{
    if (!loaded())
        return;
    changed(QStringLiteral("yaml"), text);
}

bool ContractEditorController::setField(const QString &path, const QString &value)
{
    const int row = m_form.rowOfPath(path);
    const FormRow *r = m_form.row(row);
    if (!r) {
        setMessage(tr("%1 is not a field of this contract").arg(path), true);
        return false;
    }
    QString error;
    const std::optional<QString> edited = applyFormValue(text(), *r, value, &error);
    if (!edited) {
        setMessage(error, true);
        return false;
    }
    if (m_messageIsError)
        setMessage({});
    changed(QStringLiteral("field:") + path, *edited);
    return true;
}

namespace {

/// `base`, or `base_2`, `base_3`, ... : the first name not among the scalars `key` of the list at `list`.
QString freeName(const QString &text, const YamlPath &list, const QString &base)
{
    QSet<QString> used;
    for (int i = 0;; ++i) {
        const std::optional<QString> name = scalarAt(text, list + YamlPath{QString::number(i), QStringLiteral("name")});
        if (!name && !scalarAt(text, list + YamlPath{QString::number(i), QStringLiteral("logicalType")}))
            break;
        used.insert(name.value_or(QString()));
        if (i > 10000)
            break;
    }
    QString name = base;
    for (int n = 2; used.contains(name); ++n)
        name = base + u'_' + QString::number(n);
    return name;
}

int listSize(const QString &text, const YamlPath &list)
{
    int n = 0;
    while (scalarAt(text, list + YamlPath{QString::number(n), QStringLiteral("name")}))
        ++n;
    return n;
}

} // namespace

QString ContractEditorController::addProperty(int objectIndex)
{
    const YamlPath list{QStringLiteral("schema"), QString::number(objectIndex), QStringLiteral("properties")};
    const QString name = freeName(text(), list, QStringLiteral("new_property"));
    QString error;
    const std::optional<QString> edited = appendListItem(
        text(), list, {{QStringLiteral("name"), name}, {QStringLiteral("logicalType"), QStringLiteral("string")}}, &error);
    if (!edited) {
        setMessage(error, true);
        return {};
    }
    changed(QString(), *edited);
    return (list + YamlPath{QString::number(listSize(*edited, list) - 1), QStringLiteral("name")}).join(u'.');
}

QString ContractEditorController::addSchemaObject()
{
    const YamlPath list{QStringLiteral("schema")};
    const QString name = freeName(text(), list, QStringLiteral("new_object"));
    QString error;
    std::optional<QString> edited = appendListItem(text(), list,
                                                   {{QStringLiteral("name"), name},
                                                    {QStringLiteral("physicalType"), QStringLiteral("table")},
                                                    {QStringLiteral("properties"), QStringLiteral("[]")}},
                                                   &error);
    const int index = edited ? listSize(*edited, list) - 1 : -1;
    const YamlPath props{QStringLiteral("schema"), QString::number(index), QStringLiteral("properties")};
    if (edited)
        edited = appendListItem(*edited, props, {{QStringLiteral("name"), QStringLiteral("id")},
                                                 {QStringLiteral("logicalType"), QStringLiteral("string")}}, &error);
    if (!edited) {
        setMessage(error, true);
        return {};
    }
    changed(QString(), *edited);
    return (list + YamlPath{QString::number(index), QStringLiteral("name")}).join(u'.');
}

void ContractEditorController::undo()
{
    if (!m_history.undo())
        return;
    refreshForm();
    Q_EMIT textChanged();
    scheduleValidation();
    m_autosaveTimer.start();
}

void ContractEditorController::redo()
{
    if (!m_history.redo())
        return;
    refreshForm();
    Q_EMIT textChanged();
    scheduleValidation();
    m_autosaveTimer.start();
}

void ContractEditorController::scheduleValidation()
{
    const bool was = validating();
    m_validateTimer.start();
    if (!was)
        Q_EMIT validatingChanged();
}

void ContractEditorController::startValidation()
{
    const quint64 generation = ++m_generation;
    const QString file = m_filePath;
    const QString text = this->text();
    const std::optional<Contract> base = m_base;
    const bool readForm = m_formPending;
    m_formPending = false;
    ++m_validationsRunning;
    ContractEditorController *self = this; // the destructor waits for the thread, so the queued call is safe
    QThread *thread = QThread::create([self, generation, file, text, base, readForm] {
        std::optional<std::vector<FormRow>> rows;
        if (readForm)
            rows = buildForm(text);
        std::vector<EditorProblem> problems = validate(file, text);
        QString required;
        if (base && diff::isReleasedStatus(base->status)) {
            if (const std::optional<Contract> edited = onlyContract(file, text); edited && edited->id == base->id)
                required = diff::makeReport(*base, *edited).version.required;
        }
        QMetaObject::invokeMethod(self, [self, generation, problems = std::move(problems), required,
                                         rows = std::move(rows)]() mutable {
            self->applyValidation(generation, std::move(problems), required, std::move(rows));
        }, Qt::QueuedConnection);
    });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start(QThread::LowPriority);
}

void ContractEditorController::applyValidation(quint64 generation, std::vector<EditorProblem> problems, QString required,
                                               std::optional<std::vector<FormRow>> rows)
{
    --m_validationsRunning;
    if (generation == m_generation) {
        if (rows)
            applyForm(std::move(*rows));
        std::vector<ProblemListModel::Problem> rows;
        QHash<QString, QPair<QString, QString>> byPath;
        for (EditorProblem &p : problems) {
            int row = p.path.isEmpty() ? -1 : m_form.rowOfPath(p.path);
            if (row < 0 && p.line > 0) {
                // The importers' diagnostics name a line, not a field: the field on that line.
                const int candidate = m_form.rowOfLine(p.line);
                if (const FormRow *r = m_form.row(candidate); r && r->line == p.line)
                    row = candidate;
            }
            if (const FormRow *r = m_form.row(row)) {
                const QString key = r->path.join(u'.');
                if (!byPath.contains(key))
                    byPath.insert(key, {ProblemListModel::severityName(p.severity), p.message});
            }
            rows.push_back({std::move(p), row});
        }
        m_problems.setProblems(std::move(rows));
        m_form.setProblems(byPath);
        m_requiredVersion = required;
        Q_EMIT validated();
    }
    if (!validating())
        Q_EMIT validatingChanged();
    if (m_saveQueued && !validating()) {
        setSaveQueued(false);
        Q_EMIT saveEnded(saveChecked());
    }
}

bool ContractEditorController::waitForValidation(int timeoutMs)
{
    if (m_validateTimer.isActive()) {
        m_validateTimer.stop();
        startValidation();
    }
    QDeadlineTimer deadline(timeoutMs);
    while (m_validationsRunning > 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return m_validationsRunning == 0;
}

QString ContractEditorController::autosavePath() const
{
    if (m_filePath.isEmpty())
        return {};
    const QByteArray key = QCryptographicHash::hash(m_filePath.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return QStringLiteral("%1/%2.%3").arg(m_autosaveFolder, QFileInfo(m_filePath).fileName(), QString::fromLatin1(key));
}

void ContractEditorController::writeAutosave()
{
    m_autosaveTimer.stop();
    if (!loaded())
        return;
    if (!dirty()) {
        QFile::remove(autosavePath());
        return;
    }
    QDir().mkpath(m_autosaveFolder);
    QString error;
    if (!io::writeFileAtomically(autosavePath(), text().toUtf8(), &error))
        setMessage(tr("Autosave failed: %1").arg(error), true);
}

void ContractEditorController::restoreAutosave()
{
    if (m_autosaveText.isEmpty())
        return;
    const QString restored = m_autosaveText;
    m_autosaveText.clear();
    Q_EMIT autosaveChanged();
    changed(QStringLiteral("autosave"), restored);
    setMessage(tr("Restored the unsaved edits"));
}

void ContractEditorController::dropAutosave()
{
    m_autosaveText.clear();
    if (!dirty())
        QFile::remove(autosavePath());
    Q_EMIT autosaveChanged();
}

void ContractEditorController::revert()
{
    if (!loaded())
        return;
    m_autosaveTimer.stop();
    QFile::remove(autosavePath());
    if (m_isNew) {
        close();
        return;
    }
    changed(QString(), m_savedText);
    setMessage(tr("Edits discarded"));
}

void ContractEditorController::close()
{
    m_autosaveTimer.stop();
    if (loaded() && !dirty())
        QFile::remove(autosavePath());
    else if (loaded())
        writeAutosave(); // closing without saving keeps the edits restorable
    ++m_generation;
    m_formPending = false;
    if (m_saveQueued) { // the document goes: so does its pending save (the edits stay in the autosave)
        setSaveQueued(false);
        Q_EMIT saveEnded(false);
    }
    m_filePath.clear();
    m_contractId.clear();
    m_originalStatus.clear();
    m_isNew = false;
    m_base.reset();
    m_savedText.clear();
    m_history.reset({});
    m_autosaveText.clear();
    m_form.setRows({});
    m_problems.setProblems({});
    m_form.setProblems({});
    Q_EMIT documentChanged();
    Q_EMIT textChanged();
    Q_EMIT autosaveChanged();
    Q_EMIT validated();
}

QVariantMap ContractEditorController::firstError() const
{
    for (const auto &p : m_problems.problems()) {
        if (p.problem.severity == Diagnostic::Severity::Error)
            return {{QStringLiteral("formRow"), p.formRow}, {QStringLiteral("line"), p.problem.line}};
    }
    return {};
}

int ContractEditorController::positionOfLine(int line) const
{
    const QString &t = text();
    int pos = 0;
    for (int l = 1; l < line; ++l) {
        const int nl = int(t.indexOf(u'\n', pos));
        if (nl < 0)
            return pos;
        pos = nl + 1;
    }
    return pos;
}

int ContractEditorController::lineOfPosition(int position) const
{
    return int(QStringView(text()).left(qBound(0, position, int(text().size()))).count(u'\n')) + 1;
}

bool ContractEditorController::save()
{
    if (!loaded())
        return false;
    if (!dirty()) {
        setMessage(tr("Nothing to save"));
        return false;
    }
    if (m_saveQueued)
        return false; // already waiting: one save, of the text as it is when its check ends
    if (m_validateTimer.isActive()) {
        m_validateTimer.stop();
        startValidation();
    }
    if (m_validationsRunning > 0) {
        // No nested event loop here: a second Save, a close or typing would re-enter in the middle of it.
        setSaveQueued(true);
        setMessage(tr("Saving once the latest edits are checked…"));
        return false;
    }
    const bool ok = saveChecked();
    Q_EMIT saveEnded(ok);
    return ok;
}

bool ContractEditorController::saveChecked()
{
    if (!loaded() || !dirty())
        return false;
    if (const int errors = errorCount(); errors > 0) {
        setMessage(tr("Fix the %n error(s) first; nothing was saved", nullptr, errors), true);
        return false;
    }
    return savesAsProposal() ? writeProposal() : writeFile();
}

void ContractEditorController::setSaveQueued(bool queued)
{
    if (m_saveQueued == queued)
        return;
    m_saveQueued = queued;
    Q_EMIT savingChanged();
}

bool ContractEditorController::writeFile()
{
    QString error;
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    if (!io::writeFileAtomically(m_filePath, text().toUtf8(), &error)) {
        setMessage(error, true);
        return false;
    }
    m_savedText = text();
    m_isNew = false;
    m_autosaveTimer.stop();
    QFile::remove(autosavePath());
    if (const std::optional<Contract> c = onlyContract(m_filePath, m_savedText)) {
        m_contractId = c->id;
        m_originalStatus = c->status;
    }
    setMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_filePath)));
    Q_EMIT documentChanged();
    Q_EMIT textChanged();
    Q_EMIT saved(m_contractId);
    return true;
}

bool ContractEditorController::writeProposal()
{
    // Debt (issue 19): still reads the cache on the GUI thread; to move onto OffGuiThread.
    const meshscope::sql::GuiThreadRead onGuiThread("ContractEditorController::writeProposal: the review is started");
    if (m_identityEmail.isEmpty()) {
        setMessage(tr("Set your e-mail in Settings first: proposals are signed with it"), true);
        return false;
    }
    // ReviewService takes an edited copy from outside the mesh and writes the proposal beside the
    // active version, with the version the changes need.
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(QFileInfo(m_filePath).fileName());
    QString error;
    if (!scratch.isValid() || !io::writeFileAtomically(copy, text().toUtf8(), &error)) {
        setMessage(tr("Cannot write a scratch copy: %1").arg(error), true);
        return false;
    }
    std::optional<review::ReviewState> state;
    try {
        sql::Connection db = cache::openCache(m_cachePath, /*readOnly=*/true);
        review::ReviewService service(sourceRootOf(m_filePath));
        // Signed with the key of Settings → Identity (else git's user.signingkey), as votes are.
        service.setSigningKey(review::configuredSigningKey(sourceRootOf(m_filePath),
                                                           AppSettings::instance() ? AppSettings::instance()->signingKey() : QString()));
        review::ProposeOptions options;
        options.version = version();
        state = service.propose(copy, {m_identityEmail, m_identityName}, db, options, &error);
    } catch (const sql::SqlError &e) {
        error = e.message();
    }
    if (!state) {
        setMessage(error, true);
        return false;
    }
    const QString proposal = QDir(sourceRootOf(m_filePath)).filePath(state->proposalFile);
    m_autosaveTimer.stop();
    QFile::remove(autosavePath());
    const QString id = state->contractId, proposedVersion = state->version;
    openFile(proposal);
    setMessage(tr("Proposed %1 %2 for review (%3)").arg(id, proposedVersion, QFileInfo(proposal).fileName()));
    Q_EMIT proposed(id, proposedVersion);
    return true;
}
