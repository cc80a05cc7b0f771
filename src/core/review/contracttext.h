#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

/// Minimal textual edits of a contract's YAML, so that writing back a status, a version or a sunset
/// date leaves every other byte (formatting, comments, key order, unknown keys) as it was. Handles
/// ODCS (top-level `status`, `version`, `customProperties`) and DCS (`info.status`, `info.version`).
namespace meshscope::review {

struct ContractTextEdit {
    QString status;  ///< new status; empty: unchanged
    QString version; ///< new version; empty: unchanged
    /// Custom properties to add (ODCS `customProperties`, DCS `info.x-<name>`); one already present
    /// keeps its value, so applying an edit twice changes nothing.
    std::vector<std::pair<QString, QString>> properties;
};

/// Applies `edit` to `text`. The result is checked by importing it again: it must still read as the
/// same contract with only the edited fields changed; otherwise nullopt with `error` saying why.
std::optional<QByteArray> editContractText(const QString &file, const QByteArray &text, const ContractTextEdit &edit,
                                           QString *error);

/// Days in an ISO 8601 duration (P30D, P3M, P1Y, P2W; months 30 days, years 365); nullopt if unreadable.
std::optional<int> durationDays(const QString &iso);

} // namespace meshscope::review
