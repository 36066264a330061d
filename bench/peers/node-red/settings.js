// Node-RED for the bench's peer run: the committed flow only, no editor, no HTTP endpoints, context in memory.
// bench/run peers starts it as: node node_modules/node-red/red.js --settings settings.js --userDir <run dir>
// with PEER_MQTT_HOST, PEER_MQTT_PORT (the peer's mosquitto), PEER_READINGS_FILE and PEER_NODE_RED_PORT set.
const path = require("path");

module.exports = {
    uiHost: "127.0.0.1",
    uiPort: parseInt(process.env.PEER_NODE_RED_PORT || "18800", 10),
    flowFile: path.join(__dirname, "flows.json"),
    flowFilePretty: true,
    credentialSecret: false,
    // The flow is the committed file: no editor to change it, no admin API to deploy another.
    httpAdminRoot: false,
    httpNodeRoot: false,
    disableEditor: true,
    contextStorage: {default: {module: "memory"}},
    logging: {console: {level: "info", metrics: false, audit: false}},
    editorTheme: {projects: {enabled: false}},
    // The bench stops it with SIGTERM at the end of the run.
    runtimeState: {enabled: false}
};
