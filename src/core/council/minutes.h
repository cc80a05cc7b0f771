#pragma once

#include "meeting.h"

#include <functional>

/// The minutes of a council meeting for people who were not there: attendees, each agenda item with its
/// decision, the action items with owners and due dates, and the notes.
namespace meshscope::council {

/// Markdown (CommonMark). `contractLink` turns a contract ref (id@version) into a link target, e.g. a
/// file path or URL; empty means no links.
QString minutesMarkdown(const Meeting &meeting, const std::function<QString(const QString &)> &contractLink = {});

/// The same minutes as plain report text for exporting::textPdf ("# " headings, "## " sub-headings, lines
/// indented by four spaces monospace): no Markdown markup shows in the PDF the CLI writes.
QString minutesText(const Meeting &meeting);

} // namespace meshscope::council
