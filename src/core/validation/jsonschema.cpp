#include "jsonschema.h"

#include "importers/yamlsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <QVarLengthArray>

#include <algorithm>

#include <cmath>
#include <deque>
#include <optional>
#include <unordered_map>

namespace meshscope::validation {

namespace {

/// Instance types as bits; "integer" is its own bit so that `type: integer` can be told from number.
enum TypeBit : unsigned {
    TNull = 1,
    TBool = 2,
    TInt = 4,
    TNum = 8,
    TStr = 16,
    TArr = 32,
    TObj = 64,
};

struct SNode {
    bool alwaysFalse = false;
    unsigned types = 0; ///< 0: any
    bool hasEnum = false;
    std::vector<QJsonValue> enumValues;
    bool enumAllStrings = false;            ///< then enumStrings holds them, compared without QJsonValue
    std::vector<std::string> enumStrings;
    std::optional<std::string> constString; ///< a string `const`, likewise
    bool hasConst = false;
    QJsonValue constValue;
    std::unordered_map<std::string, const SNode *> properties;
    std::vector<std::string> propertyOrder; ///< for suggestions, in the schema's order
    std::vector<std::pair<QRegularExpression, const SNode *>> patternProperties;
    const SNode *additional = nullptr;
    const SNode *unevaluated = nullptr;
    const SNode *propertyNames = nullptr;
    std::vector<std::string> required;
    std::vector<std::pair<std::string, std::vector<std::string>>> dependentRequired;
    const SNode *items = nullptr;
    std::vector<const SNode *> tupleItems;
    const SNode *contains = nullptr;
    qint64 minItems = -1, maxItems = -1, minLength = -1, maxLength = -1, minProps = -1, maxProps = -1;
    bool uniqueItems = false;
    std::optional<double> minimum, maximum, exclusiveMinimum, exclusiveMaximum;
    std::optional<QRegularExpression> pattern;
    QString patternText;
    std::vector<const SNode *> allOf, anyOf, oneOf;
    const SNode *notSchema = nullptr;
    const SNode *ifSchema = nullptr, *thenSchema = nullptr, *elseSchema = nullptr;
    const SNode *ref = nullptr;
    QString refText;
    QString description;
    /// `{"properties": {"K": {"const": "V"}}, "required": ["K"]}`, the form of every `if` in the pinned
    /// schemas (ODCS 3.1 has 44, the server types and logicalType options): tested directly.
    bool isKeyTest = false;
    bool keyTestRequired = false;
    std::string testKey, testValue;
};

} // namespace

struct JsonSchema::Impl {
    QJsonValue root;
    bool draft7 = false; ///< `$ref` replaces its siblings (draft 4 to 7)
    std::deque<SNode> nodes;
    std::unordered_map<QString, SNode *> byPointer;
    std::vector<SNode *> unresolved;
    QString error;

