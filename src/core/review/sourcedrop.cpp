#include "sourcedrop.h"

#include "reviewstate.h"
#include "reviewstore.h"

#include <QFileInfo>

#include <algorithm>

namespace meshscope::review {

int SourceDrop::openReviews() const
{
    return int(std::count_if(reviews.begin(), reviews.end(), [](const DroppedReview &r) { return r.open; }));
}

SourceDrop previewSourceDrop(sql::Connection &db, const QStringList &uris)
{
    SourceDrop drop;
    drop.cache = cache::CacheReader(db).heldOnlyBy(uris);
    for (const QString &uri : uris) {
        if (!QFileInfo(uri).isDir())
            continue; // a catalog server or a single file holds no reviews
        drop.folders << uri;
        const ReviewStore store(uri);
        for (const ProposalKey &key : store.proposals()) {
            // The stage from the events alone: enough to tell open from done, without running ssh-keygen
            // over every signature of every review just to ask a question.
            const ReviewState state = computeState(store.load(key.contractId, key.version).events);
            drop.reviews.push_back({key.contractId, key.version, stageLabel(state.stage),
                                    !isFinal(state.stage) && !state.applied,
                                    store.folderOf(key.contractId, key.version)});
        }
    }
    return drop;
}

} // namespace meshscope::review
