#pragma once

#include <QByteArray>
#include <QString>

/// Writing a file so that a crash, a kill or a full disk leaves either the old or the new content,
/// never a mix: a temporary file beside the target, fsync, rename over the target, fsync the folder.
namespace meshscope::io {

/// The points between the steps of writeFileAtomically, for tests that kill or fail a write there.
enum class WriteStage { TempCreated, HalfWritten, TempWritten, TempSynced, Renamed };

/// Called at each stage when set; a test hook that may raise(SIGKILL) or throw. Not thread-safe: set it
/// before any write starts.
using WriteHook = void (*)(WriteStage);
void setWriteHookForTests(WriteHook hook);

/// Replaces (or creates) `path` with `bytes`. The temporary file is hidden (".name.tmp-PID-N") so a
/// sync that runs meanwhile skips it, and it is removed on failure. An existing file keeps its
/// permissions. A symbolic link at `path` is replaced by the file, never written through (and its
/// target's permissions are not copied). A path holding NUL, or a file name holding a control
/// character, is refused. Returns false with `error` naming the file and the failing step.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);

} // namespace meshscope::io
