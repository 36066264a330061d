package io.safetyhub.enterprise.duty;

/** What a duty check found: nothing wrong, or problems (described in its findings). */
public enum DutyOutcome { OK, PROBLEMS }
