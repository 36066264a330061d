package io.safetyhub.warning.notify;

import java.util.List;

/**
 * One receiver of a channel's notice: a robot, a list of phones (one SMS request), a list of e-mail addresses (one
 * message). Each target is attempted, retried and recorded on its own, so one robot that fails is not sent twice to
 * another that accepted.
 *
 * @param key     stable name of the target within its channel (a robot's name, "phones", "emails"): part of the
 *                delivery record's identity, never a secret
 * @param address what the channel sends to (phones, addresses, a robot's name resolved to its key at send time)
 * @param shown   the recipients as the delivery record shows them (phones masked, addresses masked)
 */
public record Target(String key, List<String> address, List<String> shown) {
    public Target {
        address = List.copyOf(address);
        shown = List.copyOf(shown);
    }
}
