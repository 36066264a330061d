package io.safetyhub.training.exam;

import java.time.LocalDate;

/** An exam result for signed-in callers in scope: the identity-card number masked. */
public record ExamResultView(String id, String personId, String name, String idCardNumber, String enterpriseId,
                             String enterpriseName, String district, String examName, LocalDate examDate, int score,
                             int passMark, boolean passed, boolean published) {
}
