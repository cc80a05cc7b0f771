#pragma once

#include "cache/sqlite.h"

#include <QString>

#include <functional>

/// The offline bundle: a static, read-only web site of the mesh that opens from disk in any browser
/// with no server, for people who do not run Meshscope. Every link is relative, every file name safe,
/// every text from the documents HTML-escaped (descriptions are shown as plain text, never as markup).
///
///   index.html                  domains with product counts and health, links to everything
///   contracts.html              every contract version
///   domains/<domain>.html       a domain: sub-domains, products, dependencies
///   products/<product>.html     a product: ports, contracts, schema, SLOs, checks, neighbours
///   contracts/<id@version>.html a contract version: summary and the YAML it was read from
///   lineage/<product>.svg       the product's one-hop product-level neighbourhood
///   style.css
namespace meshscope::exporting {

struct HtmlSiteResult {
    bool ok = false;
    QString error; ///< names the file that could not be written
    int domains = 0;
    int products = 0;
    int contracts = 0; ///< contract versions
    int files = 0;     ///< every file written
};

/// Writes the site for the cache `db` into `dir` (created if missing; existing files are
/// overwritten, others left alone). `progress(done, total)` is called after each page.
HtmlSiteResult exportHtmlSite(sql::Connection &db, const QString &dir,
                              const std::function<void(int, int)> &progress = {});

} // namespace meshscope::exporting
