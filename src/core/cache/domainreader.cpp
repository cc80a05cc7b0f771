#include "domainreader.h"

#include <QHash>

namespace meshscope::cache {

std::vector<DomainRecord> readDomains(sql::Connection &db)
{
    sql::Statement s = db.prepare("SELECT id, name, type, parent_id, description, owner FROM domains ORDER BY id, "
                                  "(type IS NULL) + (description IS NULL) + (owner IS NULL) + (parent_id IS NULL), "
                                  "document_id");
    auto fill = [](QString &field, const QString &value) {
        if (field.isEmpty())
            field = value;
    };
    std::vector<DomainRecord> out;
    QHash<QString, size_t> at;
    while (s.step()) {
        const QString id = s.text(0);
        auto it = at.constFind(id);
        if (it == at.cend()) {
            it = at.insert(id, out.size());
            out.push_back({});
            out.back().domain.id = id;
        }
        DomainRecord &r = out[*it];
        Domain &d = r.domain;
        const bool stub = s.isNull(2) && s.isNull(3) && s.isNull(4) && s.isNull(5);
        if (!stub || d.name.isEmpty())
            fill(d.name, s.text(1));
        if (d.type == DomainType::Unknown)
            d.type = parseDomainType(s.text(2));
        fill(d.parentId, s.text(3));
        fill(d.description, s.text(4));
        fill(d.owner, s.text(5));
        r.declared = r.declared || !stub;
    }
    for (DomainRecord &r : out)
        fill(r.domain.name, r.domain.id);
    return out;
}

} // namespace meshscope::cache
