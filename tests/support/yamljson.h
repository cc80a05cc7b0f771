#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <yaml-cpp/yaml.h>

/// Converts corpus YAML into the JSON a catalog server would serve for the same document.
namespace testsupport {

inline QJsonValue yamlToJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (const auto &kv : node)
            o.insert(QString::fromStdString(kv.first.as<std::string>()), yamlToJson(kv.second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const auto &item : node)
            a.append(yamlToJson(item));
        return a;
    }
    case YAML::NodeType::Scalar: {
        const std::string s = node.Scalar();
        if (node.Tag() == "!")
            return QString::fromStdString(s); // quoted in the YAML: a string
        if (s == "true" || s == "false")
            return s == "true";
        bool ok = false;
        const qint64 i = QString::fromStdString(s).toLongLong(&ok);
        if (ok)
            return i;
        const double d = QString::fromStdString(s).toDouble(&ok);
        if (ok)
            return d;
        return QString::fromStdString(s);
    }
    default:
        return QJsonValue();
    }
}

inline QJsonObject yamlFileToJson(const QString &path)
{
    return yamlToJson(YAML::LoadFile(path.toStdString())).toObject();
}

} // namespace testsupport
