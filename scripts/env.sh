# Sourced by the other scripts: the environment the builds need.
# Emscripten 3.1.6's tools need acorn from Debian's node modules.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
