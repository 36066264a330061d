package io.safetyhub.training.exam;

import java.time.Instant;
import java.time.LocalDate;

/** A principal's result in the legal-knowledge exam (应知应会考试), as stored in {@code exam_results}. */
public record ExamResult(String id, String personId, String enterpriseId, String examName, LocalDate examDate, int score,
                         int passMark, boolean passed, boolean published, Instant publishedAt, String publishedBy,
                         String recordedBy, Instant createdAt) {
}
