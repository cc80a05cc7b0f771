#pragma once

#include "sshsig.h"

#include <QDateTime>
#include <QStringList>

#include <vector>

/// Who may sign for whom: an allowed-signers file in git's (and `ssh-keygen -Y verify`'s) format, one
/// key a line:
///
///     maria.keller@northwind.example namespaces="meshscope-review" ssh-ed25519 AAAAC3Nza... maria
///
/// Fields: principals (comma-separated e-mails), optional options, key type, base64 key, comment.
/// Options honoured: namespaces="a,b" (the key signs only those), valid-after / valid-before
/// (YYYYMMDD[HHMM[SS]][Z], checked against the event's time, as git checks a commit's). The parser is
/// strict: wildcard principals and namespaces, certificate authorities and key types other than
/// ssh-ed25519 are refused with an error naming the line, and such a line grants nothing.
namespace meshscope::review {

struct AllowedSigner {
    QStringList principals; ///< e-mails
    QStringList namespaces; ///< empty: any namespace
    QDateTime validAfter;   ///< invalid: no bound
    QDateTime validBefore;
    sshsig::PublicKey key;
    int line = 0;
};

struct AllowedSigners {
    QString file; ///< as named in errors, e.g. "reviews/allowed_signers"
    std::vector<AllowedSigner> entries;
    QStringList errors; ///< "reviews/allowed_signers:4: ..."

    /// Whether `key` may sign as `email` in `ns` at `time`.
    bool allows(const QString &email, const QString &ns, const sshsig::PublicKey &key, const QDateTime &time) const;
    /// Whether `key` is listed at all (for any e-mail): tells "unknown key" from "listed for someone else".
    QStringList principalsOf(const sshsig::PublicKey &key) const;
};

/// Parses the text of an allowed-signers file; `fileName` names it in errors.
AllowedSigners parseAllowedSigners(const QByteArray &text, const QString &fileName);

} // namespace meshscope::review
