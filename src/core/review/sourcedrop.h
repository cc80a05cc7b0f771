#pragma once

#include "cache/cachereader.h"

#include <QStringList>

#include <vector>

/// What removing sources from the app's list drops, told before it is done: what the cache holds only
/// through them, and the review work in their mesh folders, which stays on disk but leaves the app.
namespace meshscope::review {

/// One proposal with a review history in a removed mesh folder.
struct DroppedReview {
    QString contractId;
    QString version;
    QString stage;  ///< for people: "in review", "approved", ... (from the events; signatures not checked)
    bool open = false; ///< neither approved, rejected, withdrawn nor applied
    QString folder; ///< the review's folder on disk
};

struct SourceDrop {
    cache::SourceHoldings cache; ///< domains, products, contracts and proposals held only by these sources
    std::vector<DroppedReview> reviews;
    QStringList folders; ///< the mesh folders among the sources: their files are not touched

    int openReviews() const;
};

/// What removing `uris` (as the cache keys sources: absolute folder or file paths, catalog URLs) drops.
/// Reads the cache through `db` and each folder's reviews; never writes.
SourceDrop previewSourceDrop(sql::Connection &db, const QStringList &uris);

} // namespace meshscope::review
