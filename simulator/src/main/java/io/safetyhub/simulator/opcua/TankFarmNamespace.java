package io.safetyhub.simulator.opcua;

import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tank farm's address space: {@code Objects/TankFarm/<object>/<metric>}, each a Double variable with the string
 * node id {@code TankFarm/<object>/<metric>} (namespace index 2, the first after the server's own), e.g.
 * {@code ns=2;s=TankFarm/T101/level}. Values change through {@link #set}; subscribers are served by Milo's sampling.
 */
final class TankFarmNamespace extends SampledNamespace {
    static final String URI = "urn:safetyhub:simulator:tank-farm";

    private final Map<String, UaVariableNode> variables = new LinkedHashMap<>();

    TankFarmNamespace(OpcUaServer server, Map<String, List<String>> metricsByObject) {
        super(server, URI);
        getLifecycleManager().addStartupTask(() -> addNodes(metricsByObject));
    }

    /** Sets a value now, GOOD, or with {@code status} (e.g. a failed transmitter is Bad_SensorFailure). */
    void set(String object, String metric, double value, StatusCode status) {
        UaVariableNode node = variables.get(object + "/" + metric);
        if (node != null) {
            DateTime now = DateTime.now();
            node.setValue(new DataValue(new Variant(value), status, now, now));
        }
    }

    private void addNodes(Map<String, List<String>> metricsByObject) {
        UaFolderNode farm = folder("TankFarm");
        farm.addReference(new Reference(farm.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
        metricsByObject.forEach((object, metrics) -> {
            UaFolderNode folder = folder("TankFarm/" + object);
            farm.addOrganizes(folder);
            for (String metric : metrics) {
                String path = object + "/" + metric;
                UaVariableNode node = addDoubleVariable("TankFarm/" + path, metric, 100.0);
                folder.addOrganizes(node);
                variables.put(path, node);
            }
        });
    }

    private UaFolderNode folder(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(path), newQualifiedName(name),
                LocalizedText.english(name));
        getNodeManager().addNode(folder);
        return folder;
    }
}
