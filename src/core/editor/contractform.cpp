#include "editor/contractform.h"

#include <yaml-cpp/yaml.h>

namespace meshscope::editor {

namespace {

using Kind = FormRow::Kind;

YAML::Node child(const YAML::Node &node, const QString &key)
{
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar() && QString::fromStdString(it->first.Scalar()) == key)
                return it->second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

int lineOf(const YAML::Node &n)
{
    return n.IsDefined() && n.Mark().line >= 0 ? n.Mark().line + 1 : 0;
}

QString scalarText(const YAML::Node &n)
{
    return n.IsDefined() && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
}

/// Keys whose values are long prose or code: edited in a multi-line box.
bool isProse(const QString &key)
{
    static const QStringList keys{"description", "purpose", "usage", "limitations", "query", "implementation"};
    return keys.contains(key);
}

class Builder {
public:
    std::vector<FormRow> rows;

    void section(const QString &title)
    {
        m_section = title;
        FormRow r;
        r.kind = Kind::Section;
        r.section = title;
        r.label = title;
        rows.push_back(r);
    }

    void group(const QString &label, const YAML::Node &node)
    {
        FormRow r;
        r.kind = Kind::Group;
        r.section = m_section;
        r.label = label;
        r.line = lineOf(node);
        r.depth = 1;
        rows.push_back(r);
    }

    /// A field for `key` of the mapping `map` at `mapPath` (also when the key is absent, so the form
    /// can add it). Lists and mappings under the key are not fields.
    void field(const YAML::Node &map, const YamlPath &mapPath, const QString &key, const QString &label, Kind kind,
               int depth, const QStringList &options = {})
    {
        const YAML::Node v = child(map, key);
        if (v.IsDefined() && !v.IsNull() && !v.IsScalar())
            return;
        FormRow r;
        r.kind = kind;
        r.section = m_section;
        r.label = label;
        r.path = mapPath;
        r.path << key;
        r.present = v.IsDefined();
        r.value = scalarText(v);
        r.line = r.present ? lineOf(v) : lineOf(map);
        r.depth = depth;
        r.options = options;
        if (kind == Kind::Choice && !r.value.isEmpty() && !r.options.contains(r.value))
            r.options.prepend(r.value); // what the text says stays selectable (and is flagged by validation)
        r.typed = kind == Kind::Flag || (v.IsScalar() && v.Tag() == "?" && readsAsNonString(r.value));
        if (kind == Kind::Text && (r.value.contains(u'\n') || r.value.size() > 90))
            r.kind = Kind::Multiline;
        rows.push_back(r);
    }

    /// Every scalar entry of the mapping `map`, in the order written.
    void scalars(const YAML::Node &map, const YamlPath &mapPath, int depth)
    {
        if (!map.IsMap())
            return;
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it->first.IsScalar() || !(it->second.IsScalar() || it->second.IsNull()))
                continue;
            const QString key = QString::fromStdString(it->first.Scalar());
            field(map, mapPath, key, key, isProse(key) ? Kind::Multiline : Kind::Text, depth);
        }
    }

    /// One group per item of the list at `key`, labelled by its first named key, with its scalars.
    void list(const YAML::Node &root, const QString &key, const QStringList &labelKeys, const QString &fallback)
    {
        const YAML::Node items = child(root, key);
        for (size_t i = 0; items.IsSequence() && i < items.size(); ++i) {
            const YAML::Node item = items[i];
            if (!item.IsMap())
                continue;
            QString label;
            for (const QString &k : labelKeys) {
                if (label.isEmpty())
                    label = scalarText(child(item, k));
            }
            group(label.isEmpty() ? QStringLiteral("%1 %2").arg(fallback).arg(i + 1) : label, item);
            scalars(item, {key, QString::number(i)}, 2);
        }
    }

private:
    QString m_section;
};

