package io.safetyhub.enforcement.credit;

import java.time.Instant;

/**
 * One event in an enterprise's credit ledger (collection {@code credit_entries}). {@code id} is the cause's own
 * identity ({@code case:ca-1}, {@code alarm-ack:al-9}, …), so the same event entered twice is kept once.
 *
 * @param fine   yuan, for penalties and their revocation; 0 otherwise
 * @param points what the formula gave it when entered (the weights in force then)
 */
public record CreditEntry(String id, String enterpriseId, CreditCause cause, String ref, long fine, int points,
                          Instant at, String note) {
}
