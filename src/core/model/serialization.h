#pragma once

#include "entities.h"

#include <QJsonObject>

/// Entities <-> JSON, the form the cache keeps in its `data` columns. Empty fields are left out,
/// so two entities that differ only in fields a document never set serialize the same.
namespace meshscope::json {

QJsonObject toJson(const Domain &x);
QJsonObject toJson(const Team &x);
QJsonObject toJson(const DataProduct &x);
QJsonObject toJson(const Contract &x);
QJsonObject toJson(const GovernancePolicy &x);
QJsonObject toJson(const Dataset &x);
QJsonObject toJson(const Job &x);
QJsonObject toJson(const SemanticModel &x);
QJsonObject toJson(const Metric &x);

void fromJson(const QJsonObject &o, Domain &x);
void fromJson(const QJsonObject &o, Team &x);
void fromJson(const QJsonObject &o, DataProduct &x);
void fromJson(const QJsonObject &o, Contract &x);
void fromJson(const QJsonObject &o, GovernancePolicy &x);
void fromJson(const QJsonObject &o, Dataset &x);
void fromJson(const QJsonObject &o, Job &x);
void fromJson(const QJsonObject &o, SemanticModel &x);
void fromJson(const QJsonObject &o, Metric &x);

/// Compact UTF-8 JSON text of an object.
QByteArray compact(const QJsonObject &o);
QJsonObject parseObject(const QByteArray &text);

} // namespace meshscope::json