void qualityRules(Builder &b, const YAML::Node &rules, const YamlPath &path, const QString &owner)
{
    for (size_t q = 0; rules.IsSequence() && q < rules.size(); ++q) {
        const YAML::Node rule = rules[q];
        if (!rule.IsMap())
            continue;
        QString what = scalarText(child(rule, QStringLiteral("name")));
        if (what.isEmpty())
            what = scalarText(child(rule, QStringLiteral("metric")));
        if (what.isEmpty())
            what = scalarText(child(rule, QStringLiteral("rule")));
        if (what.isEmpty())
            what = scalarText(child(rule, QStringLiteral("type")));
        b.group(QStringLiteral("%1 · rule %2%3").arg(owner).arg(q + 1).arg(what.isEmpty() ? QString() : QStringLiteral(": ") + what), rule);
        b.scalars(rule, path + YamlPath{QString::number(q)}, 2);
    }
}

/// PII stated without a `pii` key: a `pii` tag or an ODCS custom property `pii: true`.
bool statedPiiElsewhere(const YAML::Node &prop)
{
    const YAML::Node tags = child(prop, QStringLiteral("tags"));
    for (size_t i = 0; tags.IsSequence() && i < tags.size(); ++i) {
        if (scalarText(tags[i]).toLower() == u"pii")
            return true;
    }
    const YAML::Node custom = child(prop, QStringLiteral("customProperties"));
    for (size_t i = 0; custom.IsSequence() && i < custom.size(); ++i) {
        if (scalarText(child(custom[i], QStringLiteral("property"))).toLower() == u"pii")
            return scalarText(child(custom[i], QStringLiteral("value"))) == u"true";
    }
    return false;
}

