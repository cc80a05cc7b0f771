#pragma once

#include "editor/contractdocument.h"

#include <QString>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

/// The editor's helpers for finding values in a YAML text and rewriting them in place (defined in
/// contractdocument.cpp), shared with setvalue.cpp. Offsets are into the UTF-8 bytes.
namespace meshscope::editor::yamltext {

/// Parses `text`; nullopt with the parser's message (and 1-based line) on a syntax error.
std::optional<YAML::Node> parse(const std::string &text, QString *error, int *line = nullptr);
/// The child of `node` named by one path step; undefined when absent.
YAML::Node child(const YAML::Node &node, const QString &step);
/// The node at `path` (from its step `from` on) below `node`; undefined when absent.
YAML::Node walk(const YAML::Node &node, const YamlPath &path, qsizetype from = 0);
/// The key node of `step` in the mapping `map` (for its mark), undefined when absent.
YAML::Node keyNode(const YAML::Node &map, const QString &step);
size_t lineStart(const std::string &s, size_t pos);
/// The offset of the line break ending the line at `pos` (the text's size on the last line).
size_t lineEnd(const std::string &s, size_t pos);
/// Indentation of the line starting at `start`; -1 for blank and comment-only lines.
int indentOf(const std::string &s, size_t start);
/// Where the scalar written at `pos` ends (exclusive), keeping a trailing comment outside.
size_t scalarEnd(const std::string &s, size_t pos);
/// setScalar() on the text `s` already parsed into `root` (setValue() parses once for both).
std::optional<QString> writeScalar(std::string s, const YAML::Node &root, const YamlPath &path, const QString &value,
                                   QString *error);

} // namespace meshscope::editor::yamltext
