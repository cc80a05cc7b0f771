#pragma once

#include "editor/formmodel.h"
#include "editor/problemlistmodel.h"
#include "model/entities.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

#include <optional>

class QThread;

/// @brief The contract editor's state behind `qml/editor/`: the text being edited (one EditHistory for
/// the form and the YAML view), the form rows read from it, validation as you type (debounced, on a
/// worker thread) mapped to form rows and YAML lines, and saving: an active contract becomes a review
/// proposal (ReviewService::propose), a draft or proposal is written back atomically. Edits are
/// autosaved to the app data folder until saved or discarded, so a crash loses nothing.
class ContractEditorController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    /// Mesh folders (AppController.sources): where files are looked up and proposals written.
    Q_PROPERTY(QStringList sources READ sources WRITE setSources NOTIFY inputChanged)
    Q_PROPERTY(QString cachePath READ cachePath WRITE setCachePath NOTIFY inputChanged)
    Q_PROPERTY(QString identityEmail READ identityEmail WRITE setIdentityEmail NOTIFY inputChanged)
    Q_PROPERTY(QString identityName READ identityName WRITE setIdentityName NOTIFY inputChanged)

    Q_PROPERTY(FormModel *form READ form CONSTANT)
    Q_PROPERTY(ProblemListModel *problems READ problems CONSTANT)
    Q_PROPERTY(bool loaded READ loaded NOTIFY documentChanged)
    Q_PROPERTY(QString contractId READ contractId NOTIFY documentChanged)
    /// Absolute path of the file edited (for a new contract: where it will be written).
    Q_PROPERTY(QString filePath READ filePath NOTIFY documentChanged)
    /// Status of the file as opened: "active" means saving makes a proposal.
    Q_PROPERTY(QString originalStatus READ originalStatus NOTIFY documentChanged)
    Q_PROPERTY(bool savesAsProposal READ savesAsProposal NOTIFY documentChanged)
    Q_PROPERTY(bool isNew READ isNew NOTIFY documentChanged)
    Q_PROPERTY(QString text READ text NOTIFY textChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY textChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY textChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY textChanged)
    /// The version the text says, and the least version its changes need against the opened contract.
    Q_PROPERTY(QString version READ version NOTIFY textChanged)
    Q_PROPERTY(QString requiredVersion READ requiredVersion NOTIFY validated)
    /// The version a proposal gets when saved now: the text's, raised to requiredVersion when lower
    /// (or not above the active one); "" until known.
    Q_PROPERTY(QString proposalVersion READ proposalVersion NOTIFY validated)
    /// The version of the contract as opened.
    Q_PROPERTY(QString baseVersion READ baseVersion NOTIFY documentChanged)
    Q_PROPERTY(bool validating READ validating NOTIFY validatingChanged)
    /// A Save waits for the check of the latest edits; it completes (or is refused) when the check ends.
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY validated)
    Q_PROPERTY(int warningCount READ warningCount NOTIFY validated)
    /// [{line, severity}] for the YAML view's markers.
    Q_PROPERTY(QVariantList problemLines READ problemLines NOTIFY validated)
    /// What the last action did or why it failed, for the status line.
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    /// An autosave newer than the file exists: the editor offers to restore it.
    Q_PROPERTY(bool hasAutosave READ hasAutosave NOTIFY autosaveChanged)

