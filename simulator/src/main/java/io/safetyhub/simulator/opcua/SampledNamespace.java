package io.safetyhub.simulator.opcua;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

import java.util.List;

/**
 * A namespace of read-only Double variables whose subscribers Milo's {@link SubscriptionModel} serves by sampling.
 * Milo asks every namespace to route its monitored-item callbacks itself; this does it once, for the simulator's
 * tank farm and the bench's load server alike.
 */
public abstract class SampledNamespace extends ManagedNamespaceWithLifecycle {
    private final SubscriptionModel subscriptions;

    protected SampledNamespace(OpcUaServer server, String namespaceUri) {
        super(server, namespaceUri);
        this.subscriptions = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptions);
    }

    /** A read-only Double variable, 0.0 until set, added to the node manager (not yet organised in a folder). */
    protected UaVariableNode addDoubleVariable(String nodeId, String name, double minimumSamplingMs) {
        UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                .setNodeId(newNodeId(nodeId))
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(NodeIds.Double)
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .setAccessLevel(AccessLevel.READ_ONLY)
                .setUserAccessLevel(AccessLevel.READ_ONLY)
                .setMinimumSamplingInterval(minimumSamplingMs)
                .setValue(new DataValue(new Variant(0.0)))
                .build();
        getNodeManager().addNode(node);
        return node;
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptions.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptions.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptions.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptions.onMonitoringModeChanged(items);
    }
}
