#include "sourcewalker.h"

#include "importers/importer.h"
#include "io/regularfile.h"
#include "review/reviewstore.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>

namespace meshscope {

namespace {

ListFailureHook g_listFailureHook = nullptr;

qint64 mtimeMs(const struct stat &st)
{
    return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

/// A file name as UTF-8 text, or nothing when its bytes are not valid UTF-8 (such a name would not
/// survive the round trip to a QString and back: the file could be neither opened nor cached by name).
std::optional<QString> utf8Name(const char *name, size_t length)
{
    const bool ascii = std::all_of(name, name + length, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii)
        return QString::fromLatin1(name, qsizetype(length));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(QByteArrayView(name, qsizetype(length)));
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

/// A name that is not valid UTF-8, shown with its bad bytes as \xNN so the user can find it.
QString escapedName(const char *name)
{
    QString out;
    for (const char *p = name; *p; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x80)
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("\\x") + QString::number(c, 16).toUpper();
    }
    return out;
}

struct Folder {
    QString relative; ///< "" for the root
    QString absolute;
};

class Walker {
public:
    Walker(const QString &root, std::vector<SourceFile> &files, SourceWalkNotes &notes)
        : m_root(root), m_files(files), m_notes(notes)
    {
    }

    /// Lists one folder; false when it cannot be opened or read to its end (errno in `error`).
    bool list(const Folder &folder, std::vector<Folder> &pending, int &error)
    {
        if (g_listFailureHook && !folder.relative.isEmpty() && g_listFailureHook(folder.absolute)) {
            error = EACCES;
            return false;
        }
        DIR *dir = ::opendir(QFile::encodeName(folder.absolute).constData());
        if (!dir) {
            error = errno;
            return false;
        }
        const int fd = ::dirfd(dir);
        bool ok = true;
        for (;;) {
            errno = 0;
            const dirent *entry = ::readdir(dir);
            if (!entry) {
                if (errno != 0) {
                    error = errno;
                    ok = false;
                }
                break;
            }
            const char *name = entry->d_name;
            if (name[0] == '.') // ".", ".." and hidden entries (.git)
                continue;
            visit(folder, fd, name, entry->d_type, pending);
        }
        ::closedir(dir);
        return ok;
    }

private:
    QString relativeOf(const Folder &folder, const QString &name) const
    {
        return folder.relative.isEmpty() ? name : folder.relative + QLatin1Char('/') + name;
    }

    void note(Diagnostic::Severity severity, const QString &file, const QString &message)
    {
        m_notes.diagnostics.push_back({file, 0, 0, severity, message});
    }

    void visit(const Folder &folder, int fd, const char *rawName, unsigned char type, std::vector<Folder> &pending)
    {
        const size_t length = std::strlen(rawName);
        const std::optional<QString> name = utf8Name(rawName, length);
        struct stat st;
        if (type == DT_UNKNOWN) { // some file systems do not fill d_type
            if (::fstatat(fd, rawName, &st, AT_SYMLINK_NOFOLLOW) != 0)
                return;
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_FIFO;
        }
        if (type == DT_DIR) {
            if (!name) {
                note(Diagnostic::Severity::Error, relativeOf(folder, escapedName(rawName)),
                     QStringLiteral("folder name is not valid UTF-8; its documents are not read (rename it)"));
                return;
            }
            // A root's reviews/ holds proposal review events (meshscope review), not mesh documents.
            if (folder.relative.isEmpty() && *name == review::ReviewStore::reviewsFolderName())
                return;
            pending.push_back({relativeOf(folder, *name), folder.absolute + QLatin1Char('/') + *name});
            return;
        }
        if (type != DT_REG && type != DT_LNK)
            return; // a FIFO, socket or device is never a document
        // The extension is ASCII, so a name with bad bytes is still known for a document by it.
        const QString shown = name ? *name : escapedName(rawName);
        if (!isCandidateDocument(shown))
            return;
        const QString relative = relativeOf(folder, shown);
        if (!name) {
            note(Diagnostic::Severity::Error, relative,
                 QStringLiteral("file name is not valid UTF-8; not read (rename it)"));
            return;
        }
        const QString absolute = folder.absolute + QLatin1Char('/') + *name;
        if (type == DT_LNK) {
            if (::fstatat(fd, rawName, &st, 0) != 0) {
                note(Diagnostic::Severity::Error, relative, QStringLiteral("a symlink to nothing; not read"));
                return;
            }
            if (S_ISDIR(st.st_mode))
                return; // folder symlinks are not followed
            if (!S_ISREG(st.st_mode)) {
                note(Diagnostic::Severity::Error, relative,
                     QStringLiteral("a symlink to a FIFO, socket or device, not to a file; not read"));
                return;
            }
            // See docs/formats/sources.md: a source is what is inside its folder.
            if (!io::resolvesInside(m_root, absolute)) {
                note(Diagnostic::Severity::Warning, relative,
                     QStringLiteral("a symlink to %1, outside the source; not followed")
                         .arg(QFileInfo(absolute).symLinkTarget()));
                return;
            }
        } else if (::fstatat(fd, rawName, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            return; // gone since the listing
        }
        m_files.push_back({relative, absolute, qint64(st.st_size), mtimeMs(st)});
    }

    const QString &m_root;
    std::vector<SourceFile> &m_files;
    SourceWalkNotes &m_notes;
};

} // namespace

void setListFailureHookForTests(ListFailureHook hook)
{
    g_listFailureHook = hook;
}

bool isRemoteSource(const QString &source)
{
    const qsizetype scheme = source.indexOf(QStringLiteral("://"));
    if (scheme <= 0)
        return false;
    const QString prefix = source.left(scheme).toLower();
    return prefix.endsWith(QStringLiteral("http")) || prefix.endsWith(QStringLiteral("https"));
}

bool walkSource(const QString &source, std::vector<SourceFile> &files, QString *error, SourceWalkNotes *notes)
{
    const QFileInfo root(source);
    if (!root.exists()) {
        *error = QStringLiteral("%1: no such file or folder").arg(source);
        return false;
    }
    if (!root.isReadable()) {
        *error = QStringLiteral("%1: not readable").arg(source);
        return false;
    }
    if (root.isFile()) {
        files.push_back({root.fileName(), root.absoluteFilePath(), root.size(),
                         root.lastModified().toMSecsSinceEpoch()});
        return true;
    }
    SourceWalkNotes ignored;
    SourceWalkNotes &out = notes ? *notes : ignored;
    const QString rootPath = root.absoluteFilePath();
    Walker walker(rootPath, files, out);
    // Descending by hand (not QDirIterator) skips hidden folders, reports a folder that cannot be listed
    // and sees names as the bytes they are.
    std::vector<Folder> pending{{QString(), rootPath}};
    while (!pending.empty()) {
        const Folder folder = std::move(pending.back());
        pending.pop_back();
        int code = 0;
        if (walker.list(folder, pending, code))
            continue;
        const QString why = QString::fromLocal8Bit(std::strerror(code));
        if (folder.relative.isEmpty()) {
            *error = QStringLiteral("%1: cannot list the folder: %2").arg(source, why);
            files.clear();
            return false;
        }
        out.unreadableFolders << folder.relative;
        out.diagnostics.push_back({folder.relative, 0, 0, Diagnostic::Severity::Error,
                                   QStringLiteral("folder cannot be read (%1); the cached documents from it are kept")
                                       .arg(why)});
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile &a, const SourceFile &b) { return a.relativePath < b.relativePath; });
    return true;
}

} // namespace meshscope
