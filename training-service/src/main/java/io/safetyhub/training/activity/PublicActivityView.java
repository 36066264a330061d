package io.safetyhub.training.activity;

import java.time.LocalDate;

/** An upcoming activity as the public sees it: where and when to go, nothing internal. */
public record PublicActivityView(ActivityKind kind, String title, String organiser, String district, LocalDate date,
                                 String place, String audience) {
}
