#include "allowedsigners.h"

#include <optional>

namespace meshscope::review {

namespace {

/// Splits a line at unquoted blanks; quotes stay in the tokens (options are `key="value"`).
std::optional<QStringList> tokens(const QString &line)
{
    QStringList out;
    QString current;
    bool quoted = false;
    for (const QChar c : line) {
        if (c == u'"')
            quoted = !quoted;
        if (!quoted && (c == u' ' || c == u'\t')) {
            if (!current.isEmpty())
                out << current;
            current.clear();
            continue;
        }
        current += c;
    }
    if (quoted)
        return std::nullopt;
    if (!current.isEmpty())
        out << current;
    return out;
}

QString unquote(QString s)
{
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"'))
        s = s.mid(1, s.size() - 2);
    return s;
}

bool isPattern(const QString &s)
{
    return s.contains(u'*') || s.contains(u'?') || s.startsWith(u'!');
}

/// Splits an option list at commas outside quotes.
QStringList splitOptions(const QString &text)
{
    QStringList out;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        if (!quoted && c == u',') {
            out << current;
            current.clear();
            continue;
        }
        current += c;
    }
    out << current;
    return out;
}

/// YYYYMMDD[HHMM[SS]][Z]: UTC with Z, else local time (as ssh-keygen reads it).
QDateTime parseTimestamp(QString text)
{
    const bool utc = text.endsWith(u'Z') || text.endsWith(u'z');
    if (utc)
        text.chop(1);
    static const char *const formats[] = {"yyyyMMdd", "yyyyMMddHHmm", "yyyyMMddHHmmss"};
    for (const char *f : formats) {
        if (text.size() != qsizetype(qstrlen(f)))
            continue;
        QDateTime t = QDateTime::fromString(text, QString::fromLatin1(f));
        if (t.isValid()) {
            if (utc)
                t.setTimeSpec(Qt::UTC);
            return t;
        }
    }
    return {};
}

bool looksLikeKeyType(const QString &token)
{
    return token.startsWith(QLatin1String("ssh-")) || token.startsWith(QLatin1String("ecdsa-"))
           || token.startsWith(QLatin1String("sk-"));
}

} // namespace

AllowedSigners parseAllowedSigners(const QByteArray &text, const QString &fileName)
{
    AllowedSigners out;
    out.file = fileName;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto error = [&](const QString &message) { out.errors << QStringLiteral("%1:%2: %3").arg(fileName).arg(lineNo).arg(message); };
        const std::optional<QStringList> fields = tokens(line);
        if (!fields) {
            error(QStringLiteral("an unclosed quote"));
            continue;
        }
        if (fields->size() < 3) {
            error(QStringLiteral("expected: EMAIL[,EMAIL...] [OPTIONS] KEYTYPE BASE64KEY [COMMENT]"));
            continue;
        }
        AllowedSigner entry;
        entry.line = lineNo;
        bool ok = true;
        for (const QString &p : unquote(fields->at(0)).split(u',')) {
            const QString principal = p.trimmed();
            if (principal.isEmpty() || isPattern(principal)) {
                error(QStringLiteral("principal '%1': wildcards and negations are not supported here; list each e-mail").arg(principal));
                ok = false;
            }
            entry.principals << principal;
        }
        int next = 1;
        if (!looksLikeKeyType(fields->at(1))) {
            for (const QString &option : splitOptions(fields->at(1))) {
                const QString name = option.section(u'=', 0, 0).toLower();
                const QString value = unquote(option.section(u'=', 1));
                if (name == u"namespaces") {
                    for (const QString &n : value.split(u',')) {
                        if (n.trimmed().isEmpty() || isPattern(n.trimmed())) {
                            error(QStringLiteral("namespace '%1': wildcards are not supported here; list each namespace").arg(n.trimmed()));
                            ok = false;
                        }
                        entry.namespaces << n.trimmed();
                    }
                } else if (name == u"valid-after" || name == u"valid-before") {
                    const QDateTime t = parseTimestamp(value);
                    if (!t.isValid()) {
                        error(QStringLiteral("%1=\"%2\" is not YYYYMMDD[HHMM[SS]][Z]").arg(name, value));
                        ok = false;
                    }
                    (name == u"valid-after" ? entry.validAfter : entry.validBefore) = t;
                } else if (name == u"cert-authority") {
                    error(QStringLiteral("cert-authority: certificates are not supported; list the signer's own key"));
                    ok = false;
                } else {
                    error(QStringLiteral("unknown option '%1'").arg(name));
                    ok = false;
                }
            }
            next = 2;
        }
        if (fields->size() < next + 2) {
            error(QStringLiteral("no key (expected KEYTYPE BASE64KEY after the %1)").arg(next == 2 ? QStringLiteral("options") : QStringLiteral("e-mails")));
            continue;
        }
        const QString type = fields->at(next);
        if (type != QLatin1String(sshsig::kEd25519)) {
            error(QStringLiteral("a %1 key: only ssh-ed25519 keys are supported").arg(type));
            continue;
        }
        QString keyError;
        const std::optional<sshsig::PublicKey> key = sshsig::parsePublicKeyLine(type + QLatin1Char(' ') + fields->at(next + 1), &keyError);
        if (!key) {
            error(keyError);
            continue;
        }
        entry.key = *key;
        if (ok)
            out.entries.push_back(std::move(entry));
    }
    return out;
}

bool AllowedSigners::allows(const QString &email, const QString &ns, const sshsig::PublicKey &key, const QDateTime &time) const
{
    for (const AllowedSigner &e : entries) {
        if (!(e.key == key))
            continue;
        bool principal = false;
        for (const QString &p : e.principals)
            principal = principal || p.compare(email.trimmed(), Qt::CaseInsensitive) == 0;
        if (!principal)
            continue;
        if (!e.namespaces.isEmpty() && !e.namespaces.contains(ns))
            continue;
        if ((e.validAfter.isValid() && time < e.validAfter) || (e.validBefore.isValid() && time > e.validBefore))
            continue;
        return true;
    }
    return false;
}

QStringList AllowedSigners::principalsOf(const sshsig::PublicKey &key) const
{
    QStringList out;
    for (const AllowedSigner &e : entries) {
        if (e.key == key)
            out << e.principals;
    }
    return out;
}

} // namespace meshscope::review
