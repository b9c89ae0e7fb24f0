// Keras (snake_case) configs to TF.js's camelCase (tfjs-layers' convertPythonicToTs). Internal.
#pragma once
#include <string>

#include "edgeflow/layers/config_json.h"

namespace edgeflow {

// Keys and string values to camelCase; node names in inboundNodes/inputLayers/outputLayers and
// "name" fields are kept. key: the field holding c.
Json pythonicToTs(const Json& c, const std::string& key = "");

}  // namespace edgeflow
