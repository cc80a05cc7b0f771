#include "yamllocator.h"

#include "linediff.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace meshscope::diff {

namespace {

/// Keys that name a list item, in the order they are tried (see contractdiff.h's natural keys).
const char *const kNaturalKeys[] = {"name", "property", "server", "role", "username", "id", "channel", "key"};

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

QString scalarText(const YAML::Node &node)
{
    if (!node.IsDefined() || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

/// The item of a sequence whose natural key (or from->to for relationships) is `segment`.
YAML::Node findItem(const YAML::Node &sequence, const QString &segment)
{
    for (const YAML::Node &item : sequence) {
        if (!item.IsMap())
            continue;
        for (const char *key : kNaturalKeys) {
            const YAML::Node value = item[key];
            if (value.IsDefined() && value.IsScalar() && scalarText(value) == segment)
                return item;
        }
        const YAML::Node from = item["from"];
        const YAML::Node to = item["to"];
        if (from.IsDefined() && to.IsDefined()
            && scalarText(from) + QStringLiteral("->") + scalarText(to) == segment)
            return item;
    }
    return YAML::Node(YAML::NodeType::Undefined);
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

int deepestLine(const YAML::Node &node, int depth = 0)
{
    int line = node.Mark().is_null() ? -1 : node.Mark().line;
    if (depth > 64)
        return line;
    if (node.IsMap()) {
        for (const auto &entry : node) {
            line = std::max(line, deepestLine(entry.first, depth + 1));
            line = std::max(line, deepestLine(entry.second, depth + 1));
        }
    } else if (node.IsSequence()) {
        for (const YAML::Node &item : node)
            line = std::max(line, deepestLine(item, depth + 1));
    }
    return line;
}

} // namespace

struct YamlLocator::Impl {
    QStringList lines;
    YAML::Node root;
    bool valid = false;

    /// The last line of a block that starts at `first` with its key or item at `column`: following
    /// lines indented deeper (or, for a key, its compact "- " items at the same indentation), trailing
    /// blank and comment lines left out. `inSequence` is true for a "- " item, whose keys sit at
    /// `column` itself.
    int blockEnd(int first, int column, bool inSequence, const YAML::Node &node) const
    {
        int last = first;
        for (int i = first + 1; i < lines.size(); ++i) {
            const QString &line = lines.at(i);
            if (blankOrComment(line))
                continue;
            const int indent = indentOf(line);
            const bool deeper = inSequence ? indent >= column : indent > column;
            const bool compactItem = !inSequence && indent == column && node.IsSequence()
                                     && QStringView(line).mid(indent).startsWith(u'-');
            if (!deeper && !compactItem)
                break;
            last = i;
        }
        // A flow collection may continue on lines indented less than its key.
        if ((node.IsMap() || node.IsSequence()) && node.Style() == YAML::EmitterStyle::Flow)
            last = std::max(last, std::min(int(lines.size()) - 1, deepestLine(node)));
        return last;
    }
};

YamlLocator::YamlLocator(const QString &text) : d(std::make_unique<Impl>())
{
    d->lines = splitLines(text);
    try {
        d->root = YAML::Load(text.toStdString());
        d->valid = d->root.IsMap();
    } catch (const std::exception &) {
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
    // yaml-cpp's Node::operator= writes into the node it refers to; reset() rebinds the handle.
    YAML::Node node;
    node.reset(d->root);
    range.first = 0;
    range.last = std::max(0, int(d->lines.size()) - 1);
    int matched = 0;
    int foundLine = -1, foundColumn = 0;
    bool foundInSequence = false;
    for (const QString &segment : segments) {
        YAML::Node next(YAML::NodeType::Undefined);
        int line = -1, column = 0;
        bool inSequence = false;
        if (node.IsMap()) {
            for (const QString &key : {segment, dcsAlias(segment)}) {
                if (key.isEmpty())
                    continue;
                for (const auto &entry : node) {
                    if (scalarText(entry.first) == key) {
                        next.reset(entry.second);
                        line = entry.first.Mark().line;
                        column = entry.first.Mark().column;
                        break;
                    }
                }
                if (next.IsDefined())
                    break;
            }
        } else if (node.IsSequence()) {
            // ODCS v3.0 writes `team` as the list of members itself.
            if (segment == u"members") {
                ++matched;
                continue;
            }
            next.reset(findItem(node, segment));
            if (next.IsDefined()) {
                line = next.Mark().line;
                column = next.Mark().column;
                inSequence = true;
            }
        }
        if (!next.IsDefined() || line < 0)
            break;
        node.reset(next);
        foundLine = line;
        foundColumn = column;
        foundInSequence = inSequence;
        ++matched;
    }
    if (foundLine >= 0) {
        range.first = foundLine;
        range.last = d->blockEnd(foundLine, foundColumn, foundInSequence, node);
    }
    range.exact = matched == segments.size();
    return range;
}

} // namespace meshscope::diff
