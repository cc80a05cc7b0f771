#include "commands.h"
#include "commonoptions.h"

#include <QTextStream>

namespace meshscope::cli {

int syncCommand(const QStringList &)
{
    QTextStream(stderr) << "meshscope sync: not available yet" << Qt::endl;
    return BadUsage;
}

} // namespace meshscope::cli
