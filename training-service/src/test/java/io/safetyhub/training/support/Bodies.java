package io.safetyhub.training.support;

import io.safetyhub.training.personnel.IdCardNumber;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies shared by the tests; every new person gets a fresh, valid identity-card number. */
public final class Bodies {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(20_000));
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private Bodies() {
    }

    /** A valid number of the given division, born on a different day for every call. */
    public static String newIdCard(String division) {
        int n = SEQUENCE.incrementAndGet();
        String first17 = division + LocalDate.of(1960, 1, 1).plusDays(n).format(BASIC) + String.format("%03d", n % 1000);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    /**
     * An employee outside the three posts, so that creating one never moves the certificate rates; a null
     * enterprise leaves the field out (an enterprise user's own).
     */
    public static String person(String enterpriseId, String idCard) {
        return "{" + (enterpriseId == null ? "" : "\"enterpriseId\": \"" + enterpriseId + "\", ")
                + "\"name\": \"测试员工\", \"idCardNumber\": \"" + idCard
                + "\", \"post\": \"库管\", \"roleCategory\": \"OTHER\"}";
    }

    public static String certificate(String personId, String kind, LocalDate issuedOn) {
        return "{\"personId\": \"" + personId + "\", \"kind\": \"" + kind + "\", \"number\": \"T" + SEQUENCE.incrementAndGet()
                + "\", \"authority\": \"重庆市应急管理局\", \"issuedOn\": \"" + issuedOn + "\"}";
    }

    public static String trainingRecord(String personId, double hours, Integer score, LocalDate date) {
        return "{\"personId\": \"" + personId + "\", \"course\": \"测试课程\", \"hours\": " + hours + ", \"date\": \"" + date
                + "\", \"trainer\": \"安全部\"" + (score == null ? "" : ", \"examScore\": " + score) + "}";
    }

    /** An enterprise's own activity: no organiser (its registered name) and no district (its own). */
    public static String ownActivity(String kind, LocalDate date) {
        return activity(null, kind, date).replace("\"organiser\": \"测试单位\", ", "");
    }

    /** A regulator's activity, organised by {@code 测试单位}; a null district leaves the field out. */
    public static String activity(String district, String kind, LocalDate date) {
        return "{\"kind\": \"" + kind + "\", \"title\": \"测试活动\", \"organiser\": \"测试单位\""
                + (district == null ? "" : ", \"district\": \"" + district + "\"") + ", \"date\": \"" + date
                + "\", \"place\": \"会议室\", \"audience\": \"员工\", \"participants\": 10, \"materials\": [\"折页\"], \"onlineReach\": 5}";
    }
}
