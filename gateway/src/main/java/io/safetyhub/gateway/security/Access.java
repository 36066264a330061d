package io.safetyhub.gateway.security;

/** The gateway's answer to "may this caller make this request?". */
public enum Access {
    /** Forward it. */
    ALLOWED,
    /** No (valid) token where one is needed: 401. */
    UNAUTHENTICATED,
    /** Known caller without a role the policy asks for, or no policy entry at all: 403. */
    FORBIDDEN
}
