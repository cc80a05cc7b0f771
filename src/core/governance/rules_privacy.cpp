#include "rulecontext.h"

namespace meshscope::governance::rules {

namespace {

/// The policy action for a field: by its stated PII type, else by a field type named in its name
/// ("customer_email" is an e-mail). Empty when the policy names no action for it.
QString expectedAction(const FieldRef &f, const EffectivePolicy &p, QString *type)
{
    const QString stated = f.piiType.toLower();
    if (!stated.isEmpty() && p.piiActions.contains(stated)) {
        *type = stated;
        return p.piiActions.value(stated);
    }
    const QString name = f.name.toLower();
    QString best;
    for (auto it = p.piiActions.cbegin(); it != p.piiActions.cend(); ++it) {
        if (name.contains(it.key()) && it.key().size() > best.size())
            best = it.key();
    }
    *type = best;
    return best.isEmpty() ? QString() : p.piiActions.value(best);
}

QString normalized(QString action)
{
    return action.toLower().replace(QLatin1Char('-'), QLatin1Char('_')).trimmed();
}

} // namespace

void checkPrivacy(const Context &c)
{
    const EffectivePolicy &p = c.policy;
    if (!c.policy.spec.contains(QLatin1String("pii_handling")))
        return;
    const qsizetype required = p.classificationLevels.indexOf(p.piiClassification.toLower());
    for (const FieldRef &f : c.fields) {
        if (!f.piiTagged) {
            if (p.piiTaggingRequired && f.fromContract) {
                // ODCS has no `pii` key: a classification, tag or custom property says it, so a property
                // saying none of them is a warning.
                c.add("pii_handling", "pii.tagging", Severity::Warning, QStringLiteral("field"), f.target,
                      QStringLiteral("field '%1' does not say whether it is personal data").arg(f.name),
                      QStringLiteral("tag the field 'pii' or give it a classification"));
            } else if (p.piiTaggingRequired) {
                // A product manifest's field: the seeds' PRIVACY-001, in its words and severity.
                c.add("pii_handling", "pii.tagging", Severity::Error, QStringLiteral("field"), f.target,
                      QStringLiteral("Field '%1' missing PII classification").arg(f.name),
                      QStringLiteral("Add 'pii: true/false' to classify the field"));
            }
            continue;
        }
        if (!f.pii)
            continue;
        QString type;
        const QString expected = expectedAction(f, p, &type);
        if (f.masking.isEmpty()) {
            c.add("pii_handling", "pii.masking", Severity::Error, QStringLiteral("field"), f.target,
                  QStringLiteral("PII field '%1' is published unmasked").arg(f.name),
                  expected.isEmpty()
                      ? QStringLiteral("declare a masking action (hash, mask, redact, tokenize) in its maskingStrategy")
                      : QStringLiteral("apply '%1' (the policy's action for %2) and declare it as maskingStrategy")
                            .arg(expected, type));
        } else if (!expected.isEmpty() && normalized(expected) != normalized(f.masking)) {
            c.add("pii_handling", "pii.masking", Severity::Warning, QStringLiteral("field"), f.target,
                  QStringLiteral("PII field '%1' is masked with '%2', the policy asks '%3' for %4")
                      .arg(f.name, f.masking, expected, type),
                  QStringLiteral("switch the masking to '%1' or record an exception with the governance council")
                      .arg(expected));
        }
        const qsizetype level = p.classificationLevels.indexOf(f.classification.toLower());
        if (required >= 0 && level < required) {
            // Masked values are less sensitive, so a too-low classification is a warning for them and an
            // error for clear values.
            c.add("pii_handling", "pii.classification", f.masking.isEmpty() ? Severity::Error : Severity::Warning,
                  QStringLiteral("field"), f.target,
                  QStringLiteral("PII field '%1' is classified '%2', below '%3'")
                      .arg(f.name, f.classification.isEmpty() ? QStringLiteral("(none)") : f.classification,
                           p.piiClassification),
                  QStringLiteral("classify the field '%1'").arg(p.piiClassification));
        }
    }
}

} // namespace meshscope::governance::rules
