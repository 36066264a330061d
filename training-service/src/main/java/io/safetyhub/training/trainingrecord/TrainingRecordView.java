package io.safetyhub.training.trainingrecord;

import java.time.LocalDate;

/** A training record as callers see it. {@code passed} is null when there was no exam. */
public record TrainingRecordView(String id, String personId, String personName, String enterpriseId, String enterpriseName,
                                 String course, double hours, LocalDate date, String trainer, Integer examScore,
                                 int passMark, Boolean passed) {
}
