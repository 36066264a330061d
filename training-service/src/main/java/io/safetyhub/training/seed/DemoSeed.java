package io.safetyhub.training.seed;

import io.quarkus.runtime.StartupEvent;
import io.safetyhub.training.activity.Activity;
import io.safetyhub.training.activity.ActivityKind;
import io.safetyhub.training.activity.ActivityRepository;
import io.safetyhub.training.certificate.Certificate;
import io.safetyhub.training.certificate.CertificateKind;
import io.safetyhub.training.certificate.CertificateRepository;
import io.safetyhub.training.certificate.CertificateRules;
import io.safetyhub.training.common.BusinessDay;
import io.safetyhub.training.config.TrainingConfig;
import io.safetyhub.training.exam.ExamResult;
import io.safetyhub.training.exam.ExamResultRepository;
import io.safetyhub.training.personnel.EmploymentStatus;
import io.safetyhub.training.personnel.IdCardNumber;
import io.safetyhub.training.personnel.Person;
import io.safetyhub.training.personnel.PersonRepository;
import io.safetyhub.training.personnel.RoleCategory;
import io.safetyhub.training.trainingrecord.TrainingRecord;
import io.safetyhub.training.trainingrecord.TrainingRecordRepository;
import io.safetyhub.training.trainingrecord.TrainingRequirements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Demo personnel of the demo district's enterprises with certificates in every state (valid, expiring,
 * expired, revoked, review due, none), training records, exam results and activities, written at startup
 * when {@code training.seed-demo=true}. Dates are relative to the first seeding day so that the states hold;
 * ids are fixed and only missing entries are written, so a restart keeps what users changed since.
 */
@ApplicationScoped
public class DemoSeed {
    private static final Logger LOG = Logger.getLogger(DemoSeed.class);

    private final TrainingConfig config;
    private final BusinessDay days;
    private final PersonRepository people;
    private final CertificateRepository certificates;
    private final CertificateRules rules;
    private final TrainingRecordRepository records;
    private final TrainingRequirements requirements;
    private final ExamResultRepository exams;
    private final ActivityRepository activities;
    private final Clock clock;

    public DemoSeed(TrainingConfig config, BusinessDay days, Clock clock, PersonRepository people, CertificateRepository certificates,
                    CertificateRules rules, TrainingRecordRepository records, TrainingRequirements requirements,
                    ExamResultRepository exams, ActivityRepository activities) {
        this.config = config;
        this.days = days;
        this.clock = clock;
        this.people = people;
        this.certificates = certificates;
        this.rules = rules;
        this.records = records;
        this.requirements = requirements;
        this.exams = exams;
        this.activities = activities;
    }

    void onStart(@Observes StartupEvent ignored) {
        if (config.seedDemo()) {
            LocalDate today = days.today();
            Instant now = clock.instant();
            int written = 0;
            for (String[] row : SeedFile.rows("/seed/demo-personnel.csv", 16)) {
                written += person(row, today, now);
            }
            for (String[] row : SeedFile.rows("/seed/demo-training.csv", 6)) {
                written += trainingRecord(row, today, now);
            }
            for (String[] row : SeedFile.rows("/seed/demo-exams.csv", 5)) {
                written += exam(row, today, now);
            }
            for (String[] row : SeedFile.rows("/seed/demo-activities.csv", 12)) {
                written += activity(row, today, now);
            }
            LOG.infof("training demo data seeded: %d new entries", written);
        }
    }

    private int person(String[] r, LocalDate today, Instant now) {
        String id = "p-demo-" + r[0];
        if (people.findById(id).isPresent()) {
            return 0;
        }
        String first17 = r[3] + r[4] + r[5];
        String idCard = first17 + IdCardNumber.checkCharacter(first17);
        people.save(new Person(id, r[1], r[2], idCard, Person.key(r[1], idCard), r[6], RoleCategory.valueOf(r[7]),
                EmploymentStatus.valueOf(r[8]), today.minusYears(Integer.parseInt(r[9])), now, now));
        if (r[10].isEmpty()) {
            return 1;
        }
        CertificateKind kind = CertificateKind.valueOf(r[10]);
        LocalDate issued = today.minusYears(Integer.parseInt(r[11])).plusDays(Integer.parseInt(r[12]));
        LocalDate validUntil = rules.defaultValidUntil(kind, issued);
        boolean revoked = !r[13].isEmpty();
        certificates.save(new Certificate("c-demo-" + r[0], id, r[1], kind, r[14] + first17.substring(6, 14) + r[5],
                r[15], issued, validUntil, rules.defaultNextReview(kind, issued, validUntil), revoked,
                revoked ? r[13] : null, revoked ? now : null, revoked ? "demo-seed" : null, List.of(), now));
        return 2;
    }

    private int trainingRecord(String[] r, LocalDate today, Instant now) {
        String id = "t-demo-" + r[0];
        Person person = people.findById("p-demo-" + r[0]).orElse(null);
        if (person == null || records.exists(id)) {
            return 0;
        }
        Integer score = r[5].isEmpty() ? null : Integer.valueOf(r[5]);
        int passMark = requirements.passMark(person.roleCategory());
        records.save(new TrainingRecord(id, person.id(), person.enterpriseId(), r[1], Double.parseDouble(r[2]),
                today.minusDays(Integer.parseInt(r[3])), r[4], score, passMark, score == null ? null : score >= passMark, now));
        return 1;
    }

    private int exam(String[] r, LocalDate today, Instant now) {
        String id = "x-demo-" + r[0];
        Person person = people.findById("p-demo-" + r[0]).orElse(null);
        if (person == null || exams.findById(id).isPresent()) {
            return 0;
        }
        int score = Integer.parseInt(r[3]);
        int passMark = config.training().defaultPassMark();
        boolean published = Boolean.parseBoolean(r[4]);
        exams.save(new ExamResult(id, person.id(), person.enterpriseId(), r[1].replace("{year}", Integer.toString(today.getYear())),
                today.minusDays(Integer.parseInt(r[2])), score, passMark, score >= passMark, published,
                published ? now : null, published ? "demo-seed" : null, "demo-seed", now));
        return 1;
    }

    private int activity(String[] r, LocalDate today, Instant now) {
        String id = "a-demo-" + r[0];
        if (activities.findById(id).isPresent()) {
            return 0;
        }
        LocalDate date = r[6].startsWith("+") ? today.plusDays(Integer.parseInt(r[6].substring(1)))
                : LocalDate.parse(today.getYear() + "-" + r[6]);
        List<String> materials = r[10].isEmpty() ? List.of() : Arrays.asList(r[10].split(";"));
        activities.save(new Activity(id, ActivityKind.valueOf(r[1]), r[2], r[3], r[4].isEmpty() ? null : r[4], r[5], date,
                r[7], r[8], Integer.parseInt(r[9]), materials, Long.parseLong(r[11]), "demo-seed", now, now));
        return 1;
    }
}
