#include "yamllocator.h"

#include "linediff.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

namespace meshscope::diff {

namespace {

/// Keys that name a list item, in the order they are tried (see contractdiff.h's natural keys).
const char16_t *const kNaturalKeys[] = {u"name", u"property", u"server", u"role", u"username", u"id", u"channel",
                                        u"key"};

/// ODCS names in change paths and the DCS names for the same thing.
QString dcsAlias(const QString &segment)
{
    if (segment == u"schema")
        return QStringLiteral("models");
    if (segment == u"properties")
        return QStringLiteral("fields");
    if (segment == u"slaProperties")
        return QStringLiteral("servicelevels");
    if (segment == u"customProperties")
        return QStringLiteral("x-custom");
    return {};
}

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == u' ')
        ++i;
    return i;
}

bool blankOrComment(const QString &line)
{
    const QString t = line.trimmed();
    return t.isEmpty() || t.startsWith(u'#');
}

/// The document as a light tree with places, built from parser events: cheaper than yaml-cpp's
/// node graph, and all the locator needs.
struct Node {
    enum class Type : std::uint8_t { Scalar, Map, Sequence };
    Type type = Type::Scalar;
    bool flow = false;
    int line = 0;
    int column = 0;
    QString scalar;
    std::vector<int> children;   ///< map values or sequence items, in document order
    std::vector<QString> keys;   ///< map keys, parallel to children
    std::vector<int> keyLines;   ///< where each key is written
    std::vector<int> keyColumns;
};

class TreeBuilder : public YAML::EventHandler {
public:
    std::vector<Node> nodes;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t) override { add(mark, Node::Type::Scalar, false, {}); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override { add(mark, Node::Type::Scalar, false, {}); }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t, const std::string &value) override
    {
        add(mark, Node::Type::Scalar, false, QString::fromStdString(value));
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value style) override
    {
        m_stack.push_back({add(mark, Node::Type::Sequence, style == YAML::EmitterStyle::Flow, {}), true, {}, 0, 0});
    }
    void OnSequenceEnd() override { pop(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value style) override
    {
        m_stack.push_back({add(mark, Node::Type::Map, style == YAML::EmitterStyle::Flow, {}), true, {}, 0, 0});
    }
    void OnMapEnd() override { pop(); }

private:
    struct Frame {
        int node;
        bool expectKey; ///< maps: the next event is a key
        QString key;
        int keyLine;
        int keyColumn;
    };

    void pop()
    {
        if (!m_stack.empty())
            m_stack.pop_back();
    }

    int add(const YAML::Mark &mark, Node::Type type, bool flow, QString scalar)
    {
        const int index = int(nodes.size());
        Node n;
        n.type = type;
        n.flow = flow;
        n.line = mark.is_null() ? 0 : mark.line;
        n.column = mark.is_null() ? 0 : mark.column;
        n.scalar = std::move(scalar);
        nodes.push_back(std::move(n));
        if (m_stack.empty())
            return index;
        Frame &parent = m_stack.back();
        Node &p = nodes[size_t(parent.node)];
        if (p.type == Node::Type::Sequence) {
            p.children.push_back(index);
        } else if (parent.expectKey) {
            // A key: remember it; a complex key (a map or list) counts as an empty name.
            parent.key = type == Node::Type::Scalar ? nodes[size_t(index)].scalar : QString();
            parent.keyLine = nodes[size_t(index)].line;
            parent.keyColumn = nodes[size_t(index)].column;
            parent.expectKey = false;
            nodes.pop_back(); // keys are not nodes of their own
            if (type != Node::Type::Scalar) {
                // A complex key's own events follow; collect them under a throwaway node.
                nodes.push_back(Node{});
                return int(nodes.size()) - 1;
            }
            return -1;
        } else {
            p.children.push_back(index);
            p.keys.push_back(parent.key);
            p.keyLines.push_back(parent.keyLine);
            p.keyColumns.push_back(parent.keyColumn);
            parent.expectKey = true;
        }
        return index;
    }

    std::vector<Frame> m_stack;
};

} // namespace

struct YamlLocator::Impl {
    QStringList lines;
    std::vector<Node> nodes;
    bool valid = false;

    const Node &node(int i) const { return nodes[size_t(i)]; }

    int deepestLine(int index, int depth = 0) const
    {
        const Node &n = node(index);
        int line = n.line;
        if (depth > 256)
            return line;
        for (int child : n.children)
            line = std::max(line, deepestLine(child, depth + 1));
        return line;
    }