    const SNode *compileAt(const QString &pointer);
    const SNode *compile(const QJsonValue &v, const QString &pointer);
    QJsonValue navigate(const QString &pointer) const;
};

namespace {

QString escapePointer(QString s)
{
    return s.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
}

unsigned typeBit(const QString &name)
{
    if (name == u"null")
        return TNull;
    if (name == u"boolean")
        return TBool;
    if (name == u"integer")
        return TInt;
    if (name == u"number")
        return TNum | TInt;
    if (name == u"string")
        return TStr;
    if (name == u"array")
        return TArr;
    if (name == u"object")
        return TObj;
    return 0;
}

std::optional<double> number(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return v.toDouble();
    return std::nullopt;
}

} // namespace

QJsonValue JsonSchema::Impl::navigate(const QString &pointer) const
{
    QJsonValue v = root;
    if (pointer.isEmpty())
        return v;
    const QStringList parts = pointer.mid(1).split(QLatin1Char('/'));
    for (QString part : parts) {
        part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (v.isObject())
            v = v.toObject().value(part);
        else if (v.isArray())
            v = v.toArray().at(part.toInt());
        else
            return QJsonValue::Undefined;
    }
    return v;
}

const SNode *JsonSchema::Impl::compileAt(const QString &pointer)
{
    const auto it = byPointer.find(pointer);
    if (it != byPointer.end())
        return it->second;
    const QJsonValue v = navigate(pointer);
    if (v.isUndefined()) {
        error = QStringLiteral("$ref to a missing place: #%1").arg(pointer);
        return nullptr;
    }
    return compile(v, pointer);
}

const SNode *JsonSchema::Impl::compile(const QJsonValue &v, const QString &pointer)
{
    const auto known = byPointer.find(pointer);
    if (known != byPointer.end())
        return known->second;
    SNode &n = nodes.emplace_back();
    byPointer.emplace(pointer, &n);
    if (v.isBool()) {
        n.alwaysFalse = !v.toBool();
        return &n;
    }
    const QJsonObject o = v.toObject();
    const auto sub = [&](const char *key) -> const SNode * {
        const QJsonValue c = o.value(QLatin1String(key));
        if (c.isUndefined())
            return nullptr;
        return compile(c, pointer + QLatin1Char('/') + QLatin1String(key));
    };
    const auto list = [&](const char *key) {
        std::vector<const SNode *> out;
        const QJsonArray a = o.value(QLatin1String(key)).toArray();
        for (int i = 0; i < a.size(); ++i)
            out.push_back(compile(a.at(i), pointer + QLatin1Char('/') + QLatin1String(key) + QLatin1Char('/')
                                                + QString::number(i)));
        return out;
    };

    if (o.contains(QLatin1String("$ref"))) {
        n.refText = o.value(QLatin1String("$ref")).toString();
        unresolved.push_back(&n);
        if (draft7)
            return &n;
    }
    n.description = o.value(QLatin1String("description")).toString();
    const QJsonValue type = o.value(QLatin1String("type"));
    if (type.isString())
        n.types = typeBit(type.toString());
    for (const QJsonValue t : type.toArray())
        n.types |= typeBit(t.toString());
    if (o.contains(QLatin1String("enum"))) {
        n.hasEnum = true;
        for (const QJsonValue e : o.value(QLatin1String("enum")).toArray())
            n.enumValues.push_back(e);
        n.enumAllStrings = std::all_of(n.enumValues.begin(), n.enumValues.end(), [](const QJsonValue &e) { return e.isString(); });
        if (n.enumAllStrings) {
            for (const QJsonValue &e : n.enumValues)
                n.enumStrings.push_back(e.toString().toStdString());
        }
    }
    if (o.contains(QLatin1String("const"))) {
        n.hasConst = true;
        n.constValue = o.value(QLatin1String("const"));
        if (n.constValue.isString())
            n.constString = n.constValue.toString().toStdString();
    }
    const QJsonObject props = o.value(QLatin1String("properties")).toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        const std::string key = it.key().toStdString();
        n.propertyOrder.push_back(key);
        n.properties.emplace(key, compile(it.value(), pointer + QLatin1String("/properties/") + escapePointer(it.key())));
    }
    const QJsonObject patterns = o.value(QLatin1String("patternProperties")).toObject();
    for (auto it = patterns.begin(); it != patterns.end(); ++it) {
        QRegularExpression re(it.key());
        re.optimize();
        n.patternProperties.emplace_back(
            re, compile(it.value(), pointer + QLatin1String("/patternProperties/") + escapePointer(it.key())));
    }
    n.additional = sub("additionalProperties");
    n.unevaluated = sub("unevaluatedProperties");
    n.propertyNames = sub("propertyNames");
    for (const QJsonValue r : o.value(QLatin1String("required")).toArray())
        n.required.push_back(r.toString().toStdString());
    const QJsonObject depReq = o.value(QLatin1String("dependentRequired")).toObject();
    for (auto it = depReq.begin(); it != depReq.end(); ++it) {
        std::vector<std::string> names;
        for (const QJsonValue r : it.value().toArray())
            names.push_back(r.toString().toStdString());
        n.dependentRequired.emplace_back(it.key().toStdString(), std::move(names));
    }
    // draft 7 `dependencies` with a list of names means the same.
    const QJsonObject deps = o.value(QLatin1String("dependencies")).toObject();
    for (auto it = deps.begin(); it != deps.end(); ++it) {
        if (!it.value().isArray())
            continue;
        std::vector<std::string> names;
        for (const QJsonValue r : it.value().toArray())
            names.push_back(r.toString().toStdString());
        n.dependentRequired.emplace_back(it.key().toStdString(), std::move(names));
    }
    const QJsonValue items = o.value(QLatin1String("items"));
    if (items.isArray())
        n.tupleItems = list("items");
    else
        n.items = sub("items");
    n.contains = sub("contains");
    const auto count = [&](const char *key) -> qint64 {
        const QJsonValue c = o.value(QLatin1String(key));
        return c.isDouble() ? qint64(c.toDouble()) : -1;
    };
    n.minItems = count("minItems");
    n.maxItems = count("maxItems");
    n.minLength = count("minLength");
    n.maxLength = count("maxLength");
    n.minProps = count("minProperties");
    n.maxProps = count("maxProperties");
    n.uniqueItems = o.value(QLatin1String("uniqueItems")).toBool();
    n.minimum = number(o, "minimum");
    n.maximum = number(o, "maximum");
    n.exclusiveMinimum = number(o, "exclusiveMinimum");
    n.exclusiveMaximum = number(o, "exclusiveMaximum");
    if (o.value(QLatin1String("pattern")).isString()) {
        n.patternText = o.value(QLatin1String("pattern")).toString();
        QRegularExpression re(n.patternText);
        re.optimize();
        n.pattern = re;
    }
    n.allOf = list("allOf");
    n.anyOf = list("anyOf");
    n.oneOf = list("oneOf");
    n.notSchema = sub("not");
    n.ifSchema = sub("if");
    n.thenSchema = sub("then");
    n.elseSchema = sub("else");
    // The key test form: nothing but one property with a string const (and at most that key required).
    const QStringList keys = o.keys();
    const bool onlyThese = std::all_of(keys.begin(), keys.end(), [](const QString &k) {
        return k == u"properties" || k == u"required";
    });
    if (onlyThese && n.propertyOrder.size() == 1 && n.required.size() <= 1) {
        const QJsonObject test = props.begin().value().toObject();
        if (test.size() == 1 && test.value(QLatin1String("const")).isString()
            && (n.required.empty() || n.required.front() == n.propertyOrder.front())) {
            n.isKeyTest = true;
            n.keyTestRequired = !n.required.empty();
            n.testKey = n.propertyOrder.front();
            n.testValue = test.value(QLatin1String("const")).toString().toStdString();
        }
    }
    return &n;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

namespace {

using ytree::Node;

bool matchesWord(const std::string &s, std::initializer_list<const char *> words)
{
    for (const char *w : words) {
        if (s == w)
            return true;
    }
    return false;
}

/// The JSON type of a node under YAML 1.2's core schema.
unsigned instanceType(const Node &n)
{
    switch (n.Type()) {
    case ytree::NodeType::Map:
        return TObj;
    case ytree::NodeType::Sequence:
        return TArr;
    case ytree::NodeType::Scalar:
        break;
    default:
        return TNull;
    }
    const std::string &tag = n.Tag();
    const std::string &s = n.Scalar();
    if (tag == "!")
        return TStr;
    if (tag != "?") {
        if (tag == "tag:yaml.org,2002:int")
            return TInt;
        if (tag == "tag:yaml.org,2002:float")
            return TNum;
        if (tag == "tag:yaml.org,2002:bool")
            return TBool;
        if (tag == "tag:yaml.org,2002:null")
            return TNull;
        return TStr;
    }
    // Most scalars are words: only these first characters can make a plain scalar anything but a string.
    const char c0 = s.empty() ? '\0' : s[0];
    if (!(c0 == '\0' || c0 == 't' || c0 == 'T' || c0 == 'f' || c0 == 'F' || c0 == 'n' || c0 == 'N' || c0 == '~'
          || c0 == '-' || c0 == '+' || c0 == '.' || (c0 >= '0' && c0 <= '9')))
        return TStr;
    if (matchesWord(s, {"true", "True", "TRUE", "false", "False", "FALSE"}))
        return TBool;
    if (matchesWord(s, {"null", "Null", "NULL", "~", ""}))
        return TNull;
    static const QRegularExpression intRe(QStringLiteral("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"));
    static const QRegularExpression floatRe(
        QStringLiteral("^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|"
                       "\\.(?:nan|NaN|NAN))$"));
    if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-' || s[0] == '+' || s[0] == '.'))
        return TStr;
    const QString q = QString::fromStdString(s);
    if (intRe.match(q).hasMatch())
        return TInt;
    if (floatRe.match(q).hasMatch())
        return TNum;
    return TStr;
}

double numberOf(const Node &n)
{
    const std::string &s = n.Scalar();
    if (s.rfind("0x", 0) == 0)
        return double(std::stoll(s.substr(2), nullptr, 16));
    if (s.rfind("0o", 0) == 0)
        return double(std::stoll(s.substr(2), nullptr, 8));
    return QString::fromStdString(s).toDouble();
}

QJsonValue scalarJson(const Node &n, unsigned t)
{
    switch (t) {
    case TNull:
        return QJsonValue::Null;
    case TBool:
        return n.Scalar()[0] == 't' || n.Scalar()[0] == 'T';
    case TInt:
    case TNum:
        return numberOf(n);
    default:
        return QString::fromStdString(n.Scalar());
    }
}

QJsonValue asJson(const Node &n, unsigned t, qint64 &budget)
{
    if (t == TObj || t == TArr)
        return yamlsupport::toJson(n, budget);
    return scalarJson(n, t);
}

bool equalJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

QString shown(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact));
    }
}

