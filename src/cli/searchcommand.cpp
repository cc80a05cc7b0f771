#include "commands.h"
#include "commonoptions.h"

#include <QTextStream>

namespace meshscope::cli {

int searchCommand(const QStringList &)
{
    QTextStream(stderr) << "meshscope search: not available yet" << Qt::endl;
    return BadUsage;
}

} // namespace meshscope::cli
