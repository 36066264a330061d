package io.safetyhub.training.exam;

import java.time.LocalDate;

/** A published result as the public sees it: name and identity-card number masked, no internal ids. */
public record PublicExamResultView(String name, String idCardNumber, String enterpriseName, String district,
                                   String examName, LocalDate examDate, int score, boolean passed) {
}