QString typeWords(unsigned types)
{
    QStringList w;
    if (types & TStr)
        w << QStringLiteral("text");
    if ((types & TNum) || (types & TInt)) {
        w << ((types & TNum) ? QStringLiteral("a number") : QStringLiteral("a whole number"));
    }
    if (types & TBool)
        w << QStringLiteral("true or false");
    if (types & TArr)
        w << QStringLiteral("a list");
    if (types & TObj)
        w << QStringLiteral("a mapping (key: value)");
    if (types & TNull)
        w << QStringLiteral("empty");
    if (w.size() <= 1)
        return w.value(0);
    const QString last = w.takeLast();
    return w.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

QString describe(const Node &n, unsigned t)
{
    switch (t) {
    case TObj:
        return n.size() == 0 ? QStringLiteral("an empty mapping `{}`") : QStringLiteral("a mapping");
    case TArr:
        return n.size() == 0 ? QStringLiteral("an empty list `[]`") : QStringLiteral("a list");
    case TNull:
        return QStringLiteral("nothing");
    default: {
        QString s = QString::fromStdString(n.Scalar());
        if (s.size() > 60)
            s = s.left(57) + QStringLiteral("...");
        return QLatin1Char('`') + s + QLatin1Char('`');
    }
    }
}

/// One step of the path from the document's root.
struct Step {
    const std::string *key = nullptr;
    int index = -1;
};

constexpr char kEvaluated = 1;
constexpr char kNamed = 2;

using Holders = QVarLengthArray<const SNode *, 8>;

struct Eval {
    /// Per instance entry: kEvaluated when a passing applicator evaluated it (what unevaluatedProperties
    /// needs), kNamed too when `properties` or `patternProperties` did (what the near-miss hint needs).
    QVarLengthArray<char, 64> done;
    Holders holders; ///< schemas whose `properties` apply here (for suggestions)

    // On the stack for all but very large mappings: an `if` is tried for each value it may apply to.
    void reset(size_t n)
    {
        done.resize(qsizetype(n));
        std::fill(done.begin(), done.end(), char(0));
    }
    /// Takes in what a passing subschema evaluated.
    void merge(const Eval &other)
    {
        for (qsizetype k = 0; k < other.done.size() && k < done.size(); ++k)
            done[k] |= other.done[k];
        for (const SNode *h : other.holders)
            holders.append(h);
    }
};

class Validator {
public:
    Validator(std::vector<SchemaProblem> &out) : m_out(out) {}

    /// Validates `inst` at the current path. With `report` false nothing is recorded and the first failure
    /// returns. `eval` (when given) collects what unevaluatedProperties needs.
    bool check(const SNode *s, const Node &inst, bool report, Eval *eval, int depth = 0);

    /// Validates the value at a new position (a property or an item): the start of its own evaluation.
    bool checkChild(const SNode *s, const Node &inst, bool report);

    std::vector<Step> path;

    bool exhausted() const { return *m_budget < 0; }

private:
    void problem(const Node &at, const char *keyword, const QString &message,
                 SchemaProblem::Level level = SchemaProblem::Level::Error)
    {
        if (m_out.size() >= 1000 || *m_budget < 0)
            return; // enough to act on; a pathological document must not flood the report
        SchemaProblem p;
        p.level = level;
        p.pointer = pointer();
        p.keyword = QString::fromLatin1(keyword);
        p.message = message;
        const ytree::Mark m = at.Mark();
        p.line = m.line >= 0 ? m.line + 1 : 0;
        p.column = m.column >= 0 ? m.column + 1 : 0;
        m_out.push_back(std::move(p));
    }

    QString pointer(size_t upTo = size_t(-1)) const
    {
        QString p;
        for (size_t i = 0; i < path.size() && i < upTo; ++i) {
            p += QLatin1Char('/');
            if (path[i].key)
                p += escapePointer(QString::fromStdString(*path[i].key));
            else
                p += QString::number(path[i].index);
        }
        return p;
    }

    /// The name a reader knows the value by: `logicalType`, or `properties` item 3.
    QString field() const
    {
        if (path.empty())
            return QStringLiteral("the document");
        const Step &last = path.back();
        if (last.key)
            return QLatin1Char('`') + QString::fromStdString(*last.key) + QLatin1Char('`');
        for (size_t i = path.size(); i-- > 0;) {
            if (path[i].key)
                return QStringLiteral("item %1 of `%2`").arg(last.index + 1).arg(QString::fromStdString(*path[i].key));
        }
        return QStringLiteral("item %1").arg(last.index + 1);
    }

    static QString suggestion(const std::string &key, const Holders &holders)
    {
        std::string best;
        int bestDistance = 3;
        for (const SNode *h : holders) {
            for (const std::string &name : h->propertyOrder) {
                const int cap = std::min<int>(2, int(std::max(key.size(), name.size())) / 3);
                const int d = editDistance(key, name, cap);
                if (d <= cap && d < bestDistance) {
                    bestDistance = d;
                    best = name;
                }
            }
        }
        if (best.empty())
            return {};
        return QStringLiteral("; did you mean `%1`?").arg(QString::fromStdString(best));
    }

    void reportUnknown(const Node &key, const Holders &holders, const char *keyword)
    {
        const std::string &name = key.Scalar();
        pushStep({&name, -1});
        const QString parent = path.size() >= 2 ? [&] {
            popStep();
            const QString f = field();
            pushStep({&name, -1});
            return f;
        }()
                                                : QStringLiteral("the document");
        problem(key, keyword,
                QStringLiteral("`%1` is not a field of %2%3")
                    .arg(QString::fromStdString(name), parent, suggestion(name, holders)));
        popStep();
    }

    bool checkObject(const SNode *s, const Node &inst, bool report, Eval &eval, int depth);
    bool checkArray(const SNode *s, const Node &inst, bool report);
    bool checkScalar(const SNode *s, const Node &inst, unsigned t, bool report);
    bool checkBranches(const SNode *s, const Node &inst, bool report, Eval *eval, int depth);

    /// A sub-validator for a trial run (anyOf/oneOf branch, if, not, contains) at the same place. Only a
    /// run that records its problems (`withPath`) needs the path: copying it is most of a trial's cost.
    Validator trial(std::vector<SchemaProblem> &out, bool withPath) const
    {
        Validator v(out);
        v.m_lenient = false;
        v.m_track = withPath;
        v.m_budget = m_budget;
        if (withPath) {
            v.path.reserve(path.size());
            for (const Step &step : path)
                v.path.push_back(step);
        }
        return v;
    }

    /// Quiet trial runs record nothing, so they keep no path (allocating it was most of their cost).
    void pushStep(const Step &step)
    {
        if (m_track)
            path.push_back(step);
    }
    void popStep()
    {
        if (m_track)
            path.pop_back();
    }

    std::vector<SchemaProblem> &m_out;
    bool m_lenient = true;
    bool m_track = true;
    /// Schema applications, shared with every trial run of one validation: YAML aliases let a few lines
    /// name billions of values, and this is where an alias bomb stops instead of running for hours.
    qint64 m_ownBudget = 3'000'000;
    qint64 *m_budget = &m_ownBudget;
};

bool Validator::checkChild(const SNode *s, const Node &inst, bool report)
{
    Eval eval;
    if (inst.IsMap())
        eval.reset(inst.size());
    const bool ok = check(s, inst, report, inst.IsMap() ? &eval : nullptr);
    // Unknown keys where the schema allows extra ones: a near miss of a known name is likely a typo.
    if (report && inst.IsMap() && !eval.holders.empty()) {
        size_t i = 0;
        for (const auto &entry : inst) {
            if (!(eval.done[i++] & kNamed) && entry.first.IsScalar()) {
                const QString hint = suggestion(entry.first.Scalar(), eval.holders);
                if (!hint.isEmpty()) {
                    const std::string &name = entry.first.Scalar();
                    pushStep({&name, -1});
                    problem(entry.first, "unknown",
                            QStringLiteral("`%1` is not a known field here%2")
                                .arg(QString::fromStdString(name), hint),
                            SchemaProblem::Level::Warning);
                    popStep();
                }
            }
        }
    }
    return ok;
}

bool Validator::check(const SNode *s, const Node &inst, bool report, Eval *eval, int depth)
{
    if (!s)
        return true;
    if (--*m_budget < 0 || depth > 64)
        return true; // validate() says so once

    if (s->alwaysFalse) {
        if (report)
            problem(inst, "false", QStringLiteral("%1 is not allowed here").arg(field()));
        return false;
    }
    const unsigned t = instanceType(inst);
    const size_t firstProblem = m_out.size();
    Eval local;
    if (t == TObj && !eval) {
        local.reset(inst.size());
        eval = &local;
    }
    bool ok = true;
    if (s->ref) {
        ok = check(s->ref, inst, report, eval, depth + 1) && ok;
        if (!ok && !report)
            return false;
    }
    if (s->types && !(s->types & t) && !(t == TInt && (s->types & TNum))) {
        // A whole-valued number (1.0) is an integer in JSON Schema.
        const bool integral = t == TNum && (s->types & TInt) && std::floor(numberOf(inst)) == numberOf(inst);
        if (t == TObj && inst.size() == 0 && (s->types & TArr)) {
            // `quality: {}` says "none" as plainly as `[]` does; tools written against YAML 1.1 emit it.
            if (report)
                problem(inst, "type", QStringLiteral("%1 is an empty mapping `{}` where a list is expected; read as "
                                                     "an empty list (write `[]`)").arg(field()),
                        SchemaProblem::Level::Warning);
            return true;
        }
        if (!integral) {
            if (report)
                problem(inst, "type", QStringLiteral("%1 must be %2; got %3").arg(field(), typeWords(s->types), describe(inst, t)));
            return false; // the other keywords would only repeat this
        }
    }
    if (s->hasEnum) {
        const bool found = s->enumAllStrings
            ? (t == TStr && std::find(s->enumStrings.begin(), s->enumStrings.end(), inst.Scalar()) != s->enumStrings.end())
            : std::any_of(s->enumValues.begin(), s->enumValues.end(),
                          [v = asJson(inst, t, *m_budget)](const QJsonValue &e) { return equalJson(e, v); });
        if (!found) {
            if (!report)
                return false;
            const QJsonValue v = asJson(inst, t, *m_budget);
            QStringList names;
            std::string near;
            int nearDistance = 3;
            for (const QJsonValue &e : s->enumValues) {
                if (names.size() < 15)
                    names << shown(e);
                if (e.isString() && v.isString()) {
                    const int d = editDistance(e.toString().toLower().toStdString(), v.toString().toLower().toStdString(), 2);
                    if (d < nearDistance) {
                        nearDistance = d;
                        near = e.toString().toStdString();
                    }
                }
            }
            QString list = names.join(QStringLiteral(", "));
            if (int(s->enumValues.size()) > names.size())
                list += QStringLiteral(", …");
            QString message = QStringLiteral("%1 must be one of %2; got %3").arg(field(), list, describe(inst, t));
            if (!near.empty())
                message += QStringLiteral(" (did you mean `%1`?)").arg(QString::fromStdString(near));
            problem(inst, "enum", message);
            ok = false;
        }
    }
    const bool constOk = !s->hasConst
        || (s->constString ? (t == TStr && inst.Scalar() == *s->constString) : equalJson(s->constValue, asJson(inst, t, *m_budget)));
    if (!constOk) {
        if (!report)
            return false;
        problem(inst, "const", QStringLiteral("%1 must be `%2`; got %3").arg(field(), shown(s->constValue), describe(inst, t)));
        ok = false;
    }
    if (t == TObj) {
        if (size_t(eval->done.size()) != inst.size())
            eval->reset(inst.size());
        ok = checkObject(s, inst, report, *eval, depth) && ok;
    } else if (t == TArr) {
        ok = checkArray(s, inst, report) && ok;
    } else {
        ok = checkScalar(s, inst, t, report) && ok;
    }
    if (!ok && !report)
        return false;
    ok = checkBranches(s, inst, report, eval, depth) && ok;
    if (t == TObj && s->unevaluated && eval) {
        // When this value already failed here (a missing `type`, no matching form), keys of the branch it
        // was meant to take count as unevaluated; naming each would bury the real problem. Then only near
        // misses of a known name are reported, as the typos they likely are.
        bool failedHere = false;
        if (report && !ok) {
            const QString here = pointer();
            failedHere = std::any_of(m_out.begin() + qsizetype(firstProblem), m_out.end(),
                                     [&](const SchemaProblem &p) { return p.pointer == here; });
        }
        size_t i = 0;
        for (const auto &entry : inst) {
            const size_t at = i++;
            if (eval->done[at])
                continue;
            if (s->unevaluated->alwaysFalse) {
                if (!report)
                    return false;
                if (failedHere && suggestion(entry.first.Scalar(), eval->holders).isEmpty())
                    continue;
                if (report && !ok) {
                    // A key whose value was already found wrong (in the branch it was meant for) is explained.
                    const QString below = pointer() + QLatin1Char('/') + escapePointer(QString::fromStdString(entry.first.Scalar()));
                    const bool explained = std::any_of(m_out.begin() + qsizetype(firstProblem), m_out.end(), [&](const SchemaProblem &p) {
                        return p.pointer == below || p.pointer.startsWith(below + QLatin1Char('/'));
                    });
                    if (explained)
                        continue;
                }
                reportUnknown(entry.first, eval->holders, "unevaluatedProperties");
                ok = false;
                eval->done[at] = kEvaluated | kNamed;
                continue;
            }
            const std::string &name = entry.first.Scalar();
            pushStep({&name, -1});
            const bool itemOk = checkChild(s->unevaluated, entry.second, report);
            popStep();
            if (!itemOk && !report)
                return false;
            ok = itemOk && ok;
            eval->done[at] |= kEvaluated;
        }
    }
    return ok;
}

bool Validator::checkObject(const SNode *s, const Node &inst, bool report, Eval &eval, int)
{
    bool ok = true;
    if (!s->propertyOrder.empty())
        eval.holders.append(s);
    // `key: {}` says "nothing here" (tools writing YAML emit it for an empty block): the fields it would
    // need when filled in are a warning, not an error, outside the trial runs of anyOf/oneOf/if.
    const bool emptyMapping = m_lenient && inst.size() == 0 && !path.empty();
    for (const std::string &r : s->required) {
        if (!inst.child(r.c_str()).IsDefined()) {
            if (emptyMapping) {
                if (report)
                    problem(inst, "required",
                            QStringLiteral("%1 is an empty mapping `{}`; when given it needs `%2` (read as not given)")
                                .arg(field(), QString::fromStdString(r)),
                            SchemaProblem::Level::Warning);
                continue;
            }
            if (!report)
                return false;
            problem(inst, "required", QStringLiteral("%1 is missing the required field `%2`").arg(field(), QString::fromStdString(r)));
            ok = false;
        }
    }
    for (const auto &[key, names] : s->dependentRequired) {
        if (!inst.child(key.c_str()).IsDefined())
            continue;
        for (const std::string &r : names) {
            if (!inst.child(r.c_str()).IsDefined()) {
                if (!report)
                    return false;
                problem(inst, "dependentRequired",
                        QStringLiteral("%1 has `%2`, so it must also have `%3`")
                            .arg(field(), QString::fromStdString(key), QString::fromStdString(r)));
                ok = false;
            }
        }
    }
    if (s->minProps >= 0 && qint64(inst.size()) < s->minProps) {
        if (!report)
            return false;
        problem(inst, "minProperties", QStringLiteral("%1 must have at least %2 field(s)").arg(field()).arg(s->minProps));
        ok = false;
    }
    if (s->maxProps >= 0 && qint64(inst.size()) > s->maxProps) {
        if (!report)
            return false;
        problem(inst, "maxProperties", QStringLiteral("%1 may have at most %2 field(s)").arg(field()).arg(s->maxProps));
        ok = false;
    }
    if (s->patternProperties.empty() && !s->additional && !s->propertyNames && s->properties.size() <= 4) {
        // A few named properties and nothing for the rest (an `if` testing one key, most often): look
        // those up instead of hashing every key of the value.
        for (const std::string &name : s->propertyOrder) {
            size_t at = 0;
            for (const auto &entry : inst) {
                if (entry.first.IsScalar() && entry.first.Scalar() == name) {
                    pushStep({&entry.first.data()->scalar, -1});
                    const bool itemOk = checkChild(s->properties.at(name), entry.second, report);
                    popStep();
                    eval.done[qsizetype(at)] |= kEvaluated | kNamed;
                    if (!itemOk && !report)
                        return false;
                    ok = itemOk && ok;
                }
                ++at;
            }
        }
        return ok;
    }
    size_t i = 0;
    for (const auto &entry : inst) {
        const size_t at = i++;
        if (!entry.first.IsScalar())
            continue;
        const std::string &name = entry.first.Scalar();
        bool matched = false;
        bool named = false;
        pushStep({&name, -1});
        if (s->propertyNames) {
            std::vector<SchemaProblem> scratch;
            Validator v = trial(scratch, false);
            if (!v.check(s->propertyNames, entry.first, false, nullptr)) {
                if (!report) {
                    popStep();
                    return false;
                }
                problem(entry.first, "propertyNames", QStringLiteral("`%1` is not an allowed name here").arg(QString::fromStdString(name)));
                ok = false;
            }
        }
        const auto p = s->properties.find(name);
        if (p != s->properties.end()) {
            matched = named = true;
            const bool itemOk = checkChild(p->second, entry.second, report);
            ok = itemOk && ok;
        }
        if (!s->patternProperties.empty()) {
            const QString qname = QString::fromStdString(name);
            for (const auto &[re, schema] : s->patternProperties) {
                if (re.match(qname).hasMatch()) {
                    matched = named = true;
                    ok = checkChild(schema, entry.second, report) && ok;
                }
            }
        }
        if (!matched && s->additional) {
            matched = true;
            if (s->additional->alwaysFalse) {
                popStep();
                if (!report)
                    return false;
                Holders own;
                own.append(s);
                reportUnknown(entry.first, own, "additionalProperties");
                ok = false;
                eval.done[at] = kEvaluated | kNamed;
                continue;
            }
            ok = checkChild(s->additional, entry.second, report) && ok;
        }
        popStep();
        if (!ok && !report)
            return false;
        if (named)
            eval.done[at] |= kEvaluated | kNamed;
        else if (matched)
            eval.done[at] |= kEvaluated;
    }
    return ok;
}

bool Validator::checkArray(const SNode *s, const Node &inst, bool report)
{
    bool ok = true;
    const qint64 n = qint64(inst.size());
    if (s->minItems >= 0 && n < s->minItems) {
        if (!report)
            return false;
        problem(inst, "minItems",
                n == 0 ? QStringLiteral("%1 must not be empty").arg(field())
                       : QStringLiteral("%1 must have at least %2 items; it has %3").arg(field()).arg(s->minItems).arg(n));
        ok = false;
    }
    if (s->maxItems >= 0 && n > s->maxItems) {
        if (!report)
            return false;
        problem(inst, "maxItems", QStringLiteral("%1 may have at most %2 items; it has %3").arg(field()).arg(s->maxItems).arg(n));
        ok = false;
    }
    int index = 0;
    std::vector<QJsonValue> seen;
    for (const Node &item : inst) {
        pushStep({nullptr, index});
        const SNode *schema = index < int(s->tupleItems.size()) ? s->tupleItems[size_t(index)]
                                                                : (s->tupleItems.empty() ? s->items : nullptr);
        if (schema)
            ok = checkChild(schema, item, report) && ok;
        if (s->uniqueItems) {
            const QJsonValue v = asJson(item, instanceType(item), *m_budget);
            const auto dup = std::find_if(seen.begin(), seen.end(), [&](const QJsonValue &o) { return equalJson(o, v); });
            if (dup != seen.end()) {
                if (report) {
                    popStep();
                    problem(item, "uniqueItems",
                            QStringLiteral("%1 lists the same value twice (items %2 and %3)")
                                .arg(field())
                                .arg(int(dup - seen.begin()) + 1)
                                .arg(index + 1));
                    pushStep({nullptr, index});
                }
                ok = false;
            }
            seen.push_back(v);
        }
        popStep();
        if (!ok && !report)
            return false;
        ++index;
    }
    if (s->contains) {
        bool any = false;
        for (const Node &item : inst) {
            std::vector<SchemaProblem> scratch;
            Validator v = trial(scratch, false);
            if (v.check(s->contains, item, false, nullptr)) {
                any = true;
                break;
            }
        }
        if (!any) {
            if (report)
                problem(inst, "contains", QStringLiteral("%1 must contain at least one matching item").arg(field()));
            ok = false;
        }
    }
    return ok;
}

bool Validator::checkScalar(const SNode *s, const Node &inst, unsigned t, bool report)
{
    bool ok = true;
    if (t == TStr) {
        const bool needsText = s->minLength >= 0 || s->maxLength >= 0 || s->pattern;
        if (!needsText)
            return true;
        const QString text = QString::fromStdString(inst.Scalar());
        const qint64 length = text.toUcs4().size();
        if (s->minLength >= 0 && length < s->minLength) {
            if (!report)
                return false;
            problem(inst, "minLength",
                    length == 0 ? QStringLiteral("%1 must not be empty").arg(field())
                                : QStringLiteral("%1 must be at least %2 characters long").arg(field()).arg(s->minLength));
            ok = false;
        }
        if (s->maxLength >= 0 && length > s->maxLength) {
            if (!report)
                return false;
            problem(inst, "maxLength", QStringLiteral("%1 may be at most %2 characters long").arg(field()).arg(s->maxLength));
            ok = false;
        }
        if (s->pattern && !s->pattern->match(text).hasMatch()) {
            if (!report)
                return false;
            problem(inst, "pattern", QStringLiteral("%1 must match the pattern `%2`; got %3").arg(field(), s->patternText, describe(inst, t)));
            ok = false;
        }
    } else if (t == TInt || t == TNum) {
        const double v = numberOf(inst);
        const auto fail = [&](const char *keyword, const QString &what, double bound) {
            if (report)
                problem(inst, keyword, QStringLiteral("%1 must be %2 %3; got %4").arg(field(), what).arg(bound).arg(describe(inst, t)));
            ok = false;
        };
        if (s->minimum && v < *s->minimum)
            fail("minimum", QStringLiteral("at least"), *s->minimum);
        if (s->maximum && v > *s->maximum)
            fail("maximum", QStringLiteral("at most"), *s->maximum);
        if (s->exclusiveMinimum && v <= *s->exclusiveMinimum)
            fail("exclusiveMinimum", QStringLiteral("more than"), *s->exclusiveMinimum);
        if (s->exclusiveMaximum && v >= *s->exclusiveMaximum)
            fail("exclusiveMaximum", QStringLiteral("less than"), *s->exclusiveMaximum);
    }
    return ok;
}

bool Validator::checkBranches(const SNode *s, const Node &inst, bool report, Eval *eval, int depth)
{
    bool ok = true;
    for (const SNode *a : s->allOf) {
        ok = check(a, inst, report, eval, depth + 1) && ok;
        if (!ok && !report)
            return false;
    }
    // anyOf / oneOf: each branch on its own; only passing branches count as evaluated.
    const auto tryBranches = [&](const std::vector<const SNode *> &branches, const char *keyword) {
        if (branches.empty())
            return true;
        int passed = 0;
        QStringList passingKeys; ///< the key each passing branch requires, when it requires one
        QStringList missingKeys; ///< what each branch lacked, when lacking a key was all that failed it
        std::vector<std::vector<SchemaProblem>> failures(branches.size());
        std::vector<bool> shapeFits(branches.size(), false);
        // First a quiet run of each branch: a valid document never pays for the messages of the branches it
        // does not take. Only when no branch passes are the failing ones run again to say why.
        for (size_t b = 0; b < branches.size(); ++b) {
            Eval local;
            local.reset(inst.IsMap() ? inst.size() : 0);
            std::vector<SchemaProblem> none;
            Validator v = trial(none, false);
            const bool pass = v.check(branches[b], inst, false, &local, depth + 1);
            if (!pass)
                continue;
            ++passed;
            if (!branches[b]->required.empty())
                passingKeys << QString::fromStdString(branches[b]->required.front());
            if (eval) {
                eval->merge(local);
            }
        }
        for (size_t b = 0; report && passed == 0 && b < branches.size(); ++b) {
            Eval local;
            local.reset(inst.IsMap() ? inst.size() : 0);
            Validator v = trial(failures[b], true);
            v.check(branches[b], inst, true, &local, depth + 1);
            // A branch fits the value's shape unless it fails on the value's own type or fixed value, or
            // only for lacking the keys that would select it (`required` here, nothing else).
            const QString here = pointer();
            const auto atHere = [&](const SchemaProblem &p, std::initializer_list<const char16_t *> keywords) {
                return p.pointer == here
                    && std::any_of(keywords.begin(), keywords.end(), [&](const char16_t *k) { return p.keyword == QStringView(k); });
            };
            const bool wrongShape = std::any_of(failures[b].begin(), failures[b].end(), [&](const SchemaProblem &p) {
                return atHere(p, {u"type", u"const", u"false", u"enum"});
            });
            const bool onlyMissing = std::all_of(failures[b].begin(), failures[b].end(), [&](const SchemaProblem &p) {
                return atHere(p, {u"required"});
            });
            shapeFits[b] = !wrongShape && !onlyMissing;
            if (onlyMissing && !failures[b].empty())
                missingKeys << failures[b].front().message.section(QLatin1Char('`'), -2, -2);
        }
        const bool isOneOf = std::string_view(keyword) == "oneOf";
        if (passed == 0) {
            if (report) {
                const long fitting = std::count(shapeFits.begin(), shapeFits.end(), true);
                if (fitting == 1) {
                    const size_t b = size_t(std::find(shapeFits.begin(), shapeFits.end(), true) - shapeFits.begin());
                    for (SchemaProblem &p : failures[b])
                        m_out.push_back(std::move(p));
                } else if (fitting == 0 && missingKeys.size() == long(branches.size())) {
                    missingKeys.removeDuplicates();
                    problem(inst, keyword, QStringLiteral("%1 needs one of `%2`").arg(field(), missingKeys.join(QStringLiteral("`, `"))));
                } else {
                    problem(inst, keyword, QStringLiteral("%1 does not have any of the allowed forms").arg(field()));
                }
            }
            return false;
        }
        if (isOneOf && passed > 1) {
            if (report) {
                const QString here = pointer();
                const bool explained = std::any_of(m_out.begin(), m_out.end(), [&](const SchemaProblem &p) {
                    return p.pointer == here && p.level == SchemaProblem::Level::Error;
                });
                passingKeys.removeDuplicates();
                if (passingKeys.size() == passed)
                    problem(inst, keyword, QStringLiteral("%1 may have only one of `%2`").arg(field(), passingKeys.join(QStringLiteral("`, `"))));
                else if (!explained) // e.g. both forms fit because what tells them apart is missing, said above
                    problem(inst, keyword, QStringLiteral("%1 fits more than one of the allowed forms; it must fit exactly one").arg(field()));
            }
            return false;
        }
        return true;
    };
    ok = tryBranches(s->anyOf, "anyOf") && ok;
    if (!ok && !report)
        return false;
    ok = tryBranches(s->oneOf, "oneOf") && ok;
    if (!ok && !report)
        return false;
    if (s->notSchema) {
        std::vector<SchemaProblem> scratch;
        Validator v = trial(scratch, false);
        if (v.check(s->notSchema, inst, false, nullptr)) {
            if (report) {
                const QString why = !s->notSchema->description.isEmpty() ? s->notSchema->description : s->description;
                problem(inst, "not", why.isEmpty() ? QStringLiteral("%1 has a form that is not allowed here").arg(field())
                                                   : QStringLiteral("%1: %2").arg(field(), why));
            }
            ok = false;
        }
    }
    if (s->ifSchema && s->ifSchema->isKeyTest && (s->thenSchema || s->elseSchema)) {
        // As the general case below would decide, without a trial run: an absent key passes unless required.
        const SNode *test = s->ifSchema;
        bool cond = false;
        qsizetype at = -1;
        if (inst.IsMap()) {
            qsizetype index = 0;
            for (const auto &entry : inst) {
                if (entry.first.IsScalar() && entry.first.Scalar() == test->testKey) {
                    at = index;
                    break;
                }
                ++index;
            }
            if (at < 0) {
                cond = !test->keyTestRequired;
            } else {
                const Node value = Node(inst.data()->children[size_t(2 * at + 1)]);
                cond = instanceType(value) == TStr && value.Scalar() == test->testValue;
            }
        } else {
            cond = true; // `properties` and `required` say nothing about a value that is not a mapping
        }
        if (cond && eval && at >= 0 && at < eval->done.size())
            eval->done[at] |= kEvaluated | kNamed;
        const SNode *next = cond ? s->thenSchema : s->elseSchema;
        if (next)
            ok = check(next, inst, report, eval, depth + 1) && ok;
    } else if (s->ifSchema && (s->thenSchema || s->elseSchema)) {
        Eval local;
        local.reset(inst.IsMap() ? inst.size() : 0);
        std::vector<SchemaProblem> scratch;
        Validator v = trial(scratch, false);
        const bool cond = v.check(s->ifSchema, inst, false, &local, depth + 1);
        if (cond && eval) {
            eval->merge(local);
        }
        const SNode *next = cond ? s->thenSchema : s->elseSchema;
        if (next)
            ok = check(next, inst, report, eval, depth + 1) && ok;
    }
    return ok;
}

} // namespace

