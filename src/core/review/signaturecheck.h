#pragma once

#include <QHash>
#include <QString>

/// What the verification of one event's signature found; the state machine (reviewstate.h) needs
/// only this, not how it was found (reviewsigning.h).
namespace meshscope::review {

enum class SignatureStatus {
    Unsigned,   ///< no signature
    Good,       ///< valid, by a key allowed_signers lists for the event's author in our namespace
    UnknownKey, ///< valid, but the key is not listed for the author (unknown, or listed for someone else)
    Bad,        ///< does not verify: forged, edited after signing, malformed, or an unsupported key type
};

/// "unsigned", "good", "unknown-key", "bad".
QString signatureStatusName(SignatureStatus status);

struct SignatureCheck {
    SignatureStatus status = SignatureStatus::Unsigned;
    QString fingerprint; ///< "SHA256:..." of the signing key, when it could be read
    QString reason;      ///< for people: why it is not good
};

/// The checks of a proposal's events and whether the mesh requires signatures.
struct SignatureChecks {
    bool required = false;
    QHash<QString, SignatureCheck> byHash; ///< by event hash; a missing event is unsigned

    SignatureCheck of(const QString &eventHash) const { return byHash.value(eventHash); }
    /// Whether an event's act counts: never with a bad signature; only with a good one when required.
    bool counts(const QString &eventHash) const;
};

} // namespace meshscope::review
