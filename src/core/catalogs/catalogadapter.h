#pragma once

#include "catalogsource.h"
#include "httpclient.h"
#include "model/importresult.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace meshscope::catalogs {

/// A catalog's entities as the cache keeps them: one raw JSON document per entity, by a path such as
/// "dataproducts/orders". Keeping the server's own JSON lets an incremental sync replace one entity
/// without fetching the rest, and keeps the original text (ARCHITECTURE.md: nothing lost).
using CatalogDocuments = std::map<QString, QByteArray>;

/// What an adapter hands the catalog sync after talking to the server.
struct CatalogFetch {
    /// true: `documents` is the whole catalog and anything else cached for this source is gone.
    /// false: an incremental update applied on top of the cached documents.
    bool complete = true;
    CatalogDocuments documents;
    QStringList removed; ///< paths deleted on the server (incremental updates only)
    QString cursor;      ///< where the next incremental sync resumes (event id, time); empty for none
    /// Problems met while fetching that did not stop the sync (a node the server failed on, a GraphQL
    /// error for one entity): reported with the sync, each naming the entity it concerns.
    std::vector<Diagnostic> diagnostics;
};

/// What an adapter may use while fetching.
struct CatalogContext {
    HttpClient &http;
    const CatalogLocation &location;
    QString cursor; ///< as stored by the previous successful sync; empty on the first
    /// Reports fetch progress: what is being read and how many entities so far.
    std::function<void(const QString &what, int entities)> progress;
};

/// @brief One catalog server behind the common sync: fetch raw documents (fully or incrementally), then
/// map each into the internal model. Mapping is pure and never touches the network, so the catalog sync
/// can re-map cached documents whose derived context changed.
class CatalogAdapter {
public:
    virtual ~CatalogAdapter() = default;

    /// Adds the authentication header for `token` (may be empty: the server may not need one).
    virtual void authenticate(HttpClient &http, const QString &token) const = 0;
    /// Whether the server always needs a token (a sync without one fails before any request).
    virtual bool requiresToken() const { return true; }
    /// Talks to the server. Throws CatalogError or CatalogCancelled.
    virtual CatalogFetch fetch(CatalogContext &context) = 0;
    /// Called once with all documents (cached plus fetched) before mapping, for relations that span
    /// documents (Entropy access agreements become consumer ports on products).
    virtual void prepare(const CatalogDocuments &all) { Q_UNUSED(all); }
    /// Extra bytes that decide, with the document's own text, whether it must be mapped again.
    virtual QByteArray context(const QString &path, const QByteArray &content) const
    {
        Q_UNUSED(path);
        Q_UNUSED(content);
        return {};
    }
    /// Maps one document. `path` names the place in diagnostics.
    virtual ImportResult import(const QString &path, const QByteArray &content) const = 0;
};

std::unique_ptr<CatalogAdapter> makeAdapter(CatalogKind kind);

// One factory per server (entropyadapter.cpp, marquezadapter.cpp, ...).
std::unique_ptr<CatalogAdapter> makeEntropyAdapter();
std::unique_ptr<CatalogAdapter> makeMarquezAdapter();
std::unique_ptr<CatalogAdapter> makeOpenMetadataAdapter();
std::unique_ptr<CatalogAdapter> makeDataHubAdapter();

} // namespace meshscope::catalogs
