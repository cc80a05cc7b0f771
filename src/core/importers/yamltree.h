#pragma once

#include <QByteArray>
#include <QString>

#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

/// @brief A light, read-only YAML node tree for the importers, built by libyaml's event parser.
///
/// yaml-cpp 0.7 builds its node tree out of shared pointers and maps of them; loading the generated
/// mesh with it cost several times what reading the events does, and it needed a second event pass to
/// guard against inputs it never finishes. This tree mirrors the part of yaml-cpp's Node API the
/// importers use (IsMap, Scalar, Mark, Tag, iteration yielding a node or a key/value pair), with the same
/// meanings: plain `~`/`null`/empty scalars are Null nodes, plain scalars are tagged "?" and quoted ones
/// "!", marks are 0-based byte line/column, an alias is the very node its anchor names. Nodes are handles
/// (one pointer) into an Arena that must outlive them; the editor keeps yaml-cpp for what it needs.
namespace meshscope::ytree {

struct NodeType {
    enum value { Undefined, Null, Scalar, Sequence, Map };
};

/// Place of a node: 0-based byte offset, line and column, as yaml-cpp's YAML::Mark (-1 when unknown).
struct Mark {
    int pos = -1;
    int line = -1;
    int column = -1;
    bool is_null() const { return pos == -1 && line == -1 && column == -1; }
};

class Arena;
struct Entry;
class Iterator;

/// One node. A mapping's children are key, value, key, value...; an alias adds the anchored node again.
struct NodeData {
    NodeType::value type = NodeType::Null;
    Mark mark;
    std::string scalar;
    std::string tag;
    std::vector<const NodeData *> children;
};

class Node {
public:
    /// A Null node (as yaml-cpp's default-constructed YAML::Node).
    Node();
    /// An undefined node for NodeType::Undefined (what a missing key gives), else a Null node.
    explicit Node(NodeType::value type);

    bool IsDefined() const { return m_data != nullptr; }
    bool IsNull() const { return m_data && m_data->type == NodeType::Null; }
    bool IsScalar() const { return m_data && m_data->type == NodeType::Scalar; }
    bool IsSequence() const { return m_data && m_data->type == NodeType::Sequence; }
    bool IsMap() const { return m_data && m_data->type == NodeType::Map; }
    NodeType::value Type() const { return m_data ? m_data->type : NodeType::Undefined; }
    explicit operator bool() const { return IsDefined(); }

    /// The text of a scalar; empty for anything else.
    const std::string &Scalar() const;
    /// "?" for a plain untagged node, "!" for a quoted untagged scalar, else the resolved tag.
    const std::string &Tag() const;
    ytree::Mark Mark() const { return m_data ? m_data->mark : ytree::Mark(); }
    /// Items of a sequence, entries of a mapping, 0 otherwise.
    size_t size() const
    {
        if (!m_data)
            return 0;
        return m_data->type == NodeType::Map ? m_data->children.size() / 2 : m_data->children.size();
    }
    /// The first value under a scalar key `key` in a mapping, else an undefined node.
    Node child(const char *key) const;

    inline Iterator begin() const;
    inline Iterator end() const;

    /// Same node (aliases of one anchor are the same node).
    bool is(const Node &other) const { return m_data == other.m_data; }

    /// A node of an arena (the parser and Arena::mapOverlay make them).
    explicit Node(const NodeData *data) : m_data(data) {}
    const NodeData *data() const { return m_data; }

private:
    const NodeData *m_data;
};

/// What iterating a node yields: for a sequence the item itself, for a mapping `first` (key) and
/// `second` (value), as yaml-cpp's iterator value.
struct Entry : Node {
    Entry() : Node(NodeType::Undefined), first(NodeType::Undefined), second(NodeType::Undefined) {}
    Entry(const Node &item, const Node &key, const Node &value) : Node(item), first(key), second(value) {}
    Node first;
    Node second;
};

class Iterator {
public:
    Iterator(const NodeData *data, size_t index) : m_data(data), m_index(index) { load(); }
    const Entry &operator*() const { return m_entry; }
    const Entry *operator->() const { return &m_entry; }
    Iterator &operator++()
    {
        ++m_index;
        load();
        return *this;
    }
    bool operator==(const Iterator &o) const { return m_data == o.m_data && m_index == o.m_index; }
    bool operator!=(const Iterator &o) const { return !(*this == o); }

private:
    void load()
    {
        if (!m_data)
            return;
        const auto &c = m_data->children;
        if (m_data->type == NodeType::Map) {
            if (2 * m_index + 1 < c.size())
                m_entry = Entry(Node(NodeType::Undefined), Node(c[2 * m_index]), Node(c[2 * m_index + 1]));
        } else if (m_index < c.size()) {
            m_entry = Entry(Node(c[m_index]), Node(NodeType::Undefined), Node(NodeType::Undefined));
        }
    }
    const NodeData *m_data;
    size_t m_index;
    Entry m_entry;
};

inline Iterator Node::begin() const
{
    return Iterator(m_data, 0);
}

inline Iterator Node::end() const
{
    return Iterator(m_data, size());
}

/// The storage of one or more parsed documents (and of nodes made later, see mapOverlay()). Nodes keep
/// their addresses while the arena grows, so handles stay valid until the arena goes.
class Arena {
public:
    Arena() = default;
    Arena(const Arena &) = delete;
    Arena &operator=(const Arena &) = delete;

    /// A new mapping: `base`'s entries (except keys in `skipKeys`), then `over`'s, each key kept once
    /// with the value given last; as yaml-cpp's `merged[key] = value`, the new keys and the mapping
    /// itself have no mark.
    Node mapOverlay(const Node &base, const Node &over, std::initializer_list<std::string_view> skipKeys);

    NodeData &add() { return m_nodes.emplace_back(); }

private:
    std::deque<NodeData> m_nodes;
};

/// A syntax error: 1-based line and column (0 when unknown) and libyaml's words.
struct ParseError {
    int line = 0;
    int column = 0;
    QString message;
};

/// Deepest nesting of mappings and sequences accepted; deeper input is refused as a syntax error, so
/// that no reader of the tree recurses without bound.
constexpr int kMaxDepth = 1000;

/// Parses every document in `bytes` (UTF-8, optionally with a BOM) into `arena`. On a syntax error
/// fills `error` and returns false (the documents read so far stay in `documents`). When `duplicates` is
/// given, a mapping that repeats a scalar key adds an entry there at the repetition (the tree keeps both;
/// Node::child finds the first).
bool parseAll(const QByteArray &bytes, Arena &arena, std::vector<Node> &documents, ParseError &error,
              std::vector<ParseError> *duplicates = nullptr);

} // namespace meshscope::ytree