    /// The item of a sequence whose natural key (or from->to for relationships) is `segment`.
    int findItem(const Node &sequence, const QString &segment) const
    {
        for (int item : sequence.children) {
            const Node &n = node(item);
            if (n.type != Node::Type::Map)
                continue;
            QString from, to;
            for (size_t k = 0; k < n.keys.size(); ++k) {
                const Node &value = node(n.children[k]);
                if (value.type != Node::Type::Scalar)
                    continue;
                const QString &key = n.keys[k];
                if (key == u"from")
                    from = value.scalar;
                else if (key == u"to")
                    to = value.scalar;
                if (value.scalar != segment)
                    continue;
                for (const char16_t *natural : kNaturalKeys) {
                    if (key == QStringView(natural))
                        return item;
                }
            }
            if (!from.isEmpty() && from + QStringLiteral("->") + to == segment)
                return item;
        }
        return -1;
    }

    /// The last line of a block that starts at `first` with its key or item at `column`: following
    /// lines indented deeper (or, for a key, its compact "- " items at the same indentation), trailing
    /// blank and comment lines left out. `inSequence` is true for a "- " item, whose keys sit at
    /// `column` itself.
    int blockEnd(int first, int column, bool inSequence, int index) const
    {
        const Node &n = node(index);
        int last = first;
        for (int i = first + 1; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            if (blankOrComment(line))
                continue;
            const int indent = indentOf(line);
            const bool deeper = inSequence ? indent >= column : indent > column;
            const bool compactItem = !inSequence && indent == column && n.type == Node::Type::Sequence
                                     && QStringView(line).mid(indent).startsWith(u'-');
            if (!deeper && !compactItem)
                break;
            last = i;
        }
        // A flow collection may continue on lines indented less than its key.
        if (n.flow)
            last = std::max(last, std::min(int(lines.size()) - 1, deepestLine(index)));
        return last;
    }
};

YamlLocator::YamlLocator(const QString &text) : d(std::make_unique<Impl>())
{
    d->lines = splitLines(text);
    try {
        std::istringstream stream(text.toStdString());
        YAML::Parser parser(stream);
        TreeBuilder builder;
        parser.HandleNextDocument(builder); // the first document only: contracts are one per file
        d->nodes = std::move(builder.nodes);
        d->valid = !d->nodes.empty() && d->nodes.front().type == Node::Type::Map;
    } catch (const std::exception &) {
        d->nodes.clear();
        d->valid = false;
    }
}

YamlLocator::~YamlLocator() = default;
YamlLocator::YamlLocator(YamlLocator &&) noexcept = default;
YamlLocator &YamlLocator::operator=(YamlLocator &&) noexcept = default;

bool YamlLocator::isValid() const
{
    return d && d->valid;
}

QStringList YamlLocator::splitPath(const QString &path)
{
    QStringList segments;
    QString current;
    bool pending = false; // a segment was started (an empty bracketed name still counts)
    for (int i = 0; i < path.size(); ++i) {
        const QChar c = path.at(i);
        if (c == u'[') {
            if (pending || !current.isEmpty())
                segments << current;
            const int close = path.indexOf(u']', i + 1);
            const int end = close < 0 ? int(path.size()) : close;
            segments << path.mid(i + 1, end - i - 1);
            current.clear();
            pending = false;
            i = end;
            if (i + 1 < path.size() && path.at(i + 1) == u'.')
                ++i;
        } else if (c == u'.') {
            segments << current;
            current.clear();
            pending = false;
        } else {
            current += c;
            pending = true;
        }
    }
    if (pending || !current.isEmpty())
        segments << current;
    return segments;
}

LineRange YamlLocator::locate(const QString &path) const
{
    LineRange range;
    if (!isValid())
        return range;
    const QStringList segments = splitPath(path);
    int current = 0;
    range.first = 0;
    range.last = std::max(0, int(d->lines.size()) - 1);
    int matched = 0;
    int foundLine = -1, foundColumn = 0;
    bool foundInSequence = false;
    for (const QString &segment : segments) {
        const Node &n = d->node(current);
        int next = -1, line = -1, column = 0;
        bool inSequence = false;
        if (n.type == Node::Type::Map) {
            for (const QString &key : {segment, dcsAlias(segment)}) {
                if (key.isEmpty())
                    continue;
                for (size_t k = 0; k < n.keys.size() && next < 0; ++k) {
                    if (n.keys[k] == key) {
                        next = n.children[k];
                        line = n.keyLines[k];
                        column = n.keyColumns[k];
                    }
                }
                if (next >= 0)
                    break;
            }
        } else if (n.type == Node::Type::Sequence) {
            // ODCS v3.0 writes `team` as the list of members itself.
            if (segment == u"members") {
                ++matched;
                continue;
            }
            next = d->findItem(n, segment);
            if (next >= 0) {
                line = d->node(next).line;
                column = d->node(next).column;
                inSequence = true;
            }
        }
        if (next < 0)
            break;
        current = next;
        foundLine = line;
        foundColumn = column;
        foundInSequence = inSequence;
        ++matched;
    }
    if (foundLine >= 0) {
        range.first = foundLine;
        range.last = d->blockEnd(foundLine, foundColumn, foundInSequence, current);
    }
    range.exact = matched == segments.size();
    return range;
}

} // namespace meshscope::diff
