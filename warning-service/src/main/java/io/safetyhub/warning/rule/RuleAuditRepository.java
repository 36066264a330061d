package io.safetyhub.warning.rule;

import io.safetyhub.platform.rest.PageRequest;
import io.safetyhub.warning.enterprise.TenantScope;

import java.util.List;

/** Where rule changes are audited: MongoDB in the service, memory in plain tests. Entries are never changed. */
public interface RuleAuditRepository {

    void append(RuleAudit entry);

    /** One page of the entries of the enterprises within reach, newest first. */
    List<RuleAudit> page(TenantScope.Reach reach, PageRequest page);

    long count(TenantScope.Reach reach);

    void deleteAll();
}
