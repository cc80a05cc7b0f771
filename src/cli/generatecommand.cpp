#include "commands.h"
#include "commonoptions.h"

#include <QTextStream>

namespace meshscope::cli {

int generateCommand(const QStringList &)
{
    QTextStream(stderr) << "meshscope generate: not available yet" << Qt::endl;
    return BadUsage;
}

} // namespace meshscope::cli
