package io.safetyhub.training.trainingrecord;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One course a person attended, as stored in {@code training_records}; the pass mark in force when it was
 * recorded is kept with it, so a later change of the setting does not rewrite past results.
 */
public record TrainingRecord(String id, String personId, String enterpriseId, String course, double hours,
                             LocalDate date, String trainer, Integer examScore, int passMark, Boolean passed,
                             Instant createdAt) {
}
