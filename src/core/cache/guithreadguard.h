#pragma once

#include <QStringList>

/// The cache is never opened on the GUI thread (issue 19): a read there freezes the window for as long
/// as the query takes, which on a large mesh is seconds. The app's GUI tests arm this guard on the GUI
/// thread; every open there is then recorded (and logged), and the tests fail on any.
///
/// The places that still read on the GUI thread are named with a GuiThreadRead scope: each is debt to pay
/// off (move it onto OffGuiThread), written down where it is rather than hidden.
namespace meshscope::sql {

/// Arms (or disarms) the guard for the calling thread.
void guardThisThreadAgainstCacheOpens(bool on);
/// Opens recorded on the guarded thread outside a GuiThreadRead scope: "path (thread)" each.
QStringList unexpectedGuiThreadOpens();
void clearUnexpectedGuiThreadOpens();

/// A known, named read on the GUI thread still to be moved off it.
class GuiThreadRead {
public:
    explicit GuiThreadRead(const char *where);
    ~GuiThreadRead();
    GuiThreadRead(const GuiThreadRead &) = delete;
    GuiThreadRead &operator=(const GuiThreadRead &) = delete;
};

/// Called by Connection::open.
void noteCacheOpen(const QString &path);

} // namespace meshscope::sql