int editDistance(const std::string &a, const std::string &b, int cap)
{
    const int n = int(a.size()), m = int(b.size());
    if (std::abs(n - m) > cap)
        return cap + 1;
    std::vector<int> prev(size_t(m) + 1), cur(size_t(m) + 1);
    for (int j = 0; j <= m; ++j)
        prev[size_t(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[size_t(i - 1)] == b[size_t(j - 1)] ? 0 : 1;
            cur[size_t(j)] = std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
            rowMin = std::min(rowMin, cur[size_t(j)]);
        }
        if (rowMin > cap)
            return cap + 1;
        std::swap(prev, cur);
    }
    return std::min(prev[size_t(m)], cap + 1);
}

JsonSchema::JsonSchema() : d(std::make_unique<Impl>()) {}
JsonSchema::~JsonSchema() = default;

std::unique_ptr<JsonSchema> JsonSchema::compile(const QByteArray &json, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("schema is not a JSON object: %1").arg(parseError.errorString());
        return nullptr;
    }
    std::unique_ptr<JsonSchema> schema(new JsonSchema);
    Impl &d = *schema->d;
    d.root = doc.object();
    const QString dialect = doc.object().value(QLatin1String("$schema")).toString();
    d.draft7 = dialect.contains(QLatin1String("draft-0"));
    d.compile(d.root, QString());
    // Resolve references; compiling a target may add more of them.
    for (size_t i = 0; i < d.unresolved.size(); ++i) {
        SNode *n = d.unresolved[i];
        if (!n->refText.startsWith(QLatin1Char('#'))) {
            d.error = QStringLiteral("only local $ref are supported: %1").arg(n->refText);
            break;
        }
        n->ref = d.compileAt(QUrl::fromPercentEncoding(n->refText.mid(1).toUtf8()));
        if (!n->ref)
            break;
    }
    if (!d.error.isEmpty()) {
        if (error)
            *error = d.error;
        return nullptr;
    }
    return schema;
}

void JsonSchema::validate(const ytree::Node &document, std::vector<SchemaProblem> &out) const
{
    Validator v(out);
    const auto start = d->byPointer.find(QString());
    v.checkChild(start->second, document, true);
    if (v.exhausted()) {
        SchemaProblem p;
        p.level = SchemaProblem::Level::Warning;
        p.keyword = QStringLiteral("budget");
        p.message = QStringLiteral("the document is too large or expands too far through aliases to validate whole; "
                                   "the rest was not checked");
        p.line = document.Mark().line + 1;
        p.column = document.Mark().column + 1;
        out.push_back(std::move(p));
    }
}

std::vector<std::string> JsonSchema::topLevelProperties() const
{
    return d->byPointer.at(QString())->propertyOrder;
}

} // namespace meshscope::validation