public:
    explicit ContractEditorController(QObject *parent = nullptr);
    ~ContractEditorController() override;

    QStringList sources() const { return m_sources; }
    void setSources(const QStringList &sources);
    QString cachePath() const { return m_cachePath; }
    void setCachePath(const QString &path);
    QString identityEmail() const { return m_identityEmail; }
    void setIdentityEmail(const QString &email);
    QString identityName() const { return m_identityName; }
    void setIdentityName(const QString &name);

    FormModel *form() { return &m_form; }
    ProblemListModel *problems() { return &m_problems; }
    bool loaded() const { return !m_filePath.isEmpty(); }
    QString contractId() const { return m_contractId; }
    QString filePath() const { return m_filePath; }
    QString originalStatus() const { return m_originalStatus; }
    bool savesAsProposal() const;
    bool isNew() const { return m_isNew; }
    QString text() const { return m_history.current(); }
    bool dirty() const { return m_isNew || m_history.current() != m_savedText; }
    bool canUndo() const { return m_history.canUndo(); }
    bool canRedo() const { return m_history.canRedo(); }
    QString version() const;
    QString requiredVersion() const { return m_requiredVersion; }
    QString proposalVersion() const;
    QString baseVersion() const { return m_base ? m_base->version : QString(); }
    bool validating() const { return m_validationsRunning > 0 || m_validateTimer.isActive(); }
    bool saving() const { return m_saveQueued; }
    int errorCount() const;
    int warningCount() const;
    QVariantList problemLines() const { return m_problems.lines(); }
    QString message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    bool hasAutosave() const { return !m_autosaveText.isEmpty(); }

    /// Opens `ref` ("id" for the active version, or "id@version") from the file the cache read it from.
    Q_INVOKABLE bool open(const QString &ref);
    /// Opens a contract file directly.
    Q_INVOKABLE bool openFile(const QString &path);
    /// A new draft from a product's output port (see contractFromTemplate), to be saved beside the
    /// mesh's other contracts of its domain.
    Q_INVOKABLE bool newFromTemplate(const QString &productId, const QString &portName);
    /// [{productId, productName, domainId, portName, contractId, label}] for the template picker.
    Q_INVOKABLE QVariantList outputPorts() const;

    /// The YAML view's text changed (typing is merged into one undo step until another edit).
    Q_INVOKABLE void setText(const QString &text);
    /// A form field changed: rewrites only that value in the text. False (message set) when refused.
    Q_INVOKABLE bool setField(const QString &path, const QString &value);
    /// Adds a property to the schema object (or a schema object with one property) at the end of its
    /// list; returns the dotted path of the new name field ("" with message when refused).
    Q_INVOKABLE QString addProperty(int objectIndex);
    Q_INVOKABLE QString addSchemaObject();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();
    /// Saves: a proposal for an active contract, else an atomic write of the file. Never blocks: when the
    /// latest edits are still being checked, the save waits for the check (saving() is true, further Saves
    /// join it) and completes when it ends. True when saved now; saveEnded() tells every outcome.
    Q_INVOKABLE bool save();
    /// Drops the edits (and the autosave), back to the file as saved.
    Q_INVOKABLE void revert();
    Q_INVOKABLE void restoreAutosave();
    Q_INVOKABLE void dropAutosave();
    /// Forgets the document (after a save or a discard, when the editor closes).
    Q_INVOKABLE void close();

    /// {formRow, line} of the first error, {} when there is none.
    Q_INVOKABLE QVariantMap firstError() const;
    /// Character offset of the start of the 1-based `line` in the text (for jumping the YAML view).
    Q_INVOKABLE int positionOfLine(int line) const;
    /// 1-based line of the character offset `position`.
    Q_INVOKABLE int lineOfPosition(int position) const;

    /// Waits for the validation in progress, running the debounce at once (tests and benchmarks only: it
    /// spins the event loop).
    bool waitForValidation(int timeoutMs = 10000);
    /// Where autosaves go (tests point it at a temporary folder).
    void setAutosaveFolder(const QString &folder) { m_autosaveFolder = folder; }
    QString autosavePath() const;

Q_SIGNALS:
    void inputChanged();
    void documentChanged();
    void textChanged();
    void validatingChanged();
    void validated();
    void messageChanged();
    void autosaveChanged();
    /// A proposal file was written and its review started; the view syncs and shows its diff.
    void proposed(const QString &contractId, const QString &version);
    /// A draft or proposal was written back.
    void saved(const QString &contractId);
    void savingChanged();
    /// Every Save ends here, at once or after the check it waited for: ok when the document was written.
    void saveEnded(bool ok);

private:
    void load(const QString &path, const QString &text, bool isNew);
    void changed(const QString &mergeKey, const QString &text);
    /// Re-reads the form from the text: at once for a text of usual size, else with the next
    /// validation on the worker thread (a 5,000-line contract takes longer than a frame to read).
    void refreshForm(bool now = false);
    void applyForm(std::vector<meshscope::editor::FormRow> rows);
    void scheduleValidation();
    void startValidation();
    void applyValidation(quint64 generation, std::vector<meshscope::editor::EditorProblem> problems, QString required,
                         std::optional<std::vector<meshscope::editor::FormRow>> rows);
    void writeAutosave();
    void setMessage(const QString &message, bool error = false);
    QString sourceRootOf(const QString &path) const;
    bool writeProposal();
    bool writeFile();
    /// The save itself, once the latest text is checked: refused on errors, else written.
    bool saveChecked();
    void setSaveQueued(bool queued);

    QStringList m_sources;
    QString m_cachePath;
    QString m_identityEmail;
    QString m_identityName;

    FormModel m_form;
    ProblemListModel m_problems;
    meshscope::editor::EditHistory m_history;
    QString m_savedText;
    QString m_filePath;
    QString m_contractId;
    QString m_originalStatus;
    bool m_isNew = false;
    std::optional<meshscope::Contract> m_base; ///< the contract as opened, for the required version
    QString m_requiredVersion;
    QString m_message;
    bool m_messageIsError = false;
    QString m_autosaveFolder;
    QString m_autosaveText;

    QTimer m_validateTimer;
    QTimer m_autosaveTimer;
    quint64 m_generation = 0;
    int m_validationsRunning = 0;
    bool m_formPending = false; ///< the form is read on the worker with the next validation
    bool m_saveQueued = false;  ///< a Save waits for the validation in progress
    QList<QThread *> m_threads;
};