void odcs(Builder &b, const YAML::Node &root)
{
    b.section(QStringLiteral("Contract"));
    b.field(root, {}, QStringLiteral("name"), QStringLiteral("Name"), Kind::Text, 1);
    b.field(root, {}, QStringLiteral("id"), QStringLiteral("Id"), Kind::Text, 1);
    b.field(root, {}, QStringLiteral("version"), QStringLiteral("Version"), Kind::Text, 1);
    b.field(root, {}, QStringLiteral("status"), QStringLiteral("Status"), Kind::Choice, 1, odcsStatuses());
    b.field(root, {}, QStringLiteral("domain"), QStringLiteral("Domain"), Kind::Text, 1);
    b.field(root, {}, QStringLiteral("dataProduct"), QStringLiteral("Data product"), Kind::Text, 1);
    const YAML::Node description = child(root, QStringLiteral("description"));
    if (description.IsMap()) {
        for (const auto &[key, label] : {std::pair{"purpose", "Purpose"}, {"usage", "Usage"}, {"limitations", "Limitations"}})
            b.field(description, {QStringLiteral("description")}, QLatin1String(key), QLatin1String(label), Kind::Multiline, 1);
    } else {
        b.field(root, {}, QStringLiteral("description"), QStringLiteral("Description"), Kind::Multiline, 1);
    }

    const YAML::Node schema = child(root, QStringLiteral("schema"));
    if (schema.IsSequence()) {
        b.section(QStringLiteral("Schema"));
        b.rows.back().adds = QStringLiteral("object");
    }
    for (size_t o = 0; schema.IsSequence() && o < schema.size(); ++o) {
        const YAML::Node object = schema[o];
        if (!object.IsMap())
            continue;
        const YamlPath at{QStringLiteral("schema"), QString::number(o)};
        const QString objectName = scalarText(child(object, QStringLiteral("name")));
        b.group(QStringLiteral("Object %1").arg(objectName.isEmpty() ? QString::number(o + 1) : objectName), object);
        if (child(object, QStringLiteral("properties")).IsSequence()) {
            b.rows.back().adds = QStringLiteral("property");
            b.rows.back().objectIndex = int(o);
        }
        b.field(object, at, QStringLiteral("name"), QStringLiteral("Name"), Kind::Text, 2);
        b.field(object, at, QStringLiteral("physicalName"), QStringLiteral("Physical name"), Kind::Text, 2);
        b.field(object, at, QStringLiteral("description"), QStringLiteral("Description"), Kind::Multiline, 2);
        const YAML::Node props = child(object, QStringLiteral("properties"));
        for (size_t p = 0; props.IsSequence() && p < props.size(); ++p) {
            const YAML::Node prop = props[p];
            if (!prop.IsMap())
                continue;
            const YamlPath pat = at + YamlPath{QStringLiteral("properties"), QString::number(p)};
            const QString propName = scalarText(child(prop, QStringLiteral("name")));
            b.group(QStringLiteral("%1.%2").arg(objectName, propName.isEmpty() ? QString::number(p + 1) : propName), prop);
            b.field(prop, pat, QStringLiteral("name"), QStringLiteral("Name"), Kind::Text, 2);
            b.field(prop, pat, QStringLiteral("logicalType"), QStringLiteral("Logical type"), Kind::Choice, 2, odcsLogicalTypes());
            b.field(prop, pat, QStringLiteral("physicalType"), QStringLiteral("Physical type"), Kind::Text, 2);
            b.field(prop, pat, QStringLiteral("required"), QStringLiteral("Required"), Kind::Flag, 2);
            b.field(prop, pat, QStringLiteral("unique"), QStringLiteral("Unique"), Kind::Flag, 2);
            b.field(prop, pat, QStringLiteral("pii"), QStringLiteral("PII"), Kind::Flag, 2);
            if (!b.rows.back().present && statedPiiElsewhere(prop))
                b.rows.back().value = QStringLiteral("true"); // shown as set; a toggle writes `pii:` itself
            b.field(prop, pat, QStringLiteral("classification"), QStringLiteral("Classification"), Kind::Text, 2);
            b.field(prop, pat, QStringLiteral("description"), QStringLiteral("Description"), Kind::Multiline, 2);
        }
    }

    bool quality = false;
    auto qualitySection = [&] {
        if (!quality)
            b.section(QStringLiteral("Quality"));
        quality = true;
    };
    for (size_t o = 0; schema.IsSequence() && o < schema.size(); ++o) {
        const YAML::Node object = schema[o];
        const QString objectName = scalarText(child(object, QStringLiteral("name")));
        const YAML::Node props = child(object, QStringLiteral("properties"));
        for (size_t p = 0; props.IsSequence() && p < props.size(); ++p) {
            const YAML::Node rules = child(props[p], QStringLiteral("quality"));
            if (rules.IsSequence() && rules.size() > 0) {
                qualitySection();
                qualityRules(b, rules,
                             {QStringLiteral("schema"), QString::number(o), QStringLiteral("properties"), QString::number(p),
                              QStringLiteral("quality")},
                             objectName + u'.' + scalarText(child(props[p], QStringLiteral("name"))));
            }
        }
        const YAML::Node rules = child(object, QStringLiteral("quality"));
        if (rules.IsSequence() && rules.size() > 0) {
            qualitySection();
            qualityRules(b, rules, {QStringLiteral("schema"), QString::number(o), QStringLiteral("quality")}, objectName);
        }
    }
    const YAML::Node topRules = child(root, QStringLiteral("quality"));
    if (topRules.IsSequence() && topRules.size() > 0) {
        qualitySection();
        qualityRules(b, topRules, {QStringLiteral("quality")}, QStringLiteral("contract"));
    }

    auto listSection = [&](const QString &key, const QString &title, const QStringList &labelKeys, const QString &fallback) {
        const YAML::Node items = child(root, key);
        if (!items.IsSequence() || items.size() == 0)
            return;
        b.section(title);
        b.list(root, key, labelKeys, fallback);
    };
    listSection(QStringLiteral("slaProperties"), QStringLiteral("SLA"), {QStringLiteral("property")}, QStringLiteral("SLA"));
    listSection(QStringLiteral("servers"), QStringLiteral("Servers"), {QStringLiteral("server"), QStringLiteral("type")},
                QStringLiteral("Server"));

    const YAML::Node team = child(root, QStringLiteral("team"));
    if (team.IsMap()) {
        b.section(QStringLiteral("Team"));
        b.field(team, {QStringLiteral("team")}, QStringLiteral("name"), QStringLiteral("Name"), Kind::Text, 1);
        b.field(team, {QStringLiteral("team")}, QStringLiteral("description"), QStringLiteral("Description"), Kind::Multiline, 1);
        const YAML::Node members = child(team, QStringLiteral("members"));
        for (size_t i = 0; members.IsSequence() && i < members.size(); ++i) {
            QString label = scalarText(child(members[i], QStringLiteral("name")));
            if (label.isEmpty())
                label = scalarText(child(members[i], QStringLiteral("username")));
            b.group(label.isEmpty() ? QStringLiteral("Member %1").arg(i + 1) : label, members[i]);
            b.scalars(members[i], {QStringLiteral("team"), QStringLiteral("members"), QString::number(i)}, 2);
        }
    } else {
        listSection(QStringLiteral("team"), QStringLiteral("Team"), {QStringLiteral("name"), QStringLiteral("username")},
                    QStringLiteral("Member"));
    }
    listSection(QStringLiteral("roles"), QStringLiteral("Roles and approvers"), {QStringLiteral("role")}, QStringLiteral("Role"));
    listSection(QStringLiteral("support"), QStringLiteral("Support"), {QStringLiteral("channel"), QStringLiteral("tool")},
                QStringLiteral("Channel"));
}

