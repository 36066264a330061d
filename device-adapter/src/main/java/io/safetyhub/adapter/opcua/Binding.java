package io.safetyhub.adapter.opcua;

import io.safetyhub.adapter.device.Device;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/** One monitored node: which device and metric its values are, and the unit the source reports them in. */
record Binding(Device device, String metric, NodeId nodeId, String unit) {

    /** Identifies the monitored item across reconciliations: the same key with another node id is re-created. */
    String key() {
        return device.id() + "|" + metric;
    }
}
