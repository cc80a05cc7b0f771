#include "vocabulary.h"

namespace meshscope::generate::vocabulary {

const std::vector<std::string_view> &domainWords()
{
    static const std::vector<std::string_view> words{
        "orders", "payments", "customers", "inventory", "shipping", "marketing", "sales", "finance",
        "logistics", "catalog", "pricing", "fulfillment", "returns", "billing", "procurement",
        "suppliers", "warehousing", "support", "loyalty", "recommendations", "fraud", "risk",
        "people", "payroll", "accounting", "claims", "policies", "subscriptions", "web-analytics",
        "mobile", "campaigns", "partners", "stores", "merchandising", "supply-chain", "forecasting",
        "compliance", "identity", "devices", "telemetry", "content", "search", "reviews",
        "advertising", "crm", "reporting", "treasury", "tax"};
    return words;
}

const std::vector<std::string_view> &subDomainWords()
{
    static const std::vector<std::string_view> words{"emea", "apac", "americas", "b2b", "b2c",
                                                     "online", "retail", "wholesale"};
    return words;
}

const std::vector<std::string_view> &subjects()
{
    static const std::vector<std::string_view> words{
        "orders", "order-items", "customers", "accounts", "invoices", "payments", "refunds",
        "shipments", "deliveries", "stock-levels", "products", "prices", "promotions", "sessions",
        "page-views", "clicks", "tickets", "contracts", "claims", "transactions", "ledger-entries",
        "suppliers", "purchase-orders", "returns", "subscriptions", "churn-scores", "forecasts",
        "segments", "campaign-results", "devices", "events", "addresses", "reviews", "ratings",
        "inventory-moves", "store-visits", "loyalty-points", "fraud-alerts", "risk-scores", "kpis"};
    return words;
}

const std::vector<std::string_view> &qualifiers()
{
    static const std::vector<std::string_view> words{
        "", "", "", "daily", "hourly", "latest", "history", "snapshot", "enriched", "cleansed",
        "summary", "by-region", "by-customer", "weekly", "monthly", "360", "curated"};
    return words;
}

const std::vector<std::string_view> &objectSuffixes()
{
    static const std::vector<std::string_view> words{"history", "daily", "errors", "snapshot",
                                                     "changes"};
    return words;
}

const std::vector<std::string_view> &firstNames()
{
    static const std::vector<std::string_view> words{
        "alice", "bob", "carla", "deniz", "emma", "farid", "grace", "hiro", "ines", "jonas",
        "kemal", "lena", "mateo", "nadia", "oskar", "priya", "quinn", "rosa", "sven", "tariq",
        "ursula", "viktor", "wen", "ximena", "yusuf", "zoe"};
    return words;
}

const std::vector<std::string_view> &lastNames()
{
    static const std::vector<std::string_view> words{
        "smith", "garcia", "mueller", "rossi", "dubois", "nowak", "silva", "tanaka", "kim", "ivanova",
        "okafor", "hansen", "novak", "yilmaz", "murphy", "costa", "berg", "sato", "patel", "weber"};
    return words;
}

const ColumnKind &keyColumn()
{
    static const ColumnKind key{"id", "string", "uuid", "internal", "Unique identifier of the record."};
    return key;
}

const std::vector<ColumnKind> &columns()
{
    static const std::vector<ColumnKind> kinds{
        {"customer_id", "string", "varchar(36)", "internal", "The customer this record belongs to."},
        {"order_id", "string", "varchar(36)", "internal", "The order this record belongs to."},
        {"account_id", "string", "varchar(36)", "internal", "The account this record belongs to."},
        {"product_id", "string", "varchar(36)", "internal", "The product concerned."},
        {"store_id", "string", "varchar(36)", "internal", "The store concerned."},
        {"region", "string", "varchar(16)", "public", "Sales region."},
        {"country_code", "string", "varchar(2)", "public", "ISO 3166-1 alpha-2 country code."},
        {"currency", "string", "varchar(3)", "public", "ISO 4217 currency code."},
        {"amount", "number", "numeric(12,2)", "internal", "Amount in the record's currency."},
        {"quantity", "integer", "integer", "internal", "Number of units."},
        {"unit_price", "number", "numeric(10,2)", "internal", "Price of one unit."},
        {"discount", "number", "numeric(5,2)", "internal", "Discount applied, in percent."},
        {"status", "string", "varchar(32)", "public", "Lifecycle status."},
        {"channel", "string", "varchar(32)", "public", "Sales or contact channel."},
        {"email", "string", "varchar(255)", "restricted", "E-mail address (personal data)."},
        {"phone", "string", "varchar(32)", "restricted", "Phone number (personal data)."},
        {"full_name", "string", "varchar(200)", "restricted", "Full name (personal data)."},
        {"birth_date", "date", "date", "confidential", "Date of birth (personal data)."},
        {"created_at", "timestamp", "timestamptz", "public", "When the record was created."},
        {"updated_at", "timestamp", "timestamptz", "public", "When the record last changed."},
        {"event_time", "timestamp", "timestamptz", "public", "When the event happened."},
        {"event_date", "date", "date", "public", "Day of the event."},
        {"is_active", "boolean", "boolean", "public", "Whether the record is active."},
        {"score", "number", "double precision", "internal", "Model score between 0 and 1."},
        {"segment", "string", "varchar(64)", "internal", "Customer segment."},
        {"revenue", "number", "numeric(14,2)", "confidential", "Revenue in EUR."},
        {"cost", "number", "numeric(14,2)", "confidential", "Cost in EUR."},
        {"margin", "number", "numeric(5,4)", "confidential", "Margin as a fraction of revenue."},
        {"session_id", "string", "varchar(64)", "internal", "Web or app session."},
        {"device_type", "string", "varchar(32)", "public", "Kind of device."},
        {"ip_address", "string", "varchar(45)", "restricted", "Client IP address (personal data)."},
        {"latitude", "number", "double precision", "restricted", "Latitude of the location."},
        {"longitude", "number", "double precision", "restricted", "Longitude of the location."},
        {"rating", "integer", "smallint", "public", "Rating from 1 to 5."},
        {"comment", "string", "text", "internal", "Free-text comment."},
        {"category", "string", "varchar(64)", "public", "Product category."},
        {"sku", "string", "varchar(32)", "public", "Stock keeping unit."},
        {"warehouse_id", "string", "varchar(36)", "internal", "The warehouse concerned."},
        {"carrier", "string", "varchar(64)", "public", "Shipping carrier."},
        {"tracking_number", "string", "varchar(64)", "internal", "Carrier tracking number."},
    };
    return kinds;
}

} // namespace meshscope::generate::vocabulary
