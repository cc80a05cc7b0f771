#pragma once

#include "allowedsigners.h"
#include "reviewevent.h"
#include "signaturecheck.h"

#include <optional>
#include <vector>

/// Signed review events: who wrote an event, not only that history was not edited afterwards.
///
/// Each event may carry an OpenSSH SSHSIG signature (`ssh-keygen -Y sign -n meshscope-review`) over its
/// canonical bytes, the bytes its hash covers. The signature is stored beside the hash, outside those
/// bytes; removing it leaves the hash chain intact but the event unsigned, which a mesh that requires
/// signatures does not count. Signing runs ssh-keygen (so keys held by ssh-agent work and the app never
/// reads a private key); verifying runs in-process (sshsig.h).
///
/// The mesh decides: `reviews/allowed_signers` lists who may sign for whom, and a GovernancePolicy with
/// `spec.reviews.require_signatures: true` makes only good-signed acts count.
namespace meshscope::review {

/// The SSHSIG namespace of review events.
inline constexpr const char *kSignatureNamespace = "meshscope-review";

/// What a mesh folder says about signatures.
struct SigningContext {
    bool required = false;
    QString requiredBy;      ///< the policy file that requires them, relative to the root
    bool hasSignersFile = false;
    AllowedSigners signers;  ///< reviews/allowed_signers (errors name its lines)

    SignatureCheck check(const ReviewEvent &event) const;
    SignatureChecks checkAll(const std::vector<ReviewEvent> &events) const;
};

/// Reads `reviews/allowed_signers` and the policies of the mesh folder `root`.
SigningContext loadSigningContext(const QString &root);

/// Path of the allowed-signers file of a mesh folder: <root>/reviews/allowed_signers.
QString allowedSignersPath(const QString &root);
/// Whether a GovernancePolicy under `root` sets spec.reviews.require_signatures: true; `by` gets its file.
bool signaturesRequired(const QString &root, QString *by = nullptr);

/// The key to sign with: `explicitKey` when given, else git's `user.signingkey` of `folder` when its
/// `gpg.format` is ssh (a path, `~/`-expanded, or a literal `key::ssh-ed25519 AAAA...`). Empty when none.
QString configuredSigningKey(const QString &folder, const QString &explicitKey = {});

/// Signs `bytes` with `ssh-keygen -Y sign -n meshscope-review -f keyFile` (a private key, or a public
/// key whose private half ssh-agent holds at SSH_AUTH_SOCK). Returns the armored signature, or
/// nullopt with `error` (ssh-keygen's own message, or a refused key type).
std::optional<QString> signBytes(const QByteArray &bytes, const QString &keyFile, QString *error);

/// The public key of a key file: FILE itself when it is a public key or a `key::` literal, else FILE.pub,
/// else asks `ssh-keygen -y` (which may need ssh-agent or an unencrypted key).
std::optional<sshsig::PublicKey> publicKeyOf(const QString &keyFile, QString *error);

/// One change of reviews/allowed_signers in git: "abc1234 2026-11-02 Maria Keller: add council key".
struct SignersChange {
    QString commit;
    QString date;
    QString author;
    QString subject;
    QString toString() const;
};
/// Every commit that changed reviews/allowed_signers, newest first; nullopt outside a git checkout.
std::optional<std::vector<SignersChange>> allowedSignersHistory(const QString &root);

} // namespace meshscope::review
