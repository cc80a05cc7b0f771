#include "sshsig.h"

#include <QCryptographicHash>
#include <QStringList>

#include <sodium.h>

namespace meshscope::review::sshsig {

namespace {

constexpr char kMagic[] = "SSHSIG";   // 6 bytes, no length prefix
constexpr quint32 kSigVersion = 1;
constexpr const char *kBegin = "-----BEGIN SSH SIGNATURE-----";
constexpr const char *kEnd = "-----END SSH SIGNATURE-----";

/// Reads SSH wire-format fields (RFC 4251: uint32 big-endian, string = uint32 length + bytes) and
/// refuses to read past the end.
class Reader {
public:
    explicit Reader(const QByteArray &bytes) : m_bytes(bytes) {}

    bool uint32(quint32 *value)
    {
        if (m_bytes.size() - m_pos < 4)
            return false;
        const auto *p = reinterpret_cast<const uchar *>(m_bytes.constData() + m_pos);
        *value = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
        m_pos += 4;
        return true;
    }
    bool string(QByteArray *value)
    {
        quint32 length = 0;
        if (!uint32(&length) || quint64(length) > quint64(m_bytes.size() - m_pos))
            return false;
        *value = m_bytes.mid(m_pos, qsizetype(length));
        m_pos += qsizetype(length);
        return true;
    }
    bool raw(qsizetype n, QByteArray *value)
    {
        if (m_bytes.size() - m_pos < n)
            return false;
        *value = m_bytes.mid(m_pos, n);
        m_pos += n;
        return true;
    }
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    const QByteArray &m_bytes;
    qsizetype m_pos = 0;
};

void putString(QByteArray &out, const QByteArray &value)
{
    const quint32 n = quint32(value.size());
    const char length[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    out.append(length, 4);
    out.append(value);
}

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString PublicKey::fingerprint() const
{
    QString b64 = QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toBase64(QByteArray::OmitTrailingEquals));
    return QStringLiteral("SHA256:") + b64;
}

std::optional<PublicKey> parsePublicKey(const QByteArray &blob, QString *error)
{
    Reader r(blob);
    QByteArray type;
    if (!r.string(&type) || type.isEmpty()) {
        fail(error, QStringLiteral("not an SSH public key (no key type)"));
        return std::nullopt;
    }
    PublicKey key;
    key.type = QString::fromLatin1(type);
    key.blob = blob;
    if (type == kEd25519) {
        QByteArray raw;
        if (!r.string(&raw) || raw.size() != crypto_sign_PUBLICKEYBYTES || !r.atEnd()) {
            fail(error, QStringLiteral("a malformed ssh-ed25519 key (not 32 key bytes)"));
            return std::nullopt;
        }
        key.ed25519 = raw;
    }
    return key;
}

std::optional<PublicKey> parsePublicKeyLine(const QString &line, QString *error)
{
    const QStringList fields = line.simplified().split(QLatin1Char(' '));
    if (fields.size() < 2) {
        fail(error, QStringLiteral("not a public key line (expected: TYPE BASE64 [COMMENT])"));
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(fields.at(1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        fail(error, QStringLiteral("the key is not valid base64"));
        return std::nullopt;
    }
    std::optional<PublicKey> key = parsePublicKey(*decoded, error);
    if (key && key->type != fields.at(0)) {
        fail(error, QStringLiteral("the line says %1 but the key is %2").arg(fields.at(0), key->type));
        return std::nullopt;
    }
    return key;
}

std::optional<Signature> parseArmored(const QByteArray &armored, QString *error)
{
    const QByteArray text = armored.trimmed();
    if (!text.startsWith(kBegin) || !text.endsWith(kEnd)) {
        fail(error, QStringLiteral("not an armored SSH signature (no BEGIN/END SSH SIGNATURE lines)"));
        return std::nullopt;
    }
    QByteArray body = text.mid(qsizetype(qstrlen(kBegin)), text.size() - qsizetype(qstrlen(kBegin)) - qsizetype(qstrlen(kEnd)));
    body = body.simplified().replace(' ', QByteArray());
    const auto blob = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
    if (!blob) {
        fail(error, QStringLiteral("the signature is not valid base64"));
        return std::nullopt;
    }
    Reader r(*blob);
    QByteArray magic, keyBlob, ns, reserved, hash, sigBlob;
    quint32 version = 0;
    if (!r.raw(6, &magic) || magic != QByteArray(kMagic, 6)) {
        fail(error, QStringLiteral("not an SSHSIG signature (no SSHSIG preamble)"));
        return std::nullopt;
    }
    if (!r.uint32(&version) || version != kSigVersion) {
        fail(error, QStringLiteral("SSHSIG version %1 is not supported (only 1)").arg(version));
        return std::nullopt;
    }
    if (!r.string(&keyBlob) || !r.string(&ns) || !r.string(&reserved) || !r.string(&hash) || !r.string(&sigBlob) || !r.atEnd()) {
        fail(error, QStringLiteral("a truncated or malformed SSHSIG signature"));
        return std::nullopt;
    }
    Signature s;
    const std::optional<PublicKey> key = parsePublicKey(keyBlob, error);
    if (!key)
        return std::nullopt;
    s.key = *key;
    s.ns = QString::fromUtf8(ns);
    s.reserved = reserved;
    s.hashAlgorithm = QString::fromLatin1(hash);
    Reader sr(sigBlob);
    QByteArray sigType, sigBytes;
    if (!sr.string(&sigType) || !sr.string(&sigBytes) || !sr.atEnd()) {
        fail(error, QStringLiteral("a malformed signature inside the SSHSIG blob"));
        return std::nullopt;
    }
    s.signatureType = QString::fromLatin1(sigType);
    s.signature = sigBytes;
    return s;
}

bool verify(const Signature &s, const QByteArray &message, const QString &expectedNamespace, QString *error)
{
    if (s.key.type != QLatin1String(kEd25519))
        return fail(error, QStringLiteral("signed with an %1 key; only ssh-ed25519 keys are supported").arg(s.key.type));
    if (s.signatureType != QLatin1String(kEd25519) || s.signature.size() != crypto_sign_BYTES)
        return fail(error, QStringLiteral("a malformed ssh-ed25519 signature"));
    if (s.ns != expectedNamespace)
        return fail(error, QStringLiteral("signed for namespace '%1', not '%2'").arg(s.ns, expectedNamespace));
    if (!sodiumReady())
        return fail(error, QStringLiteral("libsodium could not be initialised"));

    // The signed data (PROTOCOL.sshsig): the preamble, then namespace, reserved, hash algorithm and the
    // hash of the message as strings.
    QByteArray digest;
    if (s.hashAlgorithm == u"sha512") {
        digest.resize(crypto_hash_sha512_BYTES);
        crypto_hash_sha512(reinterpret_cast<uchar *>(digest.data()), reinterpret_cast<const uchar *>(message.constData()),
                           quint64(message.size()));
    } else if (s.hashAlgorithm == u"sha256") {
        digest.resize(crypto_hash_sha256_BYTES);
        crypto_hash_sha256(reinterpret_cast<uchar *>(digest.data()), reinterpret_cast<const uchar *>(message.constData()),
                           quint64(message.size()));
    } else {
        return fail(error, QStringLiteral("hash algorithm '%1' is not supported (sha512, sha256)").arg(s.hashAlgorithm));
    }
    QByteArray signedData(kMagic, 6);
    putString(signedData, s.ns.toUtf8());
    putString(signedData, s.reserved);
    putString(signedData, s.hashAlgorithm.toLatin1());
    putString(signedData, digest);
    if (crypto_sign_verify_detached(reinterpret_cast<const uchar *>(s.signature.constData()),
                                    reinterpret_cast<const uchar *>(signedData.constData()), quint64(signedData.size()),
                                    reinterpret_cast<const uchar *>(s.key.ed25519.constData()))
        != 0)
        return fail(error, QStringLiteral("the signature does not match the event's bytes"));
    return true;
}

} // namespace meshscope::review::sshsig
