#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

/// OpenSSH's SSHSIG signature format (PROTOCOL.sshsig in OpenSSH), the one `ssh-keygen -Y sign` writes
/// and git uses for SSH-signed commits. Only what verifying needs: reading the armored signature and
/// public keys, and checking an Ed25519 signature in-process (libsodium). Other key types are read
/// far enough to name them and are then refused.
namespace meshscope::review::sshsig {

/// The only key type verified: "ssh-ed25519".
inline constexpr const char *kEd25519 = "ssh-ed25519";

/// An SSH public key: its type and its wire-format blob (string type, then the key's own fields).
struct PublicKey {
    QString type;   ///< "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", ...
    QByteArray blob;
    QByteArray ed25519; ///< the 32 raw key bytes for ssh-ed25519, else empty

    /// "SHA256:" + unpadded base64 of the SHA-256 of the blob, as `ssh-keygen -l` prints it.
    QString fingerprint() const;
    bool operator==(const PublicKey &o) const { return blob == o.blob; }
};

/// A parsed SSHSIG blob.
struct Signature {
    PublicKey key;
    QString ns;            ///< namespace, e.g. "meshscope-review"
    QByteArray reserved;
    QString hashAlgorithm; ///< "sha512" or "sha256"
    QString signatureType; ///< "ssh-ed25519", ...
    QByteArray signature;  ///< the raw signature bytes (64 for Ed25519)
};

/// Parses a key blob (the base64-decoded middle field of an authorized_keys / allowed_signers line).
std::optional<PublicKey> parsePublicKey(const QByteArray &blob, QString *error);
/// Parses "ssh-ed25519 AAAA... comment" (a .pub file's text).
std::optional<PublicKey> parsePublicKeyLine(const QString &line, QString *error);

/// Parses the armored text ("-----BEGIN SSH SIGNATURE-----" ... "-----END SSH SIGNATURE-----").
std::optional<Signature> parseArmored(const QByteArray &armored, QString *error);

/// Whether `signature` is a valid signature of `message` under `expectedNamespace` by the key it
/// names. false with `error` saying why (wrong namespace, unsupported key type, does not match).
bool verify(const Signature &signature, const QByteArray &message, const QString &expectedNamespace, QString *error);

} // namespace meshscope::review::sshsig
