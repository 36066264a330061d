package io.safetyhub.warning.broadcast;

import io.safetyhub.platform.Caller;

import java.util.List;

/**
 * Which recipient lines of a warning a reader is shown (issue 15 item 6): the platform's one tenant rule applied to
 * each line's place as published. A multi-district warning is visible to each district's regulator, but its lines for
 * other districts are not; an enterprise sees only its own line; operators and city-wide regulators every line.
 */
final class RecipientScope {
    private RecipientScope() {
    }

    static List<WarningView.Recipient> visibleTo(Caller caller, List<WarningView.Recipient> all) {
        return all.stream().filter(r -> caller.sees(r.enterpriseId(), r.district(), r.town(), null)).toList();
    }
}
