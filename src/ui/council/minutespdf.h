#pragma once

#include <QString>

/// Renders Markdown minutes to an A4 PDF (QTextDocument + QPdfWriter). Needs a QGuiApplication.
bool writeMinutesPdf(const QString &markdown, const QString &path, QString *error);