/// Data Contract Specification: `info` and the fields of `models` (mappings keyed by name).
void dcs(Builder &b, const YAML::Node &root)
{
    const YAML::Node info = child(root, QStringLiteral("info"));
    b.section(QStringLiteral("Contract"));
    b.field(root, {}, QStringLiteral("id"), QStringLiteral("Id"), Kind::Text, 1);
    if (info.IsMap()) {
        const YamlPath at{QStringLiteral("info")};
        b.field(info, at, QStringLiteral("title"), QStringLiteral("Title"), Kind::Text, 1);
        b.field(info, at, QStringLiteral("version"), QStringLiteral("Version"), Kind::Text, 1);
        b.field(info, at, QStringLiteral("status"), QStringLiteral("Status"), Kind::Choice, 1, odcsStatuses());
        b.field(info, at, QStringLiteral("owner"), QStringLiteral("Owner"), Kind::Text, 1);
        b.field(info, at, QStringLiteral("description"), QStringLiteral("Description"), Kind::Multiline, 1);
    }
    const YAML::Node models = child(root, QStringLiteral("models"));
    if (models.IsMap() && models.size() > 0)
        b.section(QStringLiteral("Schema"));
    for (auto m = models.begin(); models.IsMap() && m != models.end(); ++m) {
        const QString model = QString::fromStdString(m->first.Scalar());
        const YamlPath at{QStringLiteral("models"), model};
        b.group(QStringLiteral("Model %1").arg(model), m->second);
        b.field(m->second, at, QStringLiteral("description"), QStringLiteral("Description"), Kind::Multiline, 2);
        const YAML::Node fields = child(m->second, QStringLiteral("fields"));
        for (auto f = fields.begin(); fields.IsMap() && f != fields.end(); ++f) {
            const QString name = QString::fromStdString(f->first.Scalar());
            const YamlPath fat = at + YamlPath{QStringLiteral("fields"), name};
            b.group(QStringLiteral("%1.%2").arg(model, name), f->second);
            b.field(f->second, fat, QStringLiteral("type"), QStringLiteral("Type"), Kind::Text, 2);
            b.field(f->second, fat, QStringLiteral("required"), QStringLiteral("Required"), Kind::Flag, 2);
            b.field(f->second, fat, QStringLiteral("unique"), QStringLiteral("Unique"), Kind::Flag, 2);
            b.field(f->second, fat, QStringLiteral("pii"), QStringLiteral("PII"), Kind::Flag, 2);
            b.field(f->second, fat, QStringLiteral("classification"), QStringLiteral("Classification"), Kind::Text, 2);
            b.field(f->second, fat, QStringLiteral("description"), QStringLiteral("Description"), Kind::Multiline, 2);
        }
    }
}

} // namespace

std::vector<FormRow> buildForm(const QString &text)
{
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &) {
        return {};
    }
    if (!root.IsMap())
        return {};
    Builder b;
    if (child(root, QStringLiteral("dataContractSpecification")).IsDefined())
        dcs(b, root);
    else
        odcs(b, root);
    return std::move(b.rows);
}

QString formScalar(const FormRow &row, const QString &value)
{
    if (row.kind == FormRow::Kind::Flag)
        return value == u"true" ? QStringLiteral("true") : QStringLiteral("false");
    if (row.typed && readsAsNonString(value))
        return value;
    return yamlScalar(value);
}

std::optional<QString> applyFormValue(const QString &text, const FormRow &row, const QString &value, QString *error)
{
    if (row.kind == FormRow::Kind::Flag || (row.typed && readsAsNonString(value)))
        return setScalar(text, row.path, formScalar(row, value), error);
    return setValue(text, row.path, value, error);
}

} // namespace meshscope::editor
